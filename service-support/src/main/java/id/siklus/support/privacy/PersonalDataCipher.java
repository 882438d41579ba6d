package id.siklus.support.privacy;

import id.siklus.api.household.Sealed;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * AES-256-GCM for personal data (ADR 0009). One random data key per household seals that household's fields; the
 * household id and the field's name are the associated data, so ciphertext moved to another household or field fails
 * its tag. Data keys are stored wrapped (AES-256-GCM too) under a master key from configuration, with the household
 * id as associated data, so a key row copied to another household does not unwrap either.
 */
public final class PersonalDataCipher {

    public static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec masterKey;

    /** @param masterKey the 256-bit key that wraps every data key */
    public PersonalDataCipher(byte[] masterKey) {
        this.masterKey = aesKey(masterKey, "master key");
    }

    /** A master key from its base64 text, as configuration holds it. */
    public static PersonalDataCipher fromBase64(String masterKey, String property) {
        if (masterKey == null || masterKey.isBlank()) {
            throw new IllegalStateException(property + " is not set: give a base64 256-bit key (for example the "
                    + "output of `openssl rand -base64 32`)");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(masterKey.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " is not base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(property + " must be 32 bytes (256 bits) in base64, not " + key.length);
        }
        return new PersonalDataCipher(key);
    }

    public static byte[] newDataKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    public byte[] wrap(String householdId, byte[] dataKey) {
        return encrypt(masterKey, wrapContext(householdId), dataKey);
    }

    /** @throws Unreadable when the wrapped key was altered, belongs to another household or another master key */
    public byte[] unwrap(String householdId, byte[] wrappedKey) {
        return decrypt(masterKey, wrapContext(householdId), wrappedKey);
    }

    public static Sealed seal(byte[] dataKey, String householdId, String field, String plaintext) {
        byte[] sealed = encrypt(aesKey(dataKey, "data key"), fieldContext(householdId, field),
                plaintext.getBytes(StandardCharsets.UTF_8));
        return new Sealed(householdId, Base64.getEncoder().encodeToString(sealed));
    }

    /** @throws Unreadable when the value was altered, or sealed for another household, field or key */
    public static String open(byte[] dataKey, String householdId, String field, Sealed sealed) {
        if (!householdId.equals(sealed.keyId())) {
            throw new Unreadable("sealed with the key of another household");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(sealed.ciphertext());
        } catch (IllegalArgumentException e) {
            throw new Unreadable("not base64");
        }
        return new String(decrypt(aesKey(dataKey, "data key"), fieldContext(householdId, field), bytes),
                StandardCharsets.UTF_8);
    }

    private static byte[] wrapContext(String householdId) {
        return ("siklus:household-key:" + householdId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] fieldContext(String householdId, String field) {
        return ("siklus:household:" + householdId + ":" + field).getBytes(StandardCharsets.UTF_8);
    }

    private static SecretKeySpec aesKey(byte[] key, String what) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The " + what + " must be " + KEY_BYTES + " bytes");
        }
        return new SecretKeySpec(key, "AES");
    }

    private static byte[] encrypt(SecretKeySpec key, byte[] associatedData, byte[] plaintext) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] ciphertext = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV_BYTES + ciphertext.length).put(iv).put(ciphertext).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    private static byte[] decrypt(SecretKeySpec key, byte[] associatedData, byte[] sealed) {
        if (sealed == null || sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new Unreadable("too short to be AES-GCM");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(sealed, IV_BYTES)));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new Unreadable("its tag does not verify: altered, or sealed for another household, field or key");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** A sealed value or a wrapped key that does not open. Its message never holds the data. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String why) {
            super("Personal data does not open: " + why, null, false, false);
        }
    }
}
