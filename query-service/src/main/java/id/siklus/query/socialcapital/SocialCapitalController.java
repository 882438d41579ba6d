package id.siklus.query.socialcapital;

import id.siklus.query.platform.KeptViews;
import id.siklus.query.complaint.ComplaintProjection;
import id.siklus.query.cycle.CycleProgressProjection;
import id.siklus.query.fund.FundHealth;
import id.siklus.query.fund.LoanBookProjection;
import id.siklus.query.household.HouseholdRegistryProjection;
import id.siklus.query.kelurahan.KelurahanAccess;
import id.siklus.query.ksm.KsmRosterProjection;
import id.siklus.query.partnership.PartnershipProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The signals the program watches for the social capital a kelurahan builds: who takes part in the cycle's meetings,
 * whether KSM reach the poor, whether loans come back, whether agencies join in, whether complaints get answered.
 * Signals side by side, deliberately not combined into a score: a score would hide which one moved.
 */
@RestController
@Tag(name = "Social capital", description = "Signals of trust and participation, not a score")
class SocialCapitalController {

    private final CycleProgressProjection cycle;
    private final KsmRosterProjection ksms;
    private final HouseholdRegistryProjection households;
    private final LoanBookProjection loans;
    private final PartnershipProjection partnerships;
    private final ComplaintProjection complaints;
    private final KelurahanAccess access;
    private final ZoneId zone;
    private final KeptViews kept;

    SocialCapitalController(CycleProgressProjection cycle, KsmRosterProjection ksms,
                            HouseholdRegistryProjection households, LoanBookProjection loans,
                            PartnershipProjection partnerships, ComplaintProjection complaints,
                            KelurahanAccess access, @Value("${siklus.time-zone:Asia/Jakarta}") ZoneId zone,
                            KeptViews kept) {
        this.kept = kept;
        this.cycle = cycle;
        this.ksms = ksms;
        this.households = households;
        this.loans = loans;
        this.partnerships = partnerships;
        this.complaints = complaints;
        this.access = access;
        this.zone = zone;
    }

    @GetMapping("/api/v1/kelurahan/{code}/social-capital")
    @Operation(summary = "Participation in cycle meetings (total, women's share, poor share), poor share among "
            + "members of active KSM, repayment rate, number of partner agencies, share of complaints resolved. "
            + "Shares in percent with two decimals; null where there is nothing to share yet")
    SocialCapital socialCapital(@PathVariable String code) {
        access.requireKnownAndReadable(code);
        LocalDate today = LocalDate.now(zone);
        return kept.get("social-capital", code, today, List.of(KeptViews.Source.one(CycleProgressProjection.COLLECTION),
                KeptViews.Source.of(KsmRosterProjection.COLLECTION),
                KeptViews.Source.of(HouseholdRegistryProjection.COLLECTION),
                KeptViews.Source.of(LoanBookProjection.COLLECTION),
                KeptViews.Source.of(PartnershipProjection.COLLECTION),
                KeptViews.Source.of(ComplaintProjection.COLLECTION)),
                () -> new SocialCapital(code, today, participation(code), ksmReach(code), repayment(code, today),
                        partnerAgencies(code), complaintsAnswered(code)));
    }

    private Participation participation(String code) {
        Document progress = cycle.find(code).orElse(new Document());
        List<Document> meetings = new ArrayList<>(progress.get("stages", new Document()).values().stream()
                .map(Document.class::cast).toList());
        meetings.addAll(progress.getList("plans", Document.class, List.of()));
        meetings.addAll(progress.getList("reviews", Document.class, List.of()));
        long men = 0;
        long women = 0;
        long poor = 0;
        for (Document meeting : meetings) {
            men += meeting.getInteger("men", 0);
            women += meeting.getInteger("women", 0);
            poor += meeting.getInteger("poor", 0);
        }
        long total = men + women;
        return new Participation(meetings.size(), total, women, FundHealth.percent(women, total), poor,
                FundHealth.percent(poor, total));
    }

    private KsmReach ksmReach(String code) {
        Set<String> members = new LinkedHashSet<>();
        long active = 0;
        for (KsmRosterProjection.KsmDocument ksm : ksms.of(code)) {
            if ("ACTIVE".equals(ksm.status())) {
                active++;
                members.addAll(ksm.members() == null ? List.of() : ksm.members());
            }
        }
        // one read for all members (not one per member: 800 reads for a kelurahan of 160 KSM)
        long poor = households.poorAmong(members).size();
        return new KsmReach(active, members.size(), poor, FundHealth.percent(poor, members.size()));
    }

    private Repayment repayment(String code, LocalDate today) {
        FundHealth.Totals totals = FundHealth.totals(loans.of(code).stream()
                .map(loan -> FundHealth.figures(loan, today)).toList());
        return new Repayment(totals.repaymentRatePercent(), totals.par30Percent());
    }

    private Partners partnerAgencies(String code) {
        List<PartnershipProjection.Partnership> all = partnerships.of(code);
        long agencies = all.stream().map(p -> p.agency().strip().toLowerCase(java.util.Locale.ROOT)).distinct()
                .count();
        return new Partners(agencies, all.size());
    }

    private Complaints complaintsAnswered(String code) {
        List<ComplaintProjection.ComplaintDocument> all = complaints.of(code);
        long resolved = all.stream().filter(c -> "RESOLVED".equals(c.status())).count();
        return new Complaints(all.size(), resolved, FundHealth.percent(resolved, all.size()));
    }

    /** Participants counted per meeting: a person at two meetings counts twice. */
    record Participation(int meetings, long participants, long women, BigDecimal womenSharePercent, long poor,
                         BigDecimal poorSharePercent) {
    }

    /** Distinct member households of active KSM, and how many of them are poor (MISKIN). */
    record KsmReach(long activeKsm, long memberHouseholds, long poorMemberHouseholds,
                    BigDecimal poorSharePercent) {
    }

    record Repayment(BigDecimal repaymentRatePercent, BigDecimal par30Percent) {
    }

    /** Agencies counted once however many partnerships they have, compared without case or outer spaces. */
    record Partners(long partnerAgencies, long partnerships) {
    }

    record Complaints(long received, long resolved, BigDecimal resolvedSharePercent) {
    }

    record SocialCapital(String kelurahanCode, LocalDate day, Participation participation, KsmReach ksm,
                         Repayment revolvingFund, Partners partners, Complaints complaints) {
    }
}
