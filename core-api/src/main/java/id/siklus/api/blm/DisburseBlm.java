package id.siklus.api.blm;

import id.siklus.api.money.Rupiah;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The LKM books a use of the year's BLM. {@code ksmId} only for LINGKUNGAN and SOSIAL, and then optional. */
public record DisburseBlm(@TargetAggregateIdentifier String kelurahanCode, String disbursementId, int year,
                          BlmCategory category, Rupiah amount, String activity, LocalDate disbursedOn, String ksmId) {
}
