package id.siklus.api.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * An LKM registers a family found in its self-mapping. Addressed to the kelurahan, which holds the rules that span
 * its households (self-mapping recorded, NIK unique in the kelurahan). The name and NIK arrive in plaintext and are
 * sealed by the kelurahan before they become an event; this command is never stored.
 *
 * @param nik          the family head's 16-digit national identity number, when known
 * @param registeredOn the day the family was mapped (effective date)
 */
public record RegisterHousehold(@TargetAggregateIdentifier String kelurahanCode, String householdId, String rw,
                                String rt, String headName, int members, PovertyStatus povertyStatus, String nik,
                                LocalDate registeredOn) {

    /** Commands are plaintext in memory only; their text form, which frameworks may log, leaves the person out. */
    @Override
    public String toString() {
        return "RegisterHousehold[kelurahanCode=" + kelurahanCode + ", householdId=" + householdId + ", rw=" + rw
                + ", rt=" + rt + ", members=" + members + ", povertyStatus=" + povertyStatus + ", registeredOn="
                + registeredOn + "]";
    }
}
