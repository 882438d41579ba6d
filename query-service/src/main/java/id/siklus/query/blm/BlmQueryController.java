package id.siklus.query.blm;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import static id.siklus.query.history.PointInTime.KNOWN_AT;
import static id.siklus.query.history.PointInTime.AS_OF;
import java.time.LocalDate;
import java.time.Instant;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.format.annotation.DateTimeFormat;
import io.swagger.v3.oas.annotations.Parameter;
import id.siklus.query.history.TimeTravel;
import id.siklus.query.history.PointInTime;
import id.siklus.query.kelurahan.KelurahanAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

@RestController
@Tag(name = "BLM", description = "BLM use per year and Tridaya, in whole rupiah")
class BlmQueryController {

    private final BlmUseProjection projection;
    private final KelurahanAccess access;
    private final TimeTravel timeTravel;
    private final ZoneId zone;

    BlmQueryController(BlmUseProjection projection, KelurahanAccess access, TimeTravel timeTravel,
                       @Value("${siklus.time-zone:Asia/Jakarta}") ZoneId zone) {
        this.projection = projection;
        this.timeTravel = timeTravel;
        this.zone = zone;
        this.access = access;
    }

    @GetMapping("/api/v1/kelurahan/{code}/blm")
    @Operation(summary = "Per year: pagu, lingkungan, ekonomi, sosial, bop, total and remaining; and the program "
            + "totals. With asOf and/or knownAt: as of a past day or as known at a past instant. Also as CSV with "
            + "Accept: text/csv")
    BlmView blm(@PathVariable String code, @Parameter(description = AS_OF) @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        access.requireKnownAndReadable(code);
        PointInTime when = PointInTime.of(asOf, knownAt, zone);
        List<BlmUseProjection.BlmYearDocument> documents = when.isNow() ? projection.years(code)
                : projection.years(timeTravel.fold(code, when, BlmUseProjection.PROCESSING_GROUP));
        List<BlmYear> years = new ArrayList<>();
        for (BlmUseProjection.BlmYearDocument d : documents) {
            years.add(BlmYear.of(d.year(), nz(d.pagu()), nz(d.lingkungan()), nz(d.ekonomi()), nz(d.sosial()),
                    nz(d.bop())));
        }
        BlmYear totals = BlmYear.of(0, years.stream().mapToLong(BlmYear::pagu).sum(),
                years.stream().mapToLong(BlmYear::lingkungan).sum(), years.stream().mapToLong(BlmYear::ekonomi).sum(),
                years.stream().mapToLong(BlmYear::sosial).sum(), years.stream().mapToLong(BlmYear::bop).sum());
        return new BlmView(code, when.asOf(), when.knownAt(), years, new Totals(totals.pagu(), totals.lingkungan(), totals.ekonomi(),
                totals.sosial(), totals.bop(), totals.total(), totals.remaining()));
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }

    /** Amounts are whole rupiah: JSON integers. */
    record BlmYear(int year, long pagu, long lingkungan, long ekonomi, long sosial, long bop, long total,
                   long remaining) {

        static BlmYear of(int year, long pagu, long lingkungan, long ekonomi, long sosial, long bop) {
            long total = Math.addExact(Math.addExact(lingkungan, ekonomi), Math.addExact(sosial, bop));
            return new BlmYear(year, pagu, lingkungan, ekonomi, sosial, bop, total, pagu - total);
        }
    }

    record Totals(long pagu, long lingkungan, long ekonomi, long sosial, long bop, long total, long remaining) {
    }

    record BlmView(String kelurahanCode, LocalDate asOf, Instant knownAt, List<BlmYear> years, Totals totals) {
    }
}
