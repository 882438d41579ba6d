package id.siklus.query.kelurahan;

import id.siklus.query.household.HouseholdPlacesProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@Tag(name = "Kelurahan", description = "Identity and key counts of a kelurahan")
class KelurahanQueryController {

    private final KelurahanDirectoryProjection directory;
    private final HouseholdPlacesProjection households;
    private final KelurahanAccess access;

    KelurahanQueryController(KelurahanDirectoryProjection directory, HouseholdPlacesProjection households,
                             KelurahanAccess access) {
        this.directory = directory;
        this.households = households;
        this.access = access;
    }

    @GetMapping("/api/v1/kelurahan/{code}")
    @Operation(summary = "A kelurahan with its number of households and of poor (MISKIN) households")
    KelurahanView get(@PathVariable String code) {
        access.requireKnownAndReadable(code);
        KelurahanDirectoryProjection.KelurahanDocument kelurahan = directory.find(code)
                .orElseThrow(() -> KelurahanAccess.notFound(code));
        long[] counts = HouseholdPlacesProjection.total(households.places(code));
        return new KelurahanView(kelurahan.id(), kelurahan.name(), kelurahan.kecamatan(), kelurahan.kota(),
                kelurahan.registeredAt(), counts[0], counts[1]);
    }

    record KelurahanView(String code, String name, String kecamatan, String kota, Instant registeredAt,
                         long households, long poorHouseholds) {
    }
}
