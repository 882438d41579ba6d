package id.siklus.api.complaint;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A complaint reached the LKM through {@code channel}; {@code concernsId} names what it is about, when known. */
public record FileComplaint(@TargetAggregateIdentifier String kelurahanCode, String complaintId, String channel,
                            String category, String text, String concernsId, LocalDate receivedOn) {
}
