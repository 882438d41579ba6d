package id.siklus.api.loan;

import id.siklus.api.money.Rupiah;

import java.time.LocalDate;

/**
 * A repayment, as it was applied: first to fees due, then to overdue principal, then to current principal.
 * {@code outstandingPrincipal} is what is left to repay after it.
 */
public record RepaymentRecorded(String kelurahanCode, String loanId, String ksmId, String repaymentId, Rupiah amount,
                                LocalDate paidOn, Rupiah feesPaid, Rupiah overduePrincipalPaid,
                                Rupiah currentPrincipalPaid, Rupiah outstandingPrincipal) {
}
