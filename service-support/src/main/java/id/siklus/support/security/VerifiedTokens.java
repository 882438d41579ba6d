package id.siklus.support.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Verifies a bearer token's signature once and remembers the result for a while: an LKM system sends the same token
 * with every command until it expires, and checking its RSA signature each time was about a tenth of the command
 * service's request threads' CPU (benchmark finding 23). A remembered token is the exact same string, signature
 * included, so only what can change with time is checked again on every request: expiry, not-before, issuer and
 * audience, by the same validator the verifying decoder uses.
 * <p>
 * A token is remembered for at most {@code maxAge} (so a key withdrawn from the identity provider's JWK set stops
 * being honoured for tokens seen before within that time, as a JWK set cache would) and never past its own expiry;
 * at most {@code maxEntries} tokens are remembered, the stale ones dropped first, then all.
 */
public final class VerifiedTokens implements JwtDecoder {

    private record Verified(Jwt jwt, Instant verifiedAt) { }

    private final JwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Clock clock;
    private final Duration maxAge;
    private final int maxEntries;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /**
     * @param verifying a decoder that checks the signature and runs {@code validator} on every token it decodes
     * @param validator what is checked again on every use of a remembered token
     */
    public VerifiedTokens(JwtDecoder verifying, OAuth2TokenValidator<Jwt> validator, Clock clock, Duration maxAge,
                          int maxEntries) {
        if (maxAge.isNegative() || maxEntries < 1) {
            throw new IllegalArgumentException("maxAge must not be negative and maxEntries must be at least 1");
        }
        this.verifying = verifying;
        this.validator = validator;
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxEntries = maxEntries;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Verified seen = verified.get(token);
        if (seen != null) {
            if (!fresh(seen, now)) {
                verified.remove(token);
            } else {
                OAuth2TokenValidatorResult result = validator.validate(seen.jwt());
                if (!result.hasErrors()) {
                    return seen.jwt();
                }
                verified.remove(token);
                throw new JwtValidationException(describe(result), result.getErrors());
            }
        }
        Jwt jwt = verifying.decode(token);
        remember(token, new Verified(jwt, now), now);
        return jwt;
    }

    /** How many verified tokens are remembered now. */
    public int size() {
        return verified.size();
    }

    private boolean fresh(Verified seen, Instant now) {
        Instant until = seen.verifiedAt().plus(maxAge);
        Instant expiresAt = seen.jwt().getExpiresAt();
        return now.isBefore(until) && (expiresAt == null || now.isBefore(expiresAt));
    }

    private void remember(String token, Verified entry, Instant now) {
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(other -> !fresh(other, now));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, entry);
    }

    private static String describe(OAuth2TokenValidatorResult result) {
        // the message NimbusJwtDecoder gives, so a refusal reads the same whether the token was remembered or not
        return result.getErrors().stream()
                .map(OAuth2Error::getDescription)
                .filter(description -> description != null && !description.isEmpty())
                .findFirst()
                .map(description -> "An error occurred while attempting to decode the Jwt: " + description)
                .orElse("Unable to validate Jwt");
    }

}
