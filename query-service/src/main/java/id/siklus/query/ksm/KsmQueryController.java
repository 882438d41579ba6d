package id.siklus.query.ksm;

import id.siklus.query.household.HouseholdRegistryProjection;
import id.siklus.query.kelurahan.KelurahanAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

@RestController
@Tag(name = "KSM", description = "The self-help groups of a kelurahan")
class KsmQueryController {

    private final KsmRosterProjection ksms;
    private final HouseholdRegistryProjection households;
    private final KelurahanAccess access;

    KsmQueryController(KsmRosterProjection ksms, HouseholdRegistryProjection households, KelurahanAccess access) {
        this.ksms = ksms;
        this.households = households;
        this.access = access;
    }

    @GetMapping("/api/v1/kelurahan/{code}/ksm")
    @Operation(summary = "KSM with purpose, status, members and the share of them from poor (MISKIN) households")
    List<KsmView> ksm(@PathVariable String code) {
        access.requireKnownAndReadable(code);
        return ksms.of(code).stream().map(ksm -> {
            List<String> members = ksm.members() == null ? List.of() : ksm.members();
            long poor = members.stream().filter(id -> households.find(id)
                    .map(h -> Boolean.TRUE.equals(h.poor())).orElse(false)).count();
            BigDecimal share = members.isEmpty() ? null : BigDecimal.valueOf(poor * 100)
                    .divide(BigDecimal.valueOf(members.size()), 2, RoundingMode.HALF_UP);
            return new KsmView(ksm.id(), ksm.name(), ksm.purpose(), ksm.status(), ksm.formedOn(), ksm.dissolvedOn(),
                    members, members.size(), poor, share);
        }).toList();
    }

    record KsmView(String ksmId, String name, String purpose, String status, String formedOn, String dissolvedOn,
                   List<String> memberHouseholdIds, int members, long poorMembers, BigDecimal poorSharePercent) {
    }
}
