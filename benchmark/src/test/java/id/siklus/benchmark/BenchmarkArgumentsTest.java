package id.siklus.benchmark;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A command line the benchmark cannot understand is refused with a sentence before anything starts. */
class BenchmarkArgumentsTest {

    @Test
    void aGrowthThatIsNotAListOfNumbersIsRefusedWithWhatWasGiven() {
        assertThatThrownBy(() -> BenchmarkMain.run("--growth", "1000000,abc"))
                .isInstanceOf(BenchmarkMain.BadArguments.class)
                .hasMessage("--growth takes whole numbers of zero or more (--growth: separated by commas, "
                        + "e.g. 1000000,5000000), not \"abc\"");
        assertThatThrownBy(() -> BenchmarkMain.run("--kelurahan", "-3"))
                .isInstanceOf(BenchmarkMain.BadArguments.class).hasMessageContaining("not \"-3\"");
    }

    @Test
    void aFlagWithoutItsValueOrAnUnknownFlagIsRefused() {
        assertThatThrownBy(() -> BenchmarkMain.run("--quick", "--households"))
                .isInstanceOf(BenchmarkMain.BadArguments.class).hasMessage("--households needs a value");
        assertThatThrownBy(() -> BenchmarkMain.run("--fast"))
                .isInstanceOf(BenchmarkMain.BadArguments.class).hasMessageStartingWith("Unknown argument --fast;");
    }
}
