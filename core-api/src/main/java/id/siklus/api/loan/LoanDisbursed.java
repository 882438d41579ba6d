package id.siklus.api.loan;

import id.siklus.api.money.Rupiah;

import java.time.LocalDate;
import java.util.List;

/** A loan was disbursed to a KSM, with the schedule it is to be repaid on. */
public record LoanDisbursed(String kelurahanCode, String loanId, String ksmId, Rupiah principal, int termMonths,
                            int monthlyFeeBasisPoints, LocalDate disbursedOn, List<Instalment> schedule) {
}
