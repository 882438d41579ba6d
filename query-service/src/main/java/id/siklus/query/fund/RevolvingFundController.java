package id.siklus.query.fund;

import static id.siklus.query.history.PointInTime.KNOWN_AT;
import static id.siklus.query.history.PointInTime.AS_OF;
import java.time.Instant;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.format.annotation.DateTimeFormat;
import io.swagger.v3.oas.annotations.Parameter;
import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.history.TimeTravel;
import id.siklus.query.platform.KeptViews;
import id.siklus.query.history.PointInTime;
import id.siklus.query.blm.BlmUseProjection;
import id.siklus.query.kelurahan.KelurahanAccess;
import id.siklus.query.ksm.KsmRosterProjection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@RestController
@Tag(name = "Revolving fund", description = "The health of a kelurahan's revolving-loan fund (ekonomi bergulir)")
class RevolvingFundController {

    private final LoanBookProjection loans;
    private final BlmUseProjection blm;
    private final KsmRosterProjection ksms;
    private final KelurahanAccess access;
    private final ZoneId zone;
    private final int limitSteps;
    private final TimeTravel timeTravel;
    private final KeptViews kept;

    RevolvingFundController(LoanBookProjection loans, BlmUseProjection blm, KsmRosterProjection ksms,
                            KelurahanAccess access, @Value("${siklus.time-zone:Asia/Jakarta}") ZoneId zone,
                            @Value("${siklus.rules.member-limit-step-count:4}") int limitSteps,
                            TimeTravel timeTravel, KeptViews kept) {
        this.timeTravel = timeTravel;
        this.kept = kept;
        this.limitSteps = limitSteps;
        this.loans = loans;
        this.blm = blm;
        this.ksms = ksms;
        this.access = access;
        this.zone = zone;
    }

    @GetMapping("/api/v1/kelurahan/{code}/revolving-fund")
    @Operation(summary = "Capital received, principal lent, outstanding principal, principal and fees repaid, "
            + "repayment rate (collected ÷ due), PAR30 and PAR90, arrears (due and not collected) and days late, per "
            + "KSM and in total, and which KSM may borrow a larger amount next round. Amounts in whole rupiah, shares in percent. With asOf: loans, repayments "
            + "and capital effective up to that day, lateness judged on that day (a repayment entered late counts on "
            + "the day it was paid); with knownAt: only what had been recorded by then")
    FundView fund(@PathVariable String code, @Parameter(description = AS_OF) @RequestParam(required = false)
                  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                  @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        access.requireKnownAndReadable(code);
        PointInTime when = PointInTime.of(asOf, knownAt, zone);
        if (when.isNow()) {
            return kept.get("revolving-fund", code, when.day(), List.of(
                    KeptViews.Source.of(LoanBookProjection.COLLECTION), KeptViews.Source.of(BlmUseProjection.COLLECTION),
                    KeptViews.Source.of(KsmRosterProjection.COLLECTION)), () -> fund(code, when, null));
        }
        MemoryReadModel past = timeTravel.fold(code, when, LoanBookProjection.PROCESSING_GROUP,
                BlmUseProjection.PROCESSING_GROUP, KsmRosterProjection.PROCESSING_GROUP);
        // a kept fold never changes: its figures are computed once (the view's day is part of the fold's key)
        return past.derived("revolving-fund", () -> fund(code, when, past));
    }

    private FundView fund(String code, PointInTime when, MemoryReadModel past) {
        LocalDate today = when.day();
        List<FundHealth.LoanFigures> figures = (past == null ? loans.of(code) : loans.of(past)).stream()
                .map(loan -> FundHealth.figures(loan, today)).toList();
        long capital = (past == null ? blm.years(code) : blm.years(past)).stream()
                .mapToLong(year -> year.ekonomi() == null ? 0 : year.ekonomi()).sum();
        FundHealth.Totals totals = FundHealth.totals(figures);
        Map<String, List<FundHealth.LoanFigures>> byKsm = figures.stream()
                .collect(Collectors.groupingBy(FundHealth.LoanFigures::ksmId));
        List<KsmRow> rows = new ArrayList<>();
        for (KsmRosterProjection.KsmDocument ksm : past == null ? ksms.of(code) : ksms.of(past)) {
            if (!"EKONOMI".equals(ksm.purpose())) {
                continue;
            }
            List<FundHealth.LoanFigures> ksmLoans = byKsm.getOrDefault(ksm.id(), List.of());
            FundHealth.Totals t = FundHealth.totals(ksmLoans);
            String currentLoan = ksmLoans.stream().filter(l -> "OPEN".equals(l.status()))
                    .map(FundHealth.LoanFigures::loanId).findFirst().orElse(null);
            long onTime = ksmLoans.stream().filter(l -> Boolean.TRUE.equals(l.repaidOnTime())).count();
            // the ceiling steps up with each loan repaid on time until its last step (as the command side rules)
            boolean lastOnTime = !ksmLoans.isEmpty() && currentLoan == null
                    && Boolean.TRUE.equals(ksmLoans.get(ksmLoans.size() - 1).repaidOnTime());
            rows.add(new KsmRow(ksm.id(), ksm.name(), ksm.status(), currentLoan, t.principalLent(),
                    t.outstandingPrincipal(), t.principalRepaid(), t.feesRepaid(), t.repaymentRatePercent(),
                    t.par30Percent(), t.par90Percent(), t.arrears(), t.maxDaysLate(), onTime,
                    "ACTIVE".equals(ksm.status()) && lastOnTime && onTime < limitSteps));
        }
        return new FundView(code, today, when.knownAt(), capital, totals.principalLent(), totals.outstandingPrincipal(),
                totals.principalRepaid(), totals.feesRepaid(),
                capital + totals.principalRepaid() - totals.principalLent(), totals.repaymentRatePercent(),
                totals.par30Percent(), totals.par90Percent(), totals.arrears(), rows);
    }

    record KsmRow(String ksmId, String name, String status, String currentLoanId, long principalLent,
                  long outstandingPrincipal, long principalRepaid, long feesRepaid, BigDecimal repaymentRatePercent,
                  BigDecimal par30Percent, BigDecimal par90Percent, long arrears, long daysLate,
                  long loansRepaidOnTime,
                  boolean mayBorrowMoreNextRound) {
    }

    record FundView(String kelurahanCode, LocalDate asOf, Instant knownAt, long capitalReceived, long principalLent,
                    long outstandingPrincipal, long principalRepaid, long feesRepaid, long available,
                    BigDecimal repaymentRatePercent, BigDecimal par30Percent, BigDecimal par90Percent,
                    long arrears, List<KsmRow> ksm) {
    }
}
