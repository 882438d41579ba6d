package id.siklus.query.household;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import static id.siklus.query.history.PointInTime.KNOWN_AT;
import static id.siklus.query.history.PointInTime.AS_OF;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import io.swagger.v3.oas.annotations.Parameter;
import id.siklus.query.history.TimeTravel;
import id.siklus.query.history.PointInTime;
import id.siklus.query.kelurahan.KelurahanAccess;
import id.siklus.support.security.Role;
import id.siklus.support.security.SiklusClient;
import id.siklus.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@Validated
@Tag(name = "Households", description = "The households of a kelurahan and its poverty map")
class HouseholdQueryController {

    private final HouseholdRegistryProjection registry;
    private final KelurahanAccess access;
    private final TimeTravel timeTravel;
    private final ZoneId zone;

    HouseholdQueryController(HouseholdRegistryProjection registry, KelurahanAccess access, TimeTravel timeTravel,
                             @Value("${siklus.time-zone:Asia/Jakarta}") ZoneId zone) {
        this.registry = registry;
        this.timeTravel = timeTravel;
        this.zone = zone;
        this.access = access;
    }

    @GetMapping("/api/v1/kelurahan/{code}/households")
    @Operation(summary = "Households of a kelurahan, by RW and RT, a page at a time. Names are shown to the "
            + "kelurahan's own LKM, auditors and admins only")
    HouseholdPage households(@PathVariable String code,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        SiklusClient client = access.requireKnownAndReadable(code);
        boolean showsPersonalData = showsPersonalData(client, code);
        long total = registry.countHouseholds(code);
        List<HouseholdView> items = registry.page(code, page, size).stream()
                .map(h -> view(h, showsPersonalData))
                .toList();
        return new HouseholdPage(items, page, size, total, (total + size - 1) / size);
    }

    @GetMapping("/api/v1/kelurahan/{code}/poverty-map")
    @Operation(summary = "Households, poor households and poverty rate per RW and per RT. With asOf: households "
            + "registered and reclassifications effective up to that day; with knownAt: as recorded by then")
    PovertyMap povertyMap(@PathVariable String code, @Parameter(description = AS_OF) @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        access.requireKnownAndReadable(code);
        PointInTime when = PointInTime.of(asOf, knownAt, zone);
        return PovertyMap.fold(code, when, when.isNow() ? registry.placesAndPoverty(code)
                : registry.all(timeTravel.fold(code, when, HouseholdRegistryProjection.PROCESSING_GROUP)));
    }

    @GetMapping("/api/v1/households/{householdId}")
    @Operation(summary = "One household (where a registration's Location points)")
    HouseholdView household(@PathVariable String householdId) {
        HouseholdRegistryProjection.HouseholdDocument h = registry.find(householdId)
                .orElseThrow(() -> ApiProblem.notFound("HOUSEHOLD_NOT_FOUND", "No household " + householdId
                        + " in the read model. Check the id; a registration just made appears within seconds."));
        SiklusClient client = access.requireReadable(h.kelurahanCode());
        return view(h, showsPersonalData(client, h.kelurahanCode()));
    }

    private static boolean showsPersonalData(SiklusClient client, String code) {
        return client.actsFor(code) || client.has(Role.AUDITOR) || client.has(Role.ADMIN);
    }

    private static HouseholdView view(HouseholdRegistryProjection.HouseholdDocument h, boolean showsPersonalData) {
        return new HouseholdView(h.id(), h.kelurahanCode(), h.rw(), h.rt(), showsPersonalData ? h.headName() : null,
                h.members(), h.povertyStatus(), h.registeredOn(), h.registeredAt());
    }

    record HouseholdView(String householdId, String kelurahanCode, String rw, String rt, String headName, Integer members,
                         String povertyStatus, String registeredOn, Instant registeredAt) {
    }

    record HouseholdPage(List<HouseholdView> items, int page, int size, long totalItems, long totalPages) {
    }
}
