package id.siklus.support.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token's signature is checked once; expiry and the rest are checked on every use; nothing is kept for long. */
class VerifiedTokensTest {

    private static final Instant START = Instant.parse("2026-11-29T06:00:00Z");

    private static KeyPair trusted;
    private static KeyPair stranger;

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger signatureChecks = new AtomicInteger();
    private OAuth2TokenValidator<Jwt> validator;
    private JwtDecoder verifying;

    @BeforeAll
    static void keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        trusted = generator.generateKeyPair();
        stranger = generator.generateKeyPair();
    }

    @BeforeEach
    void decoder() {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        validator = new DelegatingOAuth2TokenValidator<>(timestamps, new JwtIssuerValidator("siklus-local"));
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey((RSAPublicKey) trusted.getPublic())
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        nimbus.setJwtValidator(validator);
        verifying = token -> {
            signatureChecks.incrementAndGet();
            return nimbus.decode(token);
        };
    }

    private VerifiedTokens tokens(Duration maxAge, int maxEntries) {
        return new VerifiedTokens(verifying, validator, clock, maxAge, maxEntries);
    }

    private static String token(KeyPair keys, String subject, Instant expiresAt) {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .privateKey((RSAPrivateKey) keys.getPrivate()).build();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("siklus-local").subject(subject)
                .issuedAt(START).expiresAt(expiresAt).build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)))
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    @Test
    void theSameTokenIsVerifiedOnceAndAnsweredWithTheSameClaims() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5), 100);
        String token = token(trusted, "lkm-bandar-lor", START.plusSeconds(3600));

        Jwt first = tokens.decode(token);
        clock.advance(Duration.ofSeconds(30));
        Jwt again = tokens.decode(token);

        assertThat(again.getSubject()).isEqualTo("lkm-bandar-lor");
        assertThat(again.getTokenValue()).isEqualTo(first.getTokenValue());
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItExpires() {
        VerifiedTokens tokens = tokens(Duration.ofHours(2), 100);
        String token = token(trusted, "lkm-bandar-lor", START.plusSeconds(60));
        tokens.decode(token);

        clock.advance(Duration.ofSeconds(61));

        assertThatThrownBy(() -> tokens.decode(token))
                .isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aRememberedTokenThatTheValidatorNowRefusesIsRefusedAndForgotten() {
        // the validator runs on every use: here one whose clock runs two hours ahead refuses what was accepted
        JwtTimestampValidator strict = new JwtTimestampValidator(Duration.ZERO);
        strict.setClock(Clock.offset(clock, Duration.ofHours(2)));
        String token = token(trusted, "lkm-bandar-lor", START.plusSeconds(3600));
        VerifiedTokens tokens = new VerifiedTokens(verifying, strict, clock, Duration.ofMinutes(5), 100);
        tokens.decode(token);

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
        assertThat(tokens.size()).isZero();
        assertThat(signatureChecks).hasValue(1);
    }

    @Test
    void aTokenIsVerifiedAgainAfterTheMaximumAge() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5), 100);
        String token = token(trusted, "lkm-bandar-lor", START.plusSeconds(3600));
        tokens.decode(token);

        clock.advance(Duration.ofMinutes(5));
        tokens.decode(token);

        assertThat(signatureChecks).hasValue(2);
    }

    @Test
    void aForgedTokenIsNeverRememberedAndAlwaysRefused() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5), 100);
        String forged = token(stranger, "lkm-bandar-lor", START.plusSeconds(3600));

        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(BadJwtException.class);
        assertThat(signatureChecks).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenWithAnotherSignatureIsNotTakenForARememberedOne() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5), 100);
        String token = token(trusted, "lkm-bandar-lor", START.plusSeconds(3600));
        tokens.decode(token);
        String[] parts = token.split("\\.");
        String otherSignature = parts[0] + "." + parts[1] + "."
                + token(stranger, "lkm-bandar-lor", START.plusSeconds(3600)).split("\\.")[2];

        assertThatThrownBy(() -> tokens.decode(otherSignature)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void atMostMaxEntriesAreRememberedAndStaleOnesGoFirst() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5), 3);
        String old = token(trusted, "old", START.plusSeconds(3600));
        tokens.decode(old);
        clock.advance(Duration.ofMinutes(4));
        tokens.decode(token(trusted, "a", START.plusSeconds(3600)));
        tokens.decode(token(trusted, "b", START.plusSeconds(3600)));
        clock.advance(Duration.ofMinutes(2));

        tokens.decode(token(trusted, "c", START.plusSeconds(3600)));
        assertThat(tokens.size()).isEqualTo(3);

        tokens.decode(token(trusted, "d", START.plusSeconds(3600)));
        assertThat(tokens.size()).isEqualTo(1);
    }

    /** A clock the test moves. */
    private static final class MovableClock extends Clock {
        private Instant now = START;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
