package id.siklus.support.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How bearer tokens are verified and turned into roles: signature, issuer, audience, expiry, the roles claim. */
class SecurityConfigurationTest {

    private static KeyPair trusted;
    private static KeyPair stranger;
    private static JwtDecoder decoder;

    @BeforeAll
    static void keysAndDecoder() throws Exception {
        trusted = rsaKeyPair();
        stranger = rsaKeyPair();
        decoder = new SecurityConfiguration().jwtDecoder(new JwtProperties(null, null, null, pem(trusted)));
    }

    private static KeyPair rsaKeyPair() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static ByteArrayResource pem(KeyPair keys) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded());
        return new ByteArrayResource(("-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static String token(KeyPair keys, Consumer<JwtClaimsSet.Builder> claims) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .privateKey((RSAPrivateKey) keys.getPrivate())
                .build();
        JwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder()
                .issuer("siklus-local")
                .audience(List.of("siklus"))
                .subject("lkm-bandar-lor")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(600))
                .claim("roles", List.of("LKM"))
                .claim("kelurahan", List.of("35.71.03.1001"));
        claims.accept(builder);
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(),
                builder.build())).getTokenValue();
    }

    @Test
    void aTokenSignedWithTheConfiguredKeyForThisIssuerAndAudienceIsAccepted() {
        Jwt jwt = decoder.decode(token(trusted, claims -> { }));

        assertThat(jwt.getSubject()).isEqualTo("lkm-bandar-lor");
        assertThat(jwt.getClaimAsStringList("kelurahan")).containsExactly("35.71.03.1001");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() {
        String forged = token(stranger, claims -> { });

        assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        String foreign = token(trusted, claims -> claims.issuer("someone-else"));

        assertThatThrownBy(() -> decoder.decode(foreign)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTokenMeantForAnotherAudienceIsRefused() {
        String elsewhere = token(trusted, claims -> claims.audience(List.of("another-system")));

        assertThatThrownBy(() -> decoder.decode(elsewhere))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("siklus");
    }

    @Test
    void aTokenWithoutAudienceIsRefused() {
        String noAudience = token(trusted, claims -> claims.claims(all -> all.remove("aud")));

        assertThatThrownBy(() -> decoder.decode(noAudience)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = token(trusted, claims -> claims
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)));

        assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void theConfiguredIssuerAndAudienceReplaceTheDefaults() throws Exception {
        JwtDecoder production = new SecurityConfiguration().jwtDecoder(
                new JwtProperties("https://id.example", "siklus-api", null, pem(trusted)));

        assertThatThrownBy(() -> production.decode(token(trusted, claims -> { })))
                .isInstanceOf(JwtValidationException.class);
        assertThat(production.decode(token(trusted, claims -> claims
                .issuer("https://id.example").audience(List.of("siklus-api")))).getSubject())
                .isEqualTo("lkm-bandar-lor");
    }

    @Test
    void aPublicKeyThatIsNotPemIsReportedByItsPropertyName() {
        JwtProperties broken = new JwtProperties(null, null, null,
                new ByteArrayResource("not a key".getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> new SecurityConfiguration().jwtDecoder(broken))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("siklus.security.jwt.public-key");
    }

    @Test
    void withNeitherKeyNorJwkSetTheServiceRefusesToStart() {
        assertThatThrownBy(() -> new SecurityConfiguration().jwtDecoder(new JwtProperties(null, null, " ", null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("jwk-set-uri")
                .hasMessageContaining("public-key");
    }

    @Test
    void theRolesClaimBecomesRoleAuthoritiesAndUnknownRolesGrantNothing() {
        Jwt jwt = decoder.decode(token(trusted, claims -> claims.claim("roles", List.of("LKM", "MONITOR", "ROOT"))));

        AbstractAuthenticationToken authentication = new SecurityConfiguration.RolesConverter().convert(jwt);

        assertThat(authentication).isInstanceOf(JwtAuthenticationToken.class);
        assertThat(authentication.getName()).isEqualTo("lkm-bandar-lor");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_LKM", "ROLE_MONITOR");
    }

    @Test
    void aTokenWithoutRolesGrantsNoAuthority() {
        Jwt jwt = decoder.decode(token(trusted, claims -> claims.claims(all -> all.remove("roles"))));

        assertThat(new SecurityConfiguration.RolesConverter().convert(jwt).getAuthorities()).isEmpty();
    }

    @Test
    void roleNamesAreMatchedExactly() {
        Jwt jwt = decoder.decode(token(trusted, claims -> claims.claim("roles", List.of("admin", "ROLE_ADMIN"))));

        assertThat(new SecurityConfiguration.RolesConverter().convert(jwt).getAuthorities()).isEmpty();
    }
}
