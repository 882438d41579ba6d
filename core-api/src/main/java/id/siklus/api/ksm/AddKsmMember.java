package id.siklus.api.ksm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record AddKsmMember(@TargetAggregateIdentifier String kelurahanCode, String ksmId, String householdId,
                           LocalDate joinedOn) {
}
