package id.siklus.api.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An LKM registers a family found in its self-mapping. Addressed to the kelurahan, which decides whether it may
 * register households; the household then lives as its own aggregate under {@code householdId}.
 */
public record RegisterHousehold(@TargetAggregateIdentifier String kelurahanCode, String householdId, String rw,
                                String rt, String headName, int members, PovertyStatus povertyStatus) {
}
