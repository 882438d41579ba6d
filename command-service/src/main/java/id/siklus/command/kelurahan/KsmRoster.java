package id.siklus.command.kelurahan;

import id.siklus.api.ksm.KsmPurpose;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The KSM of a kelurahan as its events describe them; changed only from the aggregate's event handlers. */
final class KsmRoster {

    private final Map<String, Ksm> ksms = new HashMap<>();
    /** household → the active EKONOMI KSM it belongs to: a household is in at most one. */
    private final Map<String, String> ekonomiMembership = new HashMap<>();

    Optional<Ksm> find(String ksmId) {
        return Optional.ofNullable(ksms.get(ksmId));
    }

    boolean exists(String ksmId) {
        return ksms.containsKey(ksmId);
    }

    Optional<String> ekonomiKsmOf(String householdId) {
        return Optional.ofNullable(ekonomiMembership.get(householdId));
    }

    void formed(String ksmId, String name, KsmPurpose purpose, Iterable<String> members, LocalDate formedOn) {
        Ksm ksm = new Ksm(ksmId, name, purpose, formedOn);
        members.forEach(ksm.members::add);
        ksms.put(ksmId, ksm);
        if (purpose == KsmPurpose.EKONOMI) {
            ksm.members.forEach(member -> ekonomiMembership.put(member, ksmId));
        }
    }

    void memberAdded(String ksmId, String householdId) {
        Ksm ksm = ksms.get(ksmId);
        ksm.members.add(householdId);
        if (ksm.purpose == KsmPurpose.EKONOMI) {
            ekonomiMembership.put(householdId, ksmId);
        }
    }

    void memberRemoved(String ksmId, String householdId) {
        ksms.get(ksmId).members.remove(householdId);
        ekonomiMembership.remove(householdId, ksmId);
    }

    void dissolved(String ksmId) {
        Ksm ksm = ksms.get(ksmId);
        ksm.active = false;
        ksm.members.forEach(member -> ekonomiMembership.remove(member, ksmId));
    }

    static final class Ksm {
        final String id;
        final String name;
        final KsmPurpose purpose;
        final LocalDate formedOn;
        final Set<String> members = new LinkedHashSet<>();
        boolean active = true;

        Ksm(String id, String name, KsmPurpose purpose, LocalDate formedOn) {
            this.id = id;
            this.name = name;
            this.purpose = purpose;
            this.formedOn = formedOn;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Ksm that && id.equals(that.id) && name.equals(that.name)
                    && purpose == that.purpose && formedOn.equals(that.formedOn) && members.equals(that.members)
                    && active == that.active;
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }
}
