package id.siklus.support.security;

import java.util.Set;

/** The caller as its token describes it. */
public record SiklusClient(String clientId, Set<Role> roles, Set<String> kelurahan, String kota) {

    public SiklusClient {
        roles = Set.copyOf(roles);
        kelurahan = Set.copyOf(kelurahan);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean actsFor(String kelurahanCode) {
        return has(Role.LKM) && kelurahan.contains(kelurahanCode);
    }
}
