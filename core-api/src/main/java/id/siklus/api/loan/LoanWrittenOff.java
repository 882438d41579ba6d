package id.siklus.api.loan;

import id.siklus.api.money.Rupiah;

import java.time.LocalDate;

/** A loan was written off; {@code principalLost} leaves the revolving fund. */
public record LoanWrittenOff(String kelurahanCode, String loanId, String ksmId, Rupiah principalLost, String reason,
                             LocalDate writtenOffOn) {
}
