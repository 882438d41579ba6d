package id.siklus.support.security;

import id.siklus.support.web.ApiProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTest {

    private static final String BANDAR_LOR = "35.71.03.1001";
    private static final String BANDAR_KIDUL = "35.71.03.1002";

    private final Access access = new Access();

    @AfterEach
    void forgetTheCaller() {
        SecurityContextHolder.clearContext();
    }

    /** Puts a caller with these roles (authorities as the resource server makes them) into the security context. */
    private static void signedInAs(Consumer<Jwt.Builder> claims, String... authorities) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "none").subject("client-1");
        claims.accept(builder);
        List<GrantedAuthority> granted = Arrays.stream(authorities)
                .map(a -> (GrantedAuthority) new SimpleGrantedAuthority(a))
                .toList();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(builder.build(), granted));
    }

    private static void signedInAs(String... authorities) {
        signedInAs(claims -> { }, authorities);
    }

    private static void refusedWith(Runnable request, HttpStatus status, String code) {
        assertThatThrownBy(request::run)
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(status);
                    assertThat(problem.code()).isEqualTo(code);
                });
    }

    @Test
    void aCallerWithoutAuthenticationIsUnauthenticated() {
        refusedWith(access::current, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    }

    @Test
    void anAuthenticationThatIsNotABearerTokenIsUnauthenticated() {
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken("u", "p", "ROLE_ADMIN"));

        refusedWith(() -> access.requireRole(Role.ADMIN), HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED");
    }

    @Test
    void theClientIsReadFromTheTokenAndUnknownAuthoritiesGrantNothing() {
        signedInAs(claims -> claims.claim("kelurahan", List.of(BANDAR_LOR, BANDAR_KIDUL)).claim("kota", "Kediri"),
                "ROLE_LKM", "ROLE_SUPERUSER", "SCOPE_read", "LKM_ADMIN");

        SiklusClient client = access.current();

        assertThat(client.clientId()).isEqualTo("client-1");
        assertThat(client.roles()).containsExactly(Role.LKM);
        assertThat(client.kelurahan()).containsExactlyInAnyOrder(BANDAR_LOR, BANDAR_KIDUL);
        assertThat(client.kota()).isEqualTo("Kediri");
    }

    @Test
    void aTokenWithoutKelurahanOrKotaActsForNone() {
        signedInAs("ROLE_LKM");

        SiklusClient client = access.current();

        assertThat(client.kelurahan()).isEmpty();
        assertThat(client.kota()).isNull();
    }

    @Test
    void anLkmWritesForEachKelurahanItsTokenNames() {
        signedInAs(claims -> claims.claim("kelurahan", List.of(BANDAR_LOR, BANDAR_KIDUL)), "ROLE_LKM");

        assertThat(access.requireWrite(BANDAR_LOR).kelurahan()).contains(BANDAR_LOR);
        assertThat(access.requireWrite(BANDAR_KIDUL).kelurahan()).contains(BANDAR_KIDUL);
    }

    @Test
    void anLkmMayNotWriteForAKelurahanItsTokenDoesNotName() {
        signedInAs(claims -> claims.claim("kelurahan", List.of(BANDAR_LOR)), "ROLE_LKM");

        refusedWith(() -> access.requireWrite(BANDAR_KIDUL), HttpStatus.FORBIDDEN, "KELURAHAN_NOT_PERMITTED");
    }

    @Test
    void anLkmTokenWithoutKelurahanMayWriteNowhere() {
        signedInAs("ROLE_LKM");

        refusedWith(() -> access.requireWrite(BANDAR_LOR), HttpStatus.FORBIDDEN, "KELURAHAN_NOT_PERMITTED");
    }

    @Test
    void onlyAnLkmWritesEvenWhenTheTokenNamesTheKelurahan() {
        for (String role : List.of("ROLE_ADMIN", "ROLE_MONITOR", "ROLE_AUDITOR")) {
            signedInAs(claims -> claims.claim("kelurahan", List.of(BANDAR_LOR)), role);

            refusedWith(() -> access.requireWrite(BANDAR_LOR), HttpStatus.FORBIDDEN, "ROLE_NOT_PERMITTED");
        }
    }

    @Test
    void aRoleRefusalNamesTheRolesThatWouldDo() {
        signedInAs("ROLE_MONITOR");

        assertThatThrownBy(() -> access.requireRole(Role.ADMIN, Role.AUDITOR))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("ADMIN or AUDITOR")
                .hasMessageContaining("MONITOR");
    }

    @Test
    void anAuditorReadsEveryKelurahanOfEveryKota() {
        signedInAs(claims -> claims.claim("kota", "Kediri"), "ROLE_AUDITOR");

        assertThat(access.requireRead(BANDAR_LOR, "Kediri").has(Role.AUDITOR)).isTrue();
        assertThat(access.requireRead("31.74.01.1001", "Jakarta Selatan").has(Role.AUDITOR)).isTrue();
        assertThat(access.requireRead("31.74.01.1002", null).has(Role.AUDITOR)).isTrue();
    }

    @Test
    void anAdminReadsEveryKelurahan() {
        signedInAs("ROLE_ADMIN");

        assertThat(access.requireRead(BANDAR_LOR, "Kediri").has(Role.ADMIN)).isTrue();
        assertThat(access.requireRead("31.74.01.1001", null).has(Role.ADMIN)).isTrue();
    }

    @Test
    void aMonitorOfAKotaReadsTheKelurahanOfThatKotaWhateverTheCase() {
        signedInAs(claims -> claims.claim("kota", "Kediri"), "ROLE_MONITOR");

        assertThat(access.requireRead(BANDAR_LOR, "Kediri").kota()).isEqualTo("Kediri");
        assertThat(access.requireRead(BANDAR_KIDUL, "KEDIRI").kota()).isEqualTo("Kediri");
    }

    @Test
    void aMonitorOfAKotaMayNotReadTheKelurahanOfAnotherKota() {
        signedInAs(claims -> claims.claim("kota", "Kediri"), "ROLE_MONITOR");

        refusedWith(() -> access.requireRead("31.74.01.1001", "Jakarta Selatan"),
                HttpStatus.FORBIDDEN, "KOTA_NOT_PERMITTED");
        assertThatThrownBy(() -> access.requireRead("31.74.01.1001", "Jakarta Selatan"))
                .as("the refusal says which kota the token covers")
                .hasMessageContaining("Kediri")
                .hasMessageContaining("31.74.01.1001");
    }

    @Test
    void aMonitorOfAKotaMayNotReadAKelurahanWhoseKotaIsNotKnown() {
        signedInAs(claims -> claims.claim("kota", "Kediri"), "ROLE_MONITOR");

        refusedWith(() -> access.requireRead(BANDAR_LOR, null), HttpStatus.FORBIDDEN, "KOTA_NOT_PERMITTED");
    }

    @Test
    void aMonitorWithoutKotaReadsEveryKelurahan() {
        signedInAs("ROLE_MONITOR");

        assertThat(access.requireRead(BANDAR_LOR, "Kediri").has(Role.MONITOR)).isTrue();
        assertThat(access.requireRead("31.74.01.1001", null).has(Role.MONITOR)).isTrue();
    }

    @Test
    void anLkmReadsItsOwnKelurahanOnly() {
        signedInAs(claims -> claims.claim("kelurahan", List.of(BANDAR_LOR)), "ROLE_LKM");

        assertThat(access.requireRead(BANDAR_LOR, "Kediri").kelurahan()).isEqualTo(Set.of(BANDAR_LOR));
        refusedWith(() -> access.requireRead(BANDAR_KIDUL, "Kediri"), HttpStatus.FORBIDDEN,
                "KELURAHAN_NOT_PERMITTED");
    }

    @Test
    void aTokenWithoutAKnownRoleReadsNothing() {
        signedInAs(claims -> claims.claim("kelurahan", List.of(BANDAR_LOR)), "SCOPE_read");

        refusedWith(() -> access.requireRead(BANDAR_LOR, "Kediri"), HttpStatus.FORBIDDEN, "ROLE_NOT_PERMITTED");
    }
}
