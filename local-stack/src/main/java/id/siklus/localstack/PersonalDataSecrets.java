package id.siklus.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local run's personal-data secrets (ADR 0009), made once and kept in the state folder so that the next
 * {@code ./siklus up} can still open what was sealed: the master key that wraps the households' data keys (both
 * services) and the pepper of the NIK hashes (command service). A real deployment gets them from its secret store.
 */
public record PersonalDataSecrets(String masterKey, String pepper) {

    public static PersonalDataSecrets loadOrCreate(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new PersonalDataSecrets(secret(directory.resolve("master-key.b64")),
                secret(directory.resolve("pepper.b64")));
    }

    private static String secret(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file).strip();
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        String value = Base64.getEncoder().encodeToString(bytes);
        Files.writeString(file, value);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the folder's own permissions apply
        }
        return value;
    }
}
