package id.siklus.query.household;

import id.siklus.api.household.Sealed;
import id.siklus.support.privacy.PersonalDataCipher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Opening sealed names on the query side; the key store itself is read for real in PersonalDataIT. */
class HouseholdKeysTest {

    private static final String HOUSEHOLD = "2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50";
    private final byte[] master = PersonalDataCipher.newDataKey();
    private HouseholdKeys keys;

    private HouseholdKeys keys() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        keys = new HouseholdKeys(Base64.getEncoder().encodeToString(master),
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/siklus", "reader", "");
        return keys;
    }

    @AfterEach
    void close() {
        if (keys != null) {
            keys.destroy();
        }
    }

    @Test
    void aLiveKeyOpensTheNameAndNothingElse() throws Exception {
        HouseholdKeys keys = keys();
        byte[] dataKey = PersonalDataCipher.newDataKey();
        HouseholdKeys.KeyState live =
                new HouseholdKeys.KeyState(new PersonalDataCipher(master).wrap(HOUSEHOLD, dataKey));
        Sealed name = PersonalDataCipher.seal(dataKey, HOUSEHOLD, "headName", "Siti Aminah");

        assertThat(keys.open(HOUSEHOLD, "headName", name, live)).hasValue("Siti Aminah");
        assertThat(keys.open(HOUSEHOLD, "nik", name, live)).as("another field").isEmpty();
        assertThat(keys.open(HOUSEHOLD, "headName", name, HouseholdKeys.KeyState.DESTROYED)).isEmpty();
        assertThat(keys.open(HOUSEHOLD, "headName", null, live)).isEmpty();
        byte[] tampered = Base64.getDecoder().decode(name.ciphertext());
        tampered[tampered.length - 1] ^= 1;
        assertThat(keys.open(HOUSEHOLD, "headName",
                new Sealed(HOUSEHOLD, Base64.getEncoder().encodeToString(tampered)), live)).isEmpty();
    }

    @Test
    void anUnreachableKeyStoreMakesPersonalDataUnavailableNotAnError() throws Exception {
        assertThat(keys().states(List.of(HOUSEHOLD, "other")))
                .containsEntry(HOUSEHOLD, HouseholdKeys.KeyState.UNAVAILABLE)
                .containsEntry("other", HouseholdKeys.KeyState.UNAVAILABLE);
        assertThat(keys.states(List.of())).isEmpty();
    }

    @Test
    void theQueryServiceRefusesToStartWithoutTheMasterKey() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new HouseholdKeys("", "jdbc:postgresql://x/y", "r", ""))
                .hasMessageContaining("siklus.personal-data.master-key is not set");
    }
}
