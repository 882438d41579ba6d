package id.siklus.query.kota;

import id.siklus.query.blm.BlmUseProjection;
import id.siklus.query.complaint.ComplaintProjection;
import id.siklus.query.household.HouseholdRegistryProjection;
import id.siklus.query.kelurahan.KelurahanDirectoryProjection;
import id.siklus.support.security.Access;
import id.siklus.support.security.Role;
import id.siklus.support.security.SiklusClient;
import id.siklus.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

@RestController
@Validated
@Tag(name = "Kota", description = "A city's kelurahan side by side, for city-level monitors")
class KotaSummaryController {

    private final KelurahanDirectoryProjection directory;
    private final HouseholdRegistryProjection households;
    private final BlmUseProjection blm;
    private final ComplaintProjection complaints;
    private final Access access;

    KotaSummaryController(KelurahanDirectoryProjection directory, HouseholdRegistryProjection households,
                          BlmUseProjection blm, ComplaintProjection complaints, Access access) {
        this.directory = directory;
        this.households = households;
        this.blm = blm;
        this.complaints = complaints;
        this.access = access;
    }

    @GetMapping("/api/v1/kota/{kota}/summary")
    @Operation(summary = "One row per kelurahan of the city with its key figures, and the city totals. Monitors of "
            + "a city see only their city; national monitors, auditors and admins every city")
    KotaSummary summary(@PathVariable @Size(min = 1, max = 120) String kota) {
        SiklusClient client = access.requireRole(Role.MONITOR, Role.AUDITOR, Role.ADMIN);
        if (!client.has(Role.AUDITOR) && !client.has(Role.ADMIN) && client.kota() != null
                && !client.kota().equalsIgnoreCase(kota)) {
            throw ApiProblem.forbidden("KOTA_NOT_PERMITTED", "Your token is for monitors of kota " + client.kota()
                    + ", not " + kota + ".");
        }
        List<Row> rows = new ArrayList<>();
        for (KelurahanDirectoryProjection.KelurahanDocument k : directory.inKota(kota)) {
            long total = households.countHouseholds(k.id());
            long poor = households.countPoor(k.id());
            long pagu = 0;
            long used = 0;
            for (BlmUseProjection.BlmYearDocument y : blm.years(k.id())) {
                pagu += nz(y.pagu());
                used += nz(y.lingkungan()) + nz(y.ekonomi()) + nz(y.sosial()) + nz(y.bop());
            }
            long open = complaints.of(k.id()).stream().filter(c -> "OPEN".equals(c.status())).count();
            rows.add(new Row(k.id(), k.name(), k.kecamatan(), total, poor, percent(poor, total), pagu, used, open));
        }
        long households = rows.stream().mapToLong(Row::households).sum();
        long poor = rows.stream().mapToLong(Row::poorHouseholds).sum();
        Totals totals = new Totals(rows.size(), households, poor, percent(poor, households),
                rows.stream().mapToLong(Row::blmPagu).sum(), rows.stream().mapToLong(Row::blmUsed).sum(),
                rows.stream().mapToLong(Row::openComplaints).sum());
        return new KotaSummary(kota, rows, totals);
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY)
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    record Row(String kelurahanCode, String name, String kecamatan, long households, long poorHouseholds,
               BigDecimal povertyRatePercent, long blmPagu, long blmUsed, long openComplaints) {
    }

    record Totals(int kelurahan, long households, long poorHouseholds, BigDecimal povertyRatePercent, long blmPagu,
                  long blmUsed, long openComplaints) {
    }

    record KotaSummary(String kota, List<Row> kelurahan, Totals totals) {
    }
}
