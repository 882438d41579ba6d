package id.siklus.api.ksm;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record DissolveKsm(@TargetAggregateIdentifier String kelurahanCode, String ksmId, String reason,
                          LocalDate dissolvedOn) {
}
