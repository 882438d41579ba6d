package id.siklus.api.partnership;

import id.siklus.api.money.Rupiah;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** An agency (kemitraan / channeling) contributes to a KSM's activities; {@code value} when it has one in rupiah. */
public record RecordPartnership(@TargetAggregateIdentifier String kelurahanCode, String partnershipId, String agency,
                                PartnershipKind kind, String ksmId, Rupiah value, LocalDate startedOn) {
}
