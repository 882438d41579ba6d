package id.siklus.query.household;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PovertyMapTest {

    private static final String CODE = "35.71.03.1001";

    private static void place(Map<String, Map<String, long[]>> places, String rw, String rt, int count, int poor) {
        places.computeIfAbsent(rw, k -> new HashMap<>()).put(rt, new long[]{count, poor});
    }

    @Test
    void householdsAreCountedPerRtAndPerRwWithTheirPovertyRate() {
        // in no order: the map orders RW and RT
        Map<String, Map<String, long[]>> places = new HashMap<>();
        place(places, "02", "001", 1, 0);
        place(places, "01", "002", 16, 1);
        place(places, "01", "001", 3, 1);

        PovertyMap map = PovertyMap.of(CODE, null, places);

        assertThat(map.kelurahanCode()).isEqualTo(CODE);
        assertThat(map.households()).isEqualTo(20);
        assertThat(map.poorHouseholds()).isEqualTo(2);
        assertThat(map.povertyRatePercent()).isEqualByComparingTo("10.00");
        assertThat(map.rw()).extracting(PovertyMap.RwRow::rw).containsExactly("01", "02");

        PovertyMap.RwRow rw01 = map.rw().get(0);
        assertThat(rw01.households()).isEqualTo(19);
        assertThat(rw01.poorHouseholds()).isEqualTo(2);
        assertThat(rw01.povertyRatePercent()).isEqualTo(new BigDecimal("10.53"));
        assertThat(rw01.rt()).containsExactly(
                new PovertyMap.RtRow("001", 3, 1, new BigDecimal("33.33")),
                new PovertyMap.RtRow("002", 16, 1, new BigDecimal("6.25")));

        PovertyMap.RwRow rw02 = map.rw().get(1);
        assertThat(rw02.rt()).containsExactly(new PovertyMap.RtRow("001", 1, 0, new BigDecimal("0.00")));
        assertThat(rw02.povertyRatePercent()).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aKelurahanWithoutHouseholdsHasAnEmptyMapAtZeroPercent() {
        PovertyMap map = PovertyMap.of(CODE, null, Map.of());

        assertThat(map.households()).isZero();
        assertThat(map.poorHouseholds()).isZero();
        assertThat(map.povertyRatePercent()).isEqualTo(new BigDecimal("0.00"));
        assertThat(map.rw()).isEmpty();
    }

    @Test
    void percentagesRoundHalfUpToTwoDecimals() {
        assertThat(PovertyMap.percent(2, 19)).isEqualTo(new BigDecimal("10.53"));
        assertThat(PovertyMap.percent(2, 3)).isEqualTo(new BigDecimal("66.67"));
        assertThat(PovertyMap.percent(1, 8)).isEqualTo(new BigDecimal("12.50"));
        assertThat(PovertyMap.percent(7, 7)).isEqualTo(new BigDecimal("100.00"));
        assertThat(PovertyMap.percent(0, 0)).isEqualTo(new BigDecimal("0.00"));
    }
}
