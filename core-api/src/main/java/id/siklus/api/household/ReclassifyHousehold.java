package id.siklus.api.household;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A review partisipatif (or a correction) finds a family's poverty status changed, from {@code effectiveOn}. */
public record ReclassifyHousehold(@TargetAggregateIdentifier String kelurahanCode, String householdId,
                                  PovertyStatus povertyStatus, String reason, LocalDate effectiveOn) {
}
