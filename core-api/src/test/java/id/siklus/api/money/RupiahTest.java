package id.siklus.api.money;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rupiah arithmetic against BigInteger, which cannot overflow or round: the oracle. */
class RupiahTest {

    private static final BigInteger MAX = BigInteger.valueOf(Rupiah.MAX);

    @Property(tries = 2000)
    void addingGivesTheExactSumOrRefusesWhenItLeavesTheRange(
            @ForAll @LongRange(min = 0, max = Rupiah.MAX) long a, @ForAll @LongRange(min = 0, max = Rupiah.MAX) long b) {
        BigInteger exact = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
        if (exact.compareTo(MAX) <= 0) {
            assertThat(BigInteger.valueOf(Rupiah.of(a).plus(Rupiah.of(b)).amount())).isEqualTo(exact);
        } else {
            assertThatThrownBy(() -> Rupiah.of(a).plus(Rupiah.of(b))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 2000)
    void subtractingGivesTheExactDifferenceOrRefusesBelowZero(
            @ForAll @LongRange(min = 0, max = Rupiah.MAX) long a, @ForAll @LongRange(min = 0, max = Rupiah.MAX) long b) {
        BigInteger exact = BigInteger.valueOf(a).subtract(BigInteger.valueOf(b));
        if (exact.signum() >= 0) {
            assertThat(BigInteger.valueOf(Rupiah.of(a).minus(Rupiah.of(b)).amount())).isEqualTo(exact);
        } else {
            assertThatThrownBy(() -> Rupiah.of(a).minus(Rupiah.of(b))).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property(tries = 2000)
    void whatRemainsIsNeverNegativeAndAddsBackUp(
            @ForAll @LongRange(min = 0, max = Rupiah.MAX) long pagu, @ForAll @LongRange(min = 0, max = Rupiah.MAX) long used) {
        Rupiah remaining = Rupiah.of(pagu).remainingAfter(Rupiah.of(used));
        BigInteger expected = BigInteger.valueOf(pagu).subtract(BigInteger.valueOf(used)).max(BigInteger.ZERO);
        assertThat(BigInteger.valueOf(remaining.amount())).isEqualTo(expected);
    }

    @Property(tries = 500)
    void manySmallAmountsSumExactly(@ForAll @LongRange(min = 1, max = 999_999_999) long amount) {
        Rupiah sum = Rupiah.ZERO;
        for (int i = 0; i < 1000; i++) {
            sum = sum.plus(Rupiah.of(amount));
        }
        assertThat(BigInteger.valueOf(sum.amount())).isEqualTo(BigInteger.valueOf(amount).multiply(BigInteger.valueOf(1000)));
    }

    @Test
    void negativeAndHugeAmountsAreNotRupiah() {
        assertThatThrownBy(() -> Rupiah.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rupiah.of(Rupiah.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amountsAreWrittenTheIndonesianWay() {
        assertThat(Rupiah.of(1_200_000_000).formatted()).isEqualTo("Rp 1.200.000.000");
        assertThat(Rupiah.of(120_750_000).formatted()).isEqualTo("Rp 120.750.000");
        assertThat(Rupiah.of(500).formatted()).isEqualTo("Rp 500");
        assertThat(Rupiah.ZERO.formatted()).isEqualTo("Rp 0");
    }
}
