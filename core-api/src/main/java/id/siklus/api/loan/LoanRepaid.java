package id.siklus.api.loan;

import java.time.LocalDate;

/**
 * A loan was repaid in full. {@code maxDaysLate} is the most days any instalment was settled after its due date; a
 * KSM whose loan was repaid on time (no instalment more than 30 days late, as the rules stood when it closed) may
 * borrow one step more next round.
 */
public record LoanRepaid(String kelurahanCode, String loanId, String ksmId, LocalDate repaidOn, int maxDaysLate,
                         boolean repaidOnTime) {
}
