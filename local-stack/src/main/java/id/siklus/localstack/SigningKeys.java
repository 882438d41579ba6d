package id.siklus.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * The local run's own token signing key, kept in its state folder: the private half signs tokens for
 * {@code ./siklus token}, the public half (PEM) is what both services verify against.
 */
public final class SigningKeys {

    private final RSAKey key;
    private final Path publicKeyPem;

    private SigningKeys(RSAKey key, Path publicKeyPem) {
        this.key = key;
        this.publicKeyPem = publicKeyPem;
    }

    public static SigningKeys loadOrCreate(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path privateJwk = directory.resolve("signing-key.jwk.json");
        Path publicPem = directory.resolve("public.pem");
        try {
            RSAKey key;
            if (Files.exists(privateJwk)) {
                key = RSAKey.parse(Files.readString(privateJwk));
            } else {
                key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
                Files.writeString(privateJwk, key.toJSONString());
                trySetOwnerOnly(privateJwk);
            }
            Files.writeString(publicPem, pem(key));
            return new SigningKeys(key, publicPem);
        } catch (JOSEException | ParseException e) {
            throw new IOException("Could not load or create the local signing key in " + directory, e);
        }
    }

    private static void trySetOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system; the folder's own permissions apply
        }
    }

    private static String pem(RSAKey key) throws JOSEException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(key.toRSAPublicKey().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    public RSAKey key() {
        return key;
    }

    public Path publicKeyPem() {
        return publicKeyPem;
    }
}
