package id.siklus.support.privacy;

import id.siklus.api.household.Sealed;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataCipherTest {

    private static final String HOUSEHOLD = "2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50";
    private static final String OTHER_HOUSEHOLD = "7a2d4b1e-0c43-4a5e-9f43-7b1d2c3e4f51";
    private static final String NAME = "Siti Aminah";

    private final byte[] key = PersonalDataCipher.newDataKey();
    private final PersonalDataCipher cipher = new PersonalDataCipher(PersonalDataCipher.newDataKey());

    @Test
    void aSealedValueOpensWithItsKeyHouseholdAndField() {
        Sealed sealed = PersonalDataCipher.seal(key, HOUSEHOLD, "headName", NAME);

        assertThat(sealed.keyId()).isEqualTo(HOUSEHOLD);
        assertThat(PersonalDataCipher.open(key, HOUSEHOLD, "headName", sealed)).isEqualTo(NAME);
    }

    @Test
    void theCiphertextHoldsNoPlaintextAndDiffersEachTime() {
        Sealed first = PersonalDataCipher.seal(key, HOUSEHOLD, "headName", NAME);
        Sealed second = PersonalDataCipher.seal(key, HOUSEHOLD, "headName", NAME);

        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(new String(Base64.getDecoder().decode(first.ciphertext()), StandardCharsets.ISO_8859_1))
                .doesNotContain(NAME);
        assertThat(first.toString()).doesNotContain(first.ciphertext());
    }

    @Test
    void aTamperedCiphertextIsRejected() {
        Sealed sealed = PersonalDataCipher.seal(key, HOUSEHOLD, "headName", NAME);
        byte[] bytes = Base64.getDecoder().decode(sealed.ciphertext());
        for (int i : new int[]{0, 12, bytes.length - 1}) {
            byte[] tampered = bytes.clone();
            tampered[i] ^= 0x01;
            Sealed altered = new Sealed(HOUSEHOLD, Base64.getEncoder().encodeToString(tampered));

            assertThatThrownBy(() -> PersonalDataCipher.open(key, HOUSEHOLD, "headName", altered))
                    .as("bit flipped at byte %d", i)
                    .isInstanceOf(PersonalDataCipher.Unreadable.class)
                    .hasMessageNotContaining(NAME);
        }
    }

    @Test
    void aTruncatedOrNonBase64CiphertextIsRejected() {
        assertThatThrownBy(() -> PersonalDataCipher.open(key, HOUSEHOLD, "headName", new Sealed(HOUSEHOLD, "AAEC")))
                .isInstanceOf(PersonalDataCipher.Unreadable.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(key, HOUSEHOLD, "headName", new Sealed(HOUSEHOLD, "%%")))
                .isInstanceOf(PersonalDataCipher.Unreadable.class);
    }

    @Test
    void anotherHouseholdsKeyDoesNotOpenIt() {
        Sealed sealed = PersonalDataCipher.seal(key, HOUSEHOLD, "headName", NAME);
        byte[] otherKey = PersonalDataCipher.newDataKey();

        assertThatThrownBy(() -> PersonalDataCipher.open(otherKey, HOUSEHOLD, "headName", sealed))
                .isInstanceOf(PersonalDataCipher.Unreadable.class);
    }

    @Test
    void ciphertextCopiedToAnotherHouseholdOrFieldDoesNotOpen() {
        Sealed sealed = PersonalDataCipher.seal(key, HOUSEHOLD, "headName", NAME);
        Sealed copied = new Sealed(OTHER_HOUSEHOLD, sealed.ciphertext());

        // even with the very key: the household id is associated data
        assertThatThrownBy(() -> PersonalDataCipher.open(key, OTHER_HOUSEHOLD, "headName", copied))
                .isInstanceOf(PersonalDataCipher.Unreadable.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(key, OTHER_HOUSEHOLD, "headName", sealed))
                .isInstanceOf(PersonalDataCipher.Unreadable.class);
        assertThatThrownBy(() -> PersonalDataCipher.open(key, HOUSEHOLD, "nik", sealed))
                .isInstanceOf(PersonalDataCipher.Unreadable.class);
    }

    @Test
    void aWrappedKeyUnwrapsForItsHouseholdUnderItsMasterKeyOnly() {
        byte[] wrapped = cipher.wrap(HOUSEHOLD, key);

        assertThat(cipher.unwrap(HOUSEHOLD, wrapped)).isEqualTo(key);
        assertThatThrownBy(() -> cipher.unwrap(OTHER_HOUSEHOLD, wrapped))
                .isInstanceOf(PersonalDataCipher.Unreadable.class);
        PersonalDataCipher otherMaster = new PersonalDataCipher(PersonalDataCipher.newDataKey());
        assertThatThrownBy(() -> otherMaster.unwrap(HOUSEHOLD, wrapped))
                .isInstanceOf(PersonalDataCipher.Unreadable.class);
        byte[] tampered = wrapped.clone();
        tampered[20] ^= 0x40;
        assertThatThrownBy(() -> cipher.unwrap(HOUSEHOLD, tampered))
                .isInstanceOf(PersonalDataCipher.Unreadable.class);
    }

    @Test
    void aMasterKeyFromConfigurationMustBe256BitsOfBase64() {
        String good = Base64.getEncoder().encodeToString(PersonalDataCipher.newDataKey());

        assertThat(PersonalDataCipher.fromBase64(good, "p")).isNotNull();
        assertThatThrownBy(() -> PersonalDataCipher.fromBase64("", "p")).hasMessageContaining("p is not set");
        assertThatThrownBy(() -> PersonalDataCipher.fromBase64("c2hvcnQ=", "p")).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> PersonalDataCipher.fromBase64("not base64!", "p")).hasMessageContaining("base64");
    }
}
