package id.siklus.api.kelurahan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class KelurahanCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"35.71.03.1001", "31.74.01.1001", "00.00.00.0000", "99.99.99.9999"})
    void aKemendagriCodeOfFourDottedGroupsIsValid(String code) {
        assertThat(KelurahanCode.isValid(code)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "35.71.03.100",      // ward of three digits
            "35.71.03.10011",    // ward of five digits
            "3.71.03.1001",      // province of one digit
            "35.71.03",          // no ward
            "35.71.03.1001.01",  // a fifth group
            "35-71-03-1001",     // dashes instead of dots
            "3571031001",        // no dots
            "35.71.O3.1001",     // letter O instead of zero
            " 35.71.03.1001",    // leading space
            "35.71.03.1001 ",    // trailing space
            "35.71.03.1001\n",   // trailing newline, which a bare $ would let through with find()
            "٣٥.٧١.٠٣.١٠٠١"      // Arabic-Indic digits: only ASCII digits are a Kemendagri code
    })
    void anythingElseIsNotAValidCode(String code) {
        assertThat(KelurahanCode.isValid(code)).isFalse();
    }

    @Test
    void thePublishedPatternAgreesWithIsValid() {
        assertThat("35.71.03.1001").matches(KelurahanCode.PATTERN);
        assertThat("35.71.03.100").doesNotMatch(KelurahanCode.PATTERN);
    }
}
