package id.siklus.query.household;

import id.siklus.query.household.HouseholdRegistryProjection.HouseholdDocument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PovertyMapTest {

    private static final String CODE = "35.71.03.1001";

    private static List<HouseholdDocument> households(String rw, String rt, int count, int poor) {
        List<HouseholdDocument> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(new HouseholdDocument(rw + "-" + rt + "-" + i, null, rw, rt, null, null, null, i < poor, null,
                    null, null, null));
        }
        return list;
    }

    @Test
    void householdsAreCountedPerRtAndPerRwWithTheirPovertyRate() {
        List<HouseholdDocument> all = new ArrayList<>();
        all.addAll(households("02", "001", 1, 0));
        all.addAll(households("01", "002", 16, 1));
        all.addAll(households("01", "001", 3, 1));

        PovertyMap map = PovertyMap.fold(CODE, all);

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
        PovertyMap map = PovertyMap.fold(CODE, List.of());

        assertThat(map.households()).isZero();
        assertThat(map.poorHouseholds()).isZero();
        assertThat(map.povertyRatePercent()).isEqualTo(new BigDecimal("0.00"));
        assertThat(map.rw()).isEmpty();
    }

    @Test
    void aHouseholdWhosePovertyIsNotRecordedIsNotCountedAsPoor() {
        PovertyMap map = PovertyMap.fold(CODE, List.of(
                new HouseholdDocument("h1", CODE, "01", "001", null, null, null, null, null, null, null, null),
                new HouseholdDocument("h2", CODE, "01", "001", null, null, null, true, null, null, null, null)));

        assertThat(map.households()).isEqualTo(2);
        assertThat(map.poorHouseholds()).isEqualTo(1);
        assertThat(map.povertyRatePercent()).isEqualTo(new BigDecimal("50.00"));
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
