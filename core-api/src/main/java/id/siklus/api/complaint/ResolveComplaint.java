package id.siklus.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record ResolveComplaint(@TargetAggregateIdentifier String kelurahanCode, String complaintId, String resolution,
                               LocalDate resolvedOn) {
}
