package id.siklus.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * How bearer tokens are verified. Production names the identity provider's JWK set URI; the local run and the tests
 * name the public key that {@code ./siklus} generated in its state folder. Issuer and audience are always checked.
 *
 * @param issuer      the {@code iss} every token must carry
 * @param audience    a value the {@code aud} claim must contain
 * @param jwkSetUri   the identity provider's JWK set; wins over {@code publicKey} when both are set
 * @param publicKey   an RSA public key in PEM
 */
@ConfigurationProperties("siklus.security.jwt")
public record JwtProperties(String issuer, String audience, String jwkSetUri, Resource publicKey) {

    public JwtProperties {
        issuer = issuer == null || issuer.isBlank() ? "siklus-local" : issuer;
        audience = audience == null || audience.isBlank() ? "siklus" : audience;
    }
}
