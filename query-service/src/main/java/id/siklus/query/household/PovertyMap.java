package id.siklus.query.household;

import java.time.LocalDate;
import java.time.Instant;
import id.siklus.query.history.PointInTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Households and poor households per RW and per RT, as the self-mapping reports them. */
public record PovertyMap(String kelurahanCode, LocalDate asOf, Instant knownAt, long households, long poorHouseholds, BigDecimal povertyRatePercent,
                         List<RwRow> rw) {

    public record RwRow(String rw, long households, long poorHouseholds, BigDecimal povertyRatePercent,
                        List<RtRow> rt) {
    }

    public record RtRow(String rt, long households, long poorHouseholds, BigDecimal povertyRatePercent) {
    }

    /** A percentage with two decimals (10.52 for 10.52 %); 0 where there are no households. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** The map of one kelurahan's counted places (RW → RT → {households, poor}, see {@link HouseholdPlacesProjection}). */
    static PovertyMap of(String kelurahanCode, PointInTime when, Map<String, Map<String, long[]>> places) {
        Map<String, Map<String, long[]>> counts = new TreeMap<>();
        places.forEach((rw, rts) -> counts.put(rw, new TreeMap<>(rts)));
        List<RwRow> rwRows = new ArrayList<>();
        long total = 0;
        long poor = 0;
        for (Map.Entry<String, Map<String, long[]>> rw : counts.entrySet()) {
            List<RtRow> rtRows = new ArrayList<>();
            long rwTotal = 0;
            long rwPoor = 0;
            for (Map.Entry<String, long[]> rt : rw.getValue().entrySet()) {
                long[] c = rt.getValue();
                rtRows.add(new RtRow(rt.getKey(), c[0], c[1], percent(c[1], c[0])));
                rwTotal += c[0];
                rwPoor += c[1];
            }
            rwRows.add(new RwRow(rw.getKey(), rwTotal, rwPoor, percent(rwPoor, rwTotal), rtRows));
            total += rwTotal;
            poor += rwPoor;
        }
        return new PovertyMap(kelurahanCode, when == null ? null : when.asOf(), when == null ? null : when.knownAt(),
                total, poor, percent(poor, total), rwRows);
    }
}
