package id.siklus.api.loan;

import id.siklus.api.money.Rupiah;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The LKM lends capital of the revolving fund to an EKONOMI KSM. */
public record DisburseLoan(@TargetAggregateIdentifier String kelurahanCode, String loanId, String ksmId,
                           Rupiah principal, int termMonths, int monthlyFeeBasisPoints, LocalDate disbursedOn) {
}
