package id.siklus.query.fund;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FundHealthTest {

    /** Rp 2.500.000 over 10 months at Rp 37.500 fee a month, disbursed 2010-04-01. */
    private static Document loan(String id, long principalPaid, long feesPaid, String status) {
        List<Document> schedule = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            schedule.add(new Document("number", i).append("dueOn", LocalDate.of(2010, 4, 1).plusMonths(i).toString())
                    .append("principal", 250_000L).append("fee", 37_500L));
        }
        return new Document("_id", id).append("ksmId", "k").append("principal", 2_500_000L)
                .append("principalPaid", principalPaid).append("feesPaid", feesPaid).append("status", status)
                .append("schedule", schedule);
    }

    @Test
    void aLoanPaidUpToDateIsNotLateAndItsCollectionIsComplete() {
        FundHealth.LoanFigures f = FundHealth.figures(loan("a", 500_000, 75_000, "OPEN"), LocalDate.of(2010, 6, 1));

        assertThat(f.due()).isEqualTo(575_000);
        assertThat(f.collectedOfDue()).isEqualTo(575_000);
        assertThat(f.outstanding()).isEqualTo(2_000_000);
        assertThat(f.daysLate()).isZero();
    }

    @Test
    void anUnpaidInstalmentMakesTheLoanLateFromItsDueDate() {
        FundHealth.LoanFigures f = FundHealth.figures(loan("a", 250_000, 37_500, "OPEN"), LocalDate.of(2010, 9, 1));

        // Rp 250.000 covers instalment 1; instalment 2, due 2010-06-01, is the first not covered: 92 days late
        assertThat(f.daysLate()).isEqualTo(92);
        assertThat(f.due()).isEqualTo(5 * 287_500);
        assertThat(f.collectedOfDue()).isEqualTo(287_500);
    }

    @Test
    void parCountsOutstandingPrincipalOfLoansLateMoreThanThirtyAndNinetyDays() {
        LocalDate day = LocalDate.of(2010, 9, 1);
        FundHealth.Totals totals = FundHealth.totals(List.of(
                FundHealth.figures(loan("late", 250_000, 37_500, "OPEN"), day),
                FundHealth.figures(loan("onTime", 1_250_000, 187_500, "OPEN"), day),
                FundHealth.figures(loan("repaid", 2_500_000, 375_000, "REPAID"), day)));

        assertThat(totals.outstandingPrincipal()).isEqualTo(2_250_000 + 1_250_000);
        assertThat(totals.par30Percent()).isEqualByComparingTo("64.29");
        assertThat(totals.par90Percent()).isEqualByComparingTo("64.29");
        assertThat(totals.principalLent()).isEqualTo(7_500_000);
        assertThat(totals.principalRepaid()).isEqualTo(4_000_000);
    }

    @Test
    void withNothingDueOrOutstandingTheSharesAreNotANumberButAbsent() {
        FundHealth.Totals totals = FundHealth.totals(List.of());

        assertThat(totals.repaymentRatePercent()).isNull();
        assertThat(totals.par30Percent()).isNull();
    }

    @Test
    void aLoanRepaidEarlyOwesNoFeeOfTheInstalmentsAfterItsRepayment() {
        // five instalments, then the other Rp 1.250.000 with the sixth fee on 2010-10-01: repaid, four fees never due
        FundHealth.LoanFigures f = FundHealth.figures(loan("early", 2_500_000, 225_000, "REPAID")
                .append("closedOn", "2010-10-01"), LocalDate.of(2011, 6, 30));

        assertThat(f.due()).isEqualTo(2_725_000);
        assertThat(f.collectedOfDue()).isEqualTo(f.due());
        assertThat(FundHealth.totals(List.of(f)).arrears()).isZero();
        assertThat(FundHealth.totals(List.of(f)).repaymentRatePercent()).isEqualByComparingTo("100.00");
    }

    @Test
    void aLoanWrittenOffStopsFallingDueOnItsWriteOffDay() {
        // one instalment paid; written off on 2011-01-15, before instalments 10 (2011-02-01) fell due
        FundHealth.LoanFigures f = FundHealth.figures(loan("lost", 250_000, 37_500, "WRITTEN_OFF")
                .append("closedOn", "2011-01-15"), LocalDate.of(2011, 6, 30));

        assertThat(f.due()).isEqualTo(9 * 287_500);
        assertThat(f.outstanding()).isZero();
        assertThat(f.daysLate()).isZero();
    }
}
