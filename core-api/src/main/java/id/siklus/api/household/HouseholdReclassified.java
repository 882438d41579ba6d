package id.siklus.api.household;

import java.time.LocalDate;

/** A family's poverty status changed from {@code previousStatus} to {@code povertyStatus} on {@code effectiveOn}. */
public record HouseholdReclassified(String householdId, String kelurahanCode, PovertyStatus previousStatus,
                                    PovertyStatus povertyStatus, String reason, LocalDate effectiveOn) {
}
