package id.siklus.api.loan;

import id.siklus.api.money.Rupiah;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** A KSM paid {@code amount} on its loan on {@code paidOn}. */
public record RecordRepayment(@TargetAggregateIdentifier String kelurahanCode, String loanId, String repaymentId,
                              Rupiah amount, LocalDate paidOn) {
}
