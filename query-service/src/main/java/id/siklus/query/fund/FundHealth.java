package id.siklus.query.fund;

import org.bson.Document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The health of a revolving fund on a given day, from its loan documents: what is outstanding, how much of what fell
 * due was collected, and the portfolio at risk (outstanding principal of loans with an instalment more than 30 or 90
 * days late, as a share of all outstanding principal). Amounts in whole rupiah; shares in percent, two decimals.
 */
public final class FundHealth {

    private FundHealth() {
    }

    /** One loan's figures on {@code day}. */
    public record LoanFigures(String loanId, String ksmId, String status, long principal, long principalPaid, long feesPaid,
                       long outstanding, long due, long collectedOfDue, long daysLate, Boolean repaidOnTime) {
    }

    public static LoanFigures figures(Document loan, LocalDate day) {
        long principal = loan.get("principal", Number.class).longValue();
        long principalPaid = number(loan, "principalPaid");
        long feesPaid = number(loan, "feesPaid");
        String status = loan.getString("status");
        boolean open = "OPEN".equals(status);
        long due = 0;
        long cumulativePrincipal = 0;
        long daysLate = 0;
        // a loan written off stops falling due on its write-off day
        LocalDate lastDueDay = "WRITTEN_OFF".equals(status) && loan.getString("closedOn") != null
                && LocalDate.parse(loan.getString("closedOn")).isBefore(day)
                ? LocalDate.parse(loan.getString("closedOn")) : day;
        for (Document instalment : loan.getList("schedule", Document.class, List.of())) {
            LocalDate dueOn = LocalDate.parse(instalment.getString("dueOn"));
            long instalmentPrincipal = instalment.get("principal", Number.class).longValue();
            cumulativePrincipal += instalmentPrincipal;
            if (!dueOn.isAfter(lastDueDay)) {
                due += instalmentPrincipal + instalment.get("fee", Number.class).longValue();
                if (open && daysLate == 0 && cumulativePrincipal > principalPaid && dueOn.isBefore(day)) {
                    daysLate = ChronoUnit.DAYS.between(dueOn, day);
                }
            }
        }
        if ("REPAID".equals(status)) {
            // repaid: everything settled was due, and fees of instalments after the repayment are never charged
            due = principalPaid + feesPaid;
        }
        long outstanding = open ? principal - principalPaid : 0;
        long collectedOfDue = Math.min(principalPaid + feesPaid, due);
        return new LoanFigures(loan.getString("_id"), loan.getString("ksmId"), status, principal, principalPaid,
                feesPaid, outstanding, due, collectedOfDue, daysLate, loan.getBoolean("repaidOnTime"));
    }

    private static long number(Document document, String field) {
        Number value = document.get(field, Number.class);
        return value == null ? 0 : value.longValue();
    }

    /** Totals over some loans. */
    /**
     * @param arrears     what has fallen due (principal and fees) and was not collected, in whole rupiah
     * @param maxDaysLate the most days any open loan is late
     */
    public record Totals(long principalLent, long outstandingPrincipal, long principalRepaid, long feesRepaid,
                  BigDecimal repaymentRatePercent, BigDecimal par30Percent, BigDecimal par90Percent, long arrears,
                  long maxDaysLate) {
    }

    public static Totals totals(List<LoanFigures> loans) {
        long lent = 0;
        long outstanding = 0;
        long repaid = 0;
        long fees = 0;
        long due = 0;
        long collected = 0;
        long at30 = 0;
        long at90 = 0;
        long maxDaysLate = 0;
        for (LoanFigures loan : loans) {
            maxDaysLate = Math.max(maxDaysLate, loan.daysLate());
            lent += loan.principal();
            outstanding += loan.outstanding();
            repaid += loan.principalPaid();
            fees += loan.feesPaid();
            due += loan.due();
            collected += loan.collectedOfDue();
            if (loan.daysLate() > 30) {
                at30 += loan.outstanding();
            }
            if (loan.daysLate() > 90) {
                at90 += loan.outstanding();
            }
        }
        return new Totals(lent, outstanding, repaid, fees, percent(collected, due), percent(at30, outstanding),
                percent(at90, outstanding), due - collected, maxDaysLate);
    }

    /** A share in percent with two decimals; null where there is nothing to share (no amount due, nothing out). */
    public static BigDecimal percent(long part, long whole) {
        return whole == 0 ? null
                : BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
