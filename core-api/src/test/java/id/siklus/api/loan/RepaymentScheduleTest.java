package id.siklus.api.loan;

import id.siklus.api.money.Rupiah;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.time.api.constraints.DateRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The loan schedule against BigInteger arithmetic, which cannot overflow or round: the oracle. */
class RepaymentScheduleTest {

    private static final LocalDate APRIL_FIRST = LocalDate.of(2010, 4, 1);

    @Property(tries = 2000)
    void theInstalmentPrincipalsAddUpToThePrincipalToTheRupiah(
            @ForAll @LongRange(min = 1, max = 10_000_000_000L) long principal,
            @ForAll @IntRange(min = 1, max = 60) int term,
            @ForAll @IntRange(min = 0, max = 1000) int feeBasisPoints) {
        List<Instalment> schedule = RepaymentSchedule.of(Rupiah.of(principal), term, feeBasisPoints, APRIL_FIRST);

        BigInteger sum = schedule.stream()
                .map(instalment -> BigInteger.valueOf(instalment.principal().amount()))
                .reduce(BigInteger.ZERO, BigInteger::add);
        assertThat(schedule).hasSize(term);
        assertThat(sum).isEqualTo(BigInteger.valueOf(principal));
    }

    @Property(tries = 2000)
    void everyInstalmentButTheLastIsTheSameAndTheLastAbsorbsTheRemainder(
            @ForAll @LongRange(min = 1, max = 10_000_000_000L) long principal,
            @ForAll @IntRange(min = 1, max = 60) int term,
            @ForAll @IntRange(min = 0, max = 1000) int feeBasisPoints) {
        List<Instalment> schedule = RepaymentSchedule.of(Rupiah.of(principal), term, feeBasisPoints, APRIL_FIRST);

        BigInteger[] shareAndRemainder = BigInteger.valueOf(principal).divideAndRemainder(BigInteger.valueOf(term));
        long share = shareAndRemainder[0].longValueExact();
        long last = schedule.get(term - 1).principal().amount();
        assertThat(schedule.subList(0, term - 1)).allSatisfy(instalment ->
                assertThat(instalment.principal().amount()).isEqualTo(share));
        assertThat(last).isEqualTo(shareAndRemainder[0].add(shareAndRemainder[1]).longValueExact());
        assertThat(last).isGreaterThanOrEqualTo(share).isLessThan(share + term);
    }

    @Property(tries = 2000)
    void theFeeIsTheBasisPointsOfTheOriginalPrincipalRoundedDownOnEveryInstalment(
            @ForAll @LongRange(min = 1, max = 10_000_000_000L) long principal,
            @ForAll @IntRange(min = 1, max = 60) int term,
            @ForAll @IntRange(min = 0, max = 1000) int feeBasisPoints) {
        List<Instalment> schedule = RepaymentSchedule.of(Rupiah.of(principal), term, feeBasisPoints, APRIL_FIRST);

        long fee = BigInteger.valueOf(principal).multiply(BigInteger.valueOf(feeBasisPoints))
                .divide(BigInteger.valueOf(10_000)).longValueExact();
        assertThat(schedule).allSatisfy(instalment -> {
            assertThat(instalment.fee()).isEqualTo(Rupiah.of(fee));
            assertThat(instalment.total()).isEqualTo(Rupiah.of(instalment.principal().amount() + fee));
        });
    }

    @Property(tries = 1000)
    void instalmentsAreNumberedFromOneAndFallDueMonthByMonthFromTheDisbursement(
            @ForAll @DateRange(min = "2008-01-01", max = "2030-12-31") LocalDate disbursedOn,
            @ForAll @IntRange(min = 1, max = 60) int term) {
        List<Instalment> schedule = RepaymentSchedule.of(Rupiah.of(2_500_000), term, 150, disbursedOn);

        for (int i = 1; i <= term; i++) {
            assertThat(schedule.get(i - 1).number()).isEqualTo(i);
            assertThat(schedule.get(i - 1).dueOn()).isEqualTo(disbursedOn.plusMonths(i));
        }
    }

    @Test
    void twoAndAHalfMillionOverTenMonthsAtOneAndAHalfPercentIsTwoHundredFiftyThousandPlusThirtySevenThousandFiveHundred() {
        List<Instalment> schedule = RepaymentSchedule.of(Rupiah.of(2_500_000), 10, 150, APRIL_FIRST);

        assertThat(schedule).hasSize(10);
        assertThat(schedule).allSatisfy(instalment -> {
            assertThat(instalment.principal()).isEqualTo(Rupiah.of(250_000));
            assertThat(instalment.fee()).isEqualTo(Rupiah.of(37_500));
            assertThat(instalment.total()).isEqualTo(Rupiah.of(287_500));
        });
        assertThat(schedule.get(0)).isEqualTo(new Instalment(1, LocalDate.of(2010, 5, 1), Rupiah.of(250_000),
                Rupiah.of(37_500)));
        assertThat(schedule.get(9).dueOn()).isEqualTo(LocalDate.of(2011, 2, 1));
    }

    @Test
    void aPrincipalThatDoesNotDivideEvenlyPutsTheRemainderOnTheLastInstalment() {
        List<Instalment> schedule = RepaymentSchedule.of(Rupiah.of(1_000_000), 3, 100, APRIL_FIRST);

        assertThat(schedule).extracting(Instalment::principal)
                .containsExactly(Rupiah.of(333_333), Rupiah.of(333_333), Rupiah.of(333_334));
        assertThat(schedule).extracting(Instalment::fee).containsOnly(Rupiah.of(10_000));
    }

    @Test
    void aFeeThatIsNotAWholeRupiahIsRoundedDown() {
        List<Instalment> schedule = RepaymentSchedule.of(Rupiah.of(999), 3, 150, APRIL_FIRST);

        // 999 × 1.5% = 14.985 rupiah
        assertThat(schedule).extracting(Instalment::fee).containsOnly(Rupiah.of(14));
    }

    @Test
    void aPrincipalSmallerThanTheTermLeavesEarlyInstalmentsWithoutPrincipal() {
        List<Instalment> schedule = RepaymentSchedule.of(Rupiah.of(2), 3, 0, APRIL_FIRST);

        assertThat(schedule).extracting(Instalment::principal)
                .containsExactly(Rupiah.ZERO, Rupiah.ZERO, Rupiah.of(2));
        assertThat(schedule).extracting(Instalment::fee).containsOnly(Rupiah.ZERO);
    }

    @Test
    void aLoanDisbursedOnTheThirtyFirstFallsDueOnTheLastDayOfShorterMonths() {
        List<Instalment> schedule = RepaymentSchedule.of(Rupiah.of(3_000_000), 3, 0, LocalDate.of(2011, 1, 31));

        assertThat(schedule).extracting(Instalment::dueOn).containsExactly(LocalDate.of(2011, 2, 28),
                LocalDate.of(2011, 3, 31), LocalDate.of(2011, 4, 30));
    }

    @Test
    void aLoanWithoutInstalmentsIsRefused() {
        assertThatThrownBy(() -> RepaymentSchedule.of(Rupiah.of(1_000_000), 0, 150, APRIL_FIRST))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theScheduleCannotBeChangedAfterwards() {
        List<Instalment> schedule = RepaymentSchedule.of(Rupiah.of(1_000_000), 3, 100, APRIL_FIRST);

        assertThatThrownBy(() -> schedule.remove(0)).isInstanceOf(UnsupportedOperationException.class);
    }
}
