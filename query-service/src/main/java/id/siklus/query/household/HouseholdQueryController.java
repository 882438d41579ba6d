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
import java.util.Map;

@RestController
@Validated
@Tag(name = "Households", description = "The households of a kelurahan and its poverty map")
class HouseholdQueryController {

    private final HouseholdRegistryProjection registry;
    private final HouseholdPlacesProjection places;
    private final KelurahanAccess access;
    private final TimeTravel timeTravel;
    private final ZoneId zone;
    private final HouseholdKeys keys;

    HouseholdQueryController(HouseholdRegistryProjection registry, HouseholdPlacesProjection places,
                             KelurahanAccess access, HouseholdKeys keys, TimeTravel timeTravel,
                             @Value("${siklus.time-zone:Asia/Jakarta}") ZoneId zone) {
        this.registry = registry;
        this.places = places;
        this.timeTravel = timeTravel;
        this.zone = zone;
        this.access = access;
        this.keys = keys;
    }

    @GetMapping("/api/v1/kelurahan/{code}/households")
    @Operation(summary = "Households of a kelurahan, by RW and RT, a page at a time. Names are personal data: "
            + "shown to the kelurahan's own LKM and to auditors only (personalData SHOWN), withheld from everyone else "
            + "(WITHHELD), and gone for good once erased (ERASED)")
    HouseholdPage households(@PathVariable String code,
                             @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                             @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        SiklusClient client = access.requireKnownAndReadable(code);
        boolean showsPersonalData = showsPersonalData(client, code);
        long total = HouseholdPlacesProjection.total(places.places(code))[0];
        List<HouseholdView> items = views(registry.page(code, page, size), showsPersonalData);
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
        // counted places: one small document, not every household (ADR 0014)
        return PovertyMap.of(code, when, when.isNow() ? places.places(code) : HouseholdPlacesProjection.places(
                timeTravel.fold(code, when, HouseholdRegistryProjection.PROCESSING_GROUP), code));
    }

    @GetMapping("/api/v1/households/{householdId}")
    @Operation(summary = "One household (where a registration's Location points)")
    HouseholdView household(@PathVariable String householdId) {
        HouseholdRegistryProjection.HouseholdDocument h = registry.find(householdId)
                .orElseThrow(() -> ApiProblem.notFound("HOUSEHOLD_NOT_FOUND", "No household " + householdId
                        + " in the read model. Check the id; a registration just made appears within seconds."));
        SiklusClient client = access.requireReadable(h.kelurahanCode());
        return views(List.of(h), showsPersonalData(client, h.kelurahanCode())).get(0);
    }

    /**
     * The kelurahan's own LKM and auditors (UU PDP: the controller of the data, and its oversight). Not monitors,
     * and not ADMIN: administrators run the system and carry out erasures, which name the household by its id; they
     * have no need to read who a family is (ADR 0009).
     */
    private static boolean showsPersonalData(SiklusClient client, String code) {
        return client.actsFor(code) || client.has(Role.AUDITOR);
    }

    private List<HouseholdView> views(List<HouseholdRegistryProjection.HouseholdDocument> households,
                                      boolean showsPersonalData) {
        Map<String, HouseholdKeys.KeyState> keyStates = showsPersonalData
                ? keys.states(households.stream()
                        .filter(h -> !HouseholdRegistryProjection.ERASED.equals(h.personalData()))
                        .map(HouseholdRegistryProjection.HouseholdDocument::id).toList())
                : Map.of();
        return households.stream().map(h -> view(h, showsPersonalData, keyStates.get(h.id()))).toList();
    }

    private HouseholdView view(HouseholdRegistryProjection.HouseholdDocument h, boolean showsPersonalData,
                               HouseholdKeys.KeyState key) {
        String headName = null;
        PersonalData personalData;
        if (HouseholdRegistryProjection.ERASED.equals(h.personalData()) || (key != null && key.destroyed())) {
            personalData = PersonalData.ERASED;
        } else if (!showsPersonalData) {
            personalData = PersonalData.WITHHELD;
        } else {
            headName = keys.open(h.id(), "headName", h.headName(), key).orElse(null);
            personalData = headName != null ? PersonalData.SHOWN : PersonalData.UNAVAILABLE;
        }
        return new HouseholdView(h.id(), h.kelurahanCode(), h.rw(), h.rt(), headName, personalData, h.members(),
                h.povertyStatus(), h.registeredOn(), h.registeredAt());
    }

    /** Whether the view carries the household's personal data, and if not, why. */
    enum PersonalData {
        /** The head's name is in the view. */
        SHOWN,
        /** The caller may not read personal data of this kelurahan. */
        WITHHELD,
        /** Forgotten under UU PDP: the key is destroyed, nobody can read it any more. */
        ERASED,
        /** The key store could not be read just now (or the data does not open); try again later. */
        UNAVAILABLE
    }

    /** @param headName the family head's name, or null unless personalData is SHOWN */
    record HouseholdView(String householdId, String kelurahanCode, String rw, String rt, String headName,
                         PersonalData personalData, Integer members, String povertyStatus, String registeredOn,
                         Instant registeredAt) {
    }

    record HouseholdPage(List<HouseholdView> items, int page, int size, long totalItems, long totalPages) {
    }
}
