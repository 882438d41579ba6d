package id.siklus.support.security;

import id.siklus.support.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tenancy rules, in one place: who may write and read which kelurahan. Controllers ask before they touch
 * anything, so a refused request writes nothing.
 */
@Component
public class Access {

    public SiklusClient current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return fromClaims(jwt);
        }
        throw new ApiProblem(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Send a bearer token.");
    }

    static SiklusClient fromClaims(JwtAuthenticationToken jwt) {
        Set<Role> roles = jwt.getAuthorities().stream()
                .map(a -> a.getAuthority().replaceFirst("^ROLE_", ""))
                .filter(name -> Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name)))
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        List<String> kelurahan = jwt.getToken().getClaimAsStringList("kelurahan");
        return new SiklusClient(jwt.getToken().getSubject(), roles,
                kelurahan == null ? Set.of() : Set.copyOf(kelurahan), jwt.getToken().getClaimAsString("kota"));
    }

    /** Only these roles may do this at all. */
    public SiklusClient requireRole(Role... allowed) {
        SiklusClient client = current();
        if (Arrays.stream(allowed).noneMatch(client::has)) {
            throw ApiProblem.forbidden("ROLE_NOT_PERMITTED", "This request needs the role "
                    + Arrays.stream(allowed).map(Enum::name).collect(Collectors.joining(" or "))
                    + "; your token has " + client.roles() + ".");
        }
        return client;
    }

    /** Writes to a kelurahan come from its own LKM system only. */
    public SiklusClient requireWrite(String kelurahanCode) {
        SiklusClient client = requireRole(Role.LKM);
        if (!client.actsFor(kelurahanCode)) {
            throw ApiProblem.forbidden("KELURAHAN_NOT_PERMITTED", "Your token may write for " + client.kelurahan()
                    + ", not for kelurahan " + kelurahanCode + ".");
        }
        return client;
    }

    /** Writes that an ADMIN may make for any kelurahan, and an LKM for its own. */
    public SiklusClient requireWriteOrAdmin(String kelurahanCode) {
        SiklusClient client = requireRole(Role.LKM, Role.ADMIN);
        return client.has(Role.ADMIN) ? client : requireWrite(kelurahanCode);
    }

    /**
     * Reads of one kelurahan: its own LKM, monitors (of its kota when the token names one), auditors and admins.
     *
     * @param kota the kelurahan's kota as recorded, or null when not known
     */
    public SiklusClient requireRead(String kelurahanCode, String kota) {
        SiklusClient client = requireRole(Role.ADMIN, Role.AUDITOR, Role.MONITOR, Role.LKM);
        if (client.has(Role.ADMIN) || client.has(Role.AUDITOR)) {
            return client;
        }
        if (client.has(Role.MONITOR) && (client.kota() == null || client.kota().equalsIgnoreCase(kota))) {
            return client;
        }
        if (client.actsFor(kelurahanCode)) {
            return client;
        }
        if (client.has(Role.MONITOR)) {
            throw ApiProblem.forbidden("KOTA_NOT_PERMITTED", "Your token is for monitors of kota " + client.kota()
                    + "; kelurahan " + kelurahanCode + " is not in it.");
        }
        throw ApiProblem.forbidden("KELURAHAN_NOT_PERMITTED",
                "Your token does not allow reading kelurahan " + kelurahanCode + ".");
    }
}
