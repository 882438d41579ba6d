package id.siklus.api.household;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NeighbourhoodTest {

    @Test
    void rwIsWrittenWithTwoDigitsWhateverTheLeadingZeros() {
        assertThat(Neighbourhood.canonicalRw("3")).isEqualTo("03");
        assertThat(Neighbourhood.canonicalRw("03")).isEqualTo("03");
        assertThat(Neighbourhood.canonicalRw("003")).isEqualTo("03");
        assertThat(Neighbourhood.canonicalRw("112")).isEqualTo("112");
    }

    @Test
    void rtIsWrittenWithThreeDigits() {
        assertThat(Neighbourhood.canonicalRt("10")).isEqualTo("010");
        assertThat(Neighbourhood.canonicalRt("010")).isEqualTo("010");
        assertThat(Neighbourhood.canonicalRt("7")).isEqualTo("007");
    }

    @Test
    void zeroLettersAndFourDigitsAreNotNeighbourhoodNumbers() {
        for (String bad : new String[]{"0", "000", "1a", "1000", "", " 3"}) {
            assertThatThrownBy(() -> Neighbourhood.canonicalRw(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("RW");
        }
        assertThatThrownBy(() -> Neighbourhood.canonicalRt(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
