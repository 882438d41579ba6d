package id.siklus.localstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Mints bearer tokens for the local run and the tests, in the shape production identity providers are asked for. */
public final class TokenMinter {

    public static final String LOCAL_ISSUER = "siklus-local";
    public static final String AUDIENCE = "siklus";
    static final Set<String> ROLES = Set.of("ADMIN", "LKM", "MONITOR", "AUDITOR");

    private final SigningKeys keys;

    public TokenMinter(SigningKeys keys) {
        this.keys = keys;
    }

    public String mint(TokenRequest request) {
        String role = request.role().toUpperCase(Locale.ROOT);
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("Unknown role " + request.role() + "; use one of " + ROLES);
        }
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(request.issuer())
                .audience(request.audience())
                .subject(request.subject() != null ? request.subject() : defaultSubject(role, request.kelurahan()))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(request.validity())))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", List.of(role));
        if (!request.kelurahan().isEmpty()) {
            claims.claim("kelurahan", request.kelurahan());
        }
        if (request.kota() != null) {
            claims.claim("kota", request.kota());
        }
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keys.key().getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(keys.key()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    private static String defaultSubject(String role, List<String> kelurahan) {
        return role.toLowerCase(Locale.ROOT) + (kelurahan.isEmpty() ? "-local" : "-" + kelurahan.get(0));
    }

    /** What a token says: one role, the kelurahan an LKM client may write, optionally a monitor's kota. */
    public record TokenRequest(String role, List<String> kelurahan, String kota, String subject, String issuer,
                               Duration validity, String audience) {

        public TokenRequest {
            kelurahan = List.copyOf(kelurahan);
        }

        public static TokenRequest of(String role, String... kelurahan) {
            return new TokenRequest(role, List.of(kelurahan), null, null, LOCAL_ISSUER, Duration.ofHours(12),
                    AUDIENCE);
        }

        public TokenRequest withKota(String value) {
            return new TokenRequest(role, kelurahan, value, subject, issuer, validity, audience);
        }

        public TokenRequest withSubject(String value) {
            return new TokenRequest(role, kelurahan, kota, value, issuer, validity, audience);
        }

        public TokenRequest withIssuer(String value) {
            return new TokenRequest(role, kelurahan, kota, subject, value, validity, audience);
        }

        public TokenRequest withValidity(Duration value) {
            return new TokenRequest(role, kelurahan, kota, subject, issuer, value, audience);
        }

        public TokenRequest withAudience(String value) {
            return new TokenRequest(role, kelurahan, kota, subject, issuer, validity, value);
        }
    }
}
