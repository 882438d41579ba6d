package id.siklus.command.privacy;

import id.siklus.api.household.Sealed;
import id.siklus.support.privacy.PersonalDataCipher;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The command side's part of personal data (ADR 0009): a new household gets a random data key that seals its head's
 * name and NIK before they become an event; its NIK is also kept as a keyed hash, so the kelurahan can keep NIK unique
 * without the plaintext; forgetting destroys the key. Given to the kelurahan's command handlers as a parameter.
 */
public class PersonalDataVault {

    public static final String HEAD_NAME = "headName";
    public static final String NIK = "nik";

    private final HouseholdKeyStore keys;
    private final PersonalDataCipher cipher;
    private final SecretKeySpec pepper;

    public PersonalDataVault(HouseholdKeyStore keys, PersonalDataCipher cipher, byte[] pepper) {
        if (pepper.length < 32) {
            throw new IllegalStateException("The personal-data pepper must be at least 32 bytes");
        }
        this.keys = keys;
        this.cipher = cipher;
        this.pepper = new SecretKeySpec(Arrays.copyOf(pepper, pepper.length), "HmacSHA256");
    }

    /** HMAC-SHA256 of the kelurahan code and the NIK: equal NIKs of one kelurahan give equal hashes. */
    public String nikHash(String kelurahanCode, String nik) {
        return hmac("nik:" + kelurahanCode + ":" + nik.strip());
    }

    /** A keyed digest of any text (request fingerprints): no one without the pepper can test guesses against it. */
    public String digest(String text) {
        return hmac("text:" + text);
    }

    /** Creates the household's data key (in the command's transaction) and seals its name and NIK with it. */
    public SealedIdentity seal(String householdId, String kelurahanCode, String headName, String nik) {
        byte[] dataKey = PersonalDataCipher.newDataKey();
        try {
            keys.create(householdId, kelurahanCode, cipher.wrap(householdId, dataKey));
            return new SealedIdentity(PersonalDataCipher.seal(dataKey, householdId, HEAD_NAME, headName),
                    nik == null ? null : PersonalDataCipher.seal(dataKey, householdId, NIK, nik));
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** Destroys the household's data key (in the command's transaction): its sealed values never open again. */
    public void forget(String householdId, String legalBasis, String destroyedBy) {
        keys.destroy(householdId, legalBasis, destroyedBy);
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(committed -> keys.vacuum()));
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    public record SealedIdentity(Sealed headName, Sealed nik) {
    }
}
