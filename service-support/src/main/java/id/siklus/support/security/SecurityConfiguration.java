package id.siklus.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.siklus.support.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/**
 * Every endpoint needs a bearer JWT except health, info, the API documentation and the transparency checkpoints
 * (which hold no program data). Roles come
 * from the {@code roles} claim; tenancy is checked by {@link Access}.
 */
@Configuration
@EnableConfigurationProperties(JwtProperties.class)
public class SecurityConfiguration {

    /** How long a token's verified signature is trusted before it is checked again (see {@link VerifiedTokens}). */
    static final Duration VERIFIED_TOKEN_MAX_AGE = Duration.ofMinutes(5);
    /** How many verified tokens are remembered: one per LKM system and monitor, with room to spare. */
    static final int VERIFIED_TOKENS_MAX = 10_000;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> writeProblem(response, objectMapper,
                Problems.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED",
                        "Send a valid, unexpired bearer token from the configured issuer in the Authorization header."));
        AccessDeniedHandler denied = (request, response, e) -> writeProblem(response, objectMapper,
                Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN",
                        "Your token does not allow this request. Ask for a token with the role it needs."));
        http.csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        // published for anyone to copy: digests of the history, no program data
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/transparency/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new RolesConverter()))
                        .authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(denied))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated).accessDeniedHandler(denied));
        return http.build();
    }

    private static void writeProblem(HttpServletResponse response, ObjectMapper objectMapper, ProblemDetail problem)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (problem.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        objectMapper.writeValue(response.getOutputStream(), problem);
    }

    @Bean
    JwtDecoder jwtDecoder(JwtProperties properties) throws IOException {
        NimbusJwtDecoder decoder;
        if (properties.jwkSetUri() != null && !properties.jwkSetUri().isBlank()) {
            decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri())
                    .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        } else if (properties.publicKey() != null) {
            decoder = NimbusJwtDecoder.withPublicKey(readPublicKey(properties)).signatureAlgorithm(
                    SignatureAlgorithm.RS256).build();
        } else {
            throw new IllegalStateException(
                    "Set siklus.security.jwt.jwk-set-uri (production) or siklus.security.jwt.public-key (local run)");
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(properties.issuer()), audience(properties.audience()));
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, Clock.systemUTC(), VERIFIED_TOKEN_MAX_AGE, VERIFIED_TOKENS_MAX);
    }

    private static OAuth2TokenValidator<Jwt> audience(String expected) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(expected)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "The token is not meant for " + expected, null));
    }

    private static RSAPublicKey readPublicKey(JwtProperties properties) throws IOException {
        try (InputStream in = properties.publicKey().getInputStream()) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (java.security.GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("siklus.security.jwt.public-key is not an RSA public key in PEM", e);
        }
    }

    /** Maps {@code roles: ["LKM"]} to {@code ROLE_LKM}; unknown role names grant nothing. */
    static final class RolesConverter implements Converter<Jwt, AbstractAuthenticationToken> {

        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            List<String> roles = jwt.getClaimAsStringList("roles");
            Collection<GrantedAuthority> authorities = roles == null ? List.of() : roles.stream()
                    .filter(name -> java.util.Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
                    .map(name -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + name))
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        }
    }
}
