package id.siklus.api.ksm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record RemoveKsmMember(@TargetAggregateIdentifier String kelurahanCode, String ksmId, String householdId,
                              String reason, LocalDate leftOn) {
}
