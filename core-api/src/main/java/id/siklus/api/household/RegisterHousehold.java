package id.siklus.api.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * An LKM registers a family found in its self-mapping. Addressed to the kelurahan, which holds the rules that span
 * its households (self-mapping recorded, NIK unique in the kelurahan).
 *
 * @param nik          the family head's 16-digit national identity number, when known
 * @param registeredOn the day the family was mapped (effective date)
 */
public record RegisterHousehold(@TargetAggregateIdentifier String kelurahanCode, String householdId, String rw,
                                String rt, String headName, int members, PovertyStatus povertyStatus, String nik,
                                LocalDate registeredOn) {
}
