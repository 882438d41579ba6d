package id.siklus.query.ksm;

import id.siklus.query.fund.FundHealth;
import id.siklus.query.fund.LoanBookProjection;
import id.siklus.query.platform.KeptViews;
import id.siklus.query.household.HouseholdRegistryProjection;
import id.siklus.query.kelurahan.KelurahanAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@RestController
@Tag(name = "KSM", description = "The self-help groups of a kelurahan")
class KsmQueryController {

    private final KsmRosterProjection ksms;
    private final HouseholdRegistryProjection households;
    private final LoanBookProjection loans;
    private final KelurahanAccess access;
    private final ZoneId zone;
    private final KeptViews kept;

    KsmQueryController(KsmRosterProjection ksms, HouseholdRegistryProjection households, LoanBookProjection loans,
                       KelurahanAccess access, @Value("${siklus.time-zone:Asia/Jakarta}") ZoneId zone,
                       KeptViews kept) {
        this.kept = kept;
        this.ksms = ksms;
        this.households = households;
        this.loans = loans;
        this.access = access;
        this.zone = zone;
    }

    @GetMapping("/api/v1/kelurahan/{code}/ksm")
    @Operation(summary = "KSM with purpose, status, members, the share of them from poor (MISKIN) households, and "
            + "the current (open) loan with its outstanding principal and days late")
    List<KsmView> ksm(@PathVariable String code) {
        access.requireKnownAndReadable(code);
        LocalDate today = LocalDate.now(zone);
        return kept.get("ksm", code, today, List.of(KeptViews.Source.of(KsmRosterProjection.COLLECTION),
                KeptViews.Source.of(HouseholdRegistryProjection.COLLECTION),
                KeptViews.Source.of(LoanBookProjection.COLLECTION)), () -> ksm(code, today));
    }

    private List<KsmView> ksm(String code, LocalDate today) {
        List<KsmRosterProjection.KsmDocument> all = ksms.of(code);
        // one read each for the members' poverty and for the loans, not one per member or KSM
        Set<String> memberIds = new HashSet<>();
        all.forEach(ksm -> memberIds.addAll(ksm.members() == null ? List.of() : ksm.members()));
        Set<String> poorMembers = households.poorAmong(memberIds);
        Map<String, CurrentLoan> current = new HashMap<>();
        for (Document loan : loans.of(code)) {
            if ("OPEN".equals(loan.getString("status"))) {
                // sorted by disbursement: the latest open loan of a KSM is its current one
                FundHealth.LoanFigures figures = FundHealth.figures(loan, today);
                current.put(figures.ksmId(), new CurrentLoan(figures.loanId(), loan.getString("disbursedOn"),
                        figures.principal(), figures.outstanding(), figures.daysLate()));
            }
        }
        return all.stream().map(ksm -> {
            List<String> members = ksm.members() == null ? List.of() : ksm.members();
            long poor = members.stream().filter(poorMembers::contains).count();
            BigDecimal share = members.isEmpty() ? null : BigDecimal.valueOf(poor * 100)
                    .divide(BigDecimal.valueOf(members.size()), 2, RoundingMode.HALF_UP);
            return new KsmView(ksm.id(), ksm.name(), ksm.purpose(), ksm.status(), ksm.formedOn(), ksm.dissolvedOn(),
                    members, members.size(), poor, share, current.get(ksm.id()));
        }).toList();
    }

    record KsmView(String ksmId, String name, String purpose, String status, String formedOn, String dissolvedOn,
                   List<String> memberHouseholdIds, int members, long poorMembers, BigDecimal poorSharePercent,
                   CurrentLoan currentLoan) {
    }

    /** The KSM's open loan today: principal still owed and days since its oldest unpaid instalment fell due. */
    record CurrentLoan(String loanId, String disbursedOn, long principal, long outstandingPrincipal, long daysLate) {
    }
}
