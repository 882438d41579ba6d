package id.siklus.api.household;

/**
 * A personal-data field as it travels in events: AES-256-GCM ciphertext under the data key of one household, never
 * the plaintext. Written as JSON {@code {"keyId": …, "ciphertext": …}}.
 *
 * @param keyId      the id of the data key that sealed it: the household's id (one key per household)
 * @param ciphertext base64 of the 96-bit random IV followed by the ciphertext and its 128-bit GCM tag; the
 *                   household id and the field's name are its associated data, so a value copied to another
 *                   household or another field does not open
 */
public record Sealed(String keyId, String ciphertext) {

    @Override
    public String toString() {
        // a sealed value is safe to log, but its length would hint at a name's length: show neither
        return "Sealed[keyId=" + keyId + "]";
    }
}
