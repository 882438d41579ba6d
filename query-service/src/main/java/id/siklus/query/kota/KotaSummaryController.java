package id.siklus.query.kota;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import static id.siklus.query.history.PointInTime.KNOWN_AT;
import static id.siklus.query.history.PointInTime.AS_OF;
import java.time.LocalDate;
import java.time.Instant;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.format.annotation.DateTimeFormat;
import io.swagger.v3.oas.annotations.Parameter;
import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.history.TimeTravel;
import id.siklus.query.history.PointInTime;
import id.siklus.query.blm.BlmUseProjection;
import id.siklus.query.complaint.ComplaintProjection;
import id.siklus.query.cycle.CycleProgressProjection;
import org.bson.Document;
import id.siklus.query.household.HouseholdPlacesProjection;
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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.time.temporal.ChronoUnit;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@RestController
@Validated
@Tag(name = "Kota", description = "A city's kelurahan side by side, for city-level monitors")
class KotaSummaryController {

    private static final Logger log = LoggerFactory.getLogger(KotaSummaryController.class);

    private final KelurahanDirectoryProjection directory;
    private final HouseholdPlacesProjection places;
    private final BlmUseProjection blm;
    private final CycleProgressProjection cycle;
    private final ComplaintProjection complaints;
    private final Access access;
    private final TimeTravel timeTravel;
    private final ZoneId zone;
    /**
     * How old a summary of the present may be when it is given again: it reads every kelurahan of the city, and a
     * city's monitors ask for the same one. The read models themselves lag the event store by about as much.
     */
    private final java.time.Duration maxAge;
    /**
     * How much older than {@link #maxAge} a summary may be and still be given at once, while one computation in the
     * background brings it up to date; an older one is computed while the request waits. {@code computedAt} says.
     */
    private final java.time.Duration staleFor;
    private final Map<String, KotaSummary> recent = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Object> computing = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();
    /** One thread: refreshes of different cities take turns, as computations of one city already do. */
    private final ThreadPoolExecutor refresher = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(64), runnable -> {
                Thread thread = new Thread(runnable, "kota-summary-refresh");
                thread.setDaemon(true);
                return thread;
            });
    /**
     * Folds the kelurahan of a summary of the past {@code siklus.views.kota-summary-past-parallelism} at a time
     * (default one). A fold reads its kelurahan's journal (three or four reads) and folds the entries here: with
     * MongoDB remote, mostly waiting on its answers, and several at a time shorten the first computation; with
     * MongoDB on the same cores (the embedded stack, the benchmark) four at a time took the CPU the projections
     * needed and, with about 100,000 stored events, were no faster than one; with a million, one at a time was slower
     * (benchmark finding 24).
     */
    private final ThreadPoolExecutor pastFolds;

    KotaSummaryController(KelurahanDirectoryProjection directory, HouseholdPlacesProjection places,
                          BlmUseProjection blm, ComplaintProjection complaints, CycleProgressProjection cycle,
                          Access access, TimeTravel timeTravel, @Value("${siklus.time-zone:Asia/Jakarta}") ZoneId zone,
                          @Value("${siklus.views.kota-summary-max-age:5s}") java.time.Duration maxAge,
                          @Value("${siklus.views.kota-summary-stale-for:30s}") java.time.Duration staleFor,
                          @Value("${siklus.views.kota-summary-past-parallelism:1}") int pastParallelism) {
        if (pastParallelism < 1) {
            throw new IllegalArgumentException("siklus.views.kota-summary-past-parallelism must be at least 1, not "
                    + pastParallelism);
        }
        java.util.concurrent.atomic.AtomicInteger folders = new java.util.concurrent.atomic.AtomicInteger();
        this.pastFolds = new ThreadPoolExecutor(pastParallelism, pastParallelism, 0, TimeUnit.MILLISECONDS,
                new java.util.concurrent.LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "kota-summary-past-fold-" + folders.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.maxAge = maxAge;
        this.staleFor = staleFor;
        this.timeTravel = timeTravel;
        this.cycle = cycle;
        this.zone = zone;
        this.directory = directory;
        this.places = places;
        this.blm = blm;
        this.complaints = complaints;
        this.access = access;
    }

    @GetMapping("/api/v1/kota/{kota}/summary")
    @Operation(summary = "One row per kelurahan of the city with its key figures, and the city totals. Monitors of "
            + "a city see only their city; national monitors, auditors and admins every city. Each row says whether "
            + "the kelurahan has a plan but no review partisipatif in the year of the view. With asOf and/or "
            + "knownAt: each kelurahan as of a past day or as known at a past instant")
    KotaSummary summary(@PathVariable @Size(min = 1, max = 120) String kota,
                        @Parameter(description = AS_OF) @RequestParam(required = false)
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                        @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        SiklusClient client = access.requireRole(Role.MONITOR, Role.AUDITOR, Role.ADMIN);
        if (!client.has(Role.AUDITOR) && !client.has(Role.ADMIN) && client.kota() != null
                && !client.kota().equalsIgnoreCase(kota)) {
            throw ApiProblem.forbidden("KOTA_NOT_PERMITTED", "Your token is for monitors of kota " + client.kota()
                    + ", not " + kota + ".");
        }
        PointInTime when = PointInTime.of(asOf, knownAt, zone);
        if (maxAge.isZero()) {
            return compute(kota, when);
        }
        // a summary is given again while young; one computation per city at a time (of the present; of the past),
        // the others wait for it and take its result: a lock object per city asked for, like the cities themselves a
        // bounded set. A summary of the past is reused the same way: checking every kelurahan's kept fold against
        // its journal on each request cost most of the query side's CPU under load in the benchmark.
        String key = kota + "|" + when.asOf() + "|" + when.knownAt() + "|" + when.day();
        KotaSummary kept = recent.get(key);
        if (age(kept).compareTo(maxAge) < 0) {
            return kept;
        }
        if (age(kept).compareTo(maxAge.plus(staleFor)) < 0) {
            // past its age but not by much: given now, while one computation brings it up to date for the next
            // (under load the city's monitors otherwise all waited for that computation, seconds in the benchmark)
            refreshInBackground(key, kota, when);
            return kept;
        }
        return computeOnce(key, kota, when);
    }

    /** Computes the summary unless another request has just done so; one computation per city at a time. */
    private KotaSummary computeOnce(String key, String kota, PointInTime when) {
        synchronized (computing.computeIfAbsent(when.isNow() ? kota : kota + "|past", k -> new Object())) {
            KotaSummary fresh = recent.get(key);
            if (age(fresh).compareTo(maxAge) >= 0) {
                fresh = compute(kota, when);
                // summaries too old to be given (and of earlier days) are not kept: one entry per city asked for
                recent.values().removeIf(summary -> age(summary).compareTo(maxAge.plus(staleFor)) >= 0);
                recent.put(key, fresh);
            }
            return fresh;
        }
    }

    private void refreshInBackground(String key, String kota, PointInTime when) {
        if (!refreshing.add(key)) {
            return; // one refresh of a summary at a time
        }
        try {
            refresher.execute(() -> {
                try {
                    computeOnce(key, kota, when);
                } catch (RuntimeException e) {
                    // the next request past the summary's age tries again, or computes it itself once it is too old
                    log.warn("Could not refresh the summary of kota {} ({}): {}", kota, key, e.toString());
                } finally {
                    refreshing.remove(key);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            refreshing.remove(key); // shutting down, or many cities at once: a later request asks again
        }
    }

    /** How old a kept summary is; a summary never computed is older than any. */
    private static java.time.Duration age(KotaSummary summary) {
        return summary == null ? ChronoUnit.FOREVER.getDuration()
                : java.time.Duration.between(summary.computedAt(), Instant.now());
    }

    @PreDestroy
    void stopRefreshing() {
        refresher.shutdownNow();
        pastFolds.shutdownNow();
    }

    private KotaSummary compute(String kota, PointInTime when) {
        Instant computedAt = Instant.now();
        List<Row> rows = new ArrayList<>();
        List<KelurahanDirectoryProjection.KelurahanDocument> inKota = directory.inKota(kota);
        if (when.isNow()) {
            // one read per read model for the whole city, not one per kelurahan
            List<String> codes = inKota.stream().map(KelurahanDirectoryProjection.KelurahanDocument::id).toList();
            Map<String, long[]> counts = places.totals(codes);
            Map<String, List<BlmUseProjection.BlmYearDocument>> years = blm.yearsOf(codes);
            Map<String, List<ComplaintProjection.ComplaintDocument>> received = complaints.ofAll(codes);
            Map<String, Document> progress = cycle.findAll(codes);
            for (KelurahanDirectoryProjection.KelurahanDocument k : inKota) {
                long[] count = counts.getOrDefault(k.id(), new long[2]);
                rows.add(row(k, count[0], count[1], years.getOrDefault(k.id(), List.of()),
                        received.getOrDefault(k.id(), List.of()), progress.getOrDefault(k.id(), new Document()),
                        when.day().getYear()));
            }
        } else {
            // kelurahan by kelurahan: a few small reads each, interleaved with the projections' writes (one read of
            // the whole city's journal held the wire server for tens of seconds at 1M stored events); a few at a
            // time, the rows in the directory's order
            List<java.util.concurrent.Future<List<Row>>> pending = new ArrayList<>(inKota.size());
            for (KelurahanDirectoryProjection.KelurahanDocument k : inKota) {
                pending.add(pastFolds.submit(() -> pastRow(k, when, timeTravel.fold(k.id(), when, PAST_GROUPS))));
            }
            for (java.util.concurrent.Future<List<Row>> row : pending) {
                rows.addAll(awaitRow(row, pending, kota));
            }
        }
        long households = rows.stream().mapToLong(Row::households).sum();
        long poor = rows.stream().mapToLong(Row::poorHouseholds).sum();
        Totals totals = new Totals(rows.size(), households, poor, percent(poor, households),
                rows.stream().mapToLong(Row::blmPagu).sum(), rows.stream().mapToLong(Row::blmUsed).sum(),
                rows.stream().mapToLong(Row::openComplaints).sum(),
                rows.stream().filter(Row::reviewMissingThisYear).count());
        return new KotaSummary(kota, when.asOf(), when.knownAt(), computedAt, rows, totals);
    }

    /** A row folded by {@link #pastFolds}; when one fails (or the request is interrupted) the others are called off. */
    private static List<Row> awaitRow(java.util.concurrent.Future<List<Row>> row,
                                      List<java.util.concurrent.Future<List<Row>>> all, String kota) {
        try {
            return row.get();
        } catch (java.util.concurrent.ExecutionException e) {
            all.forEach(other -> other.cancel(true));
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("Could not fold a kelurahan of kota " + kota, e.getCause());
        } catch (InterruptedException e) {
            all.forEach(other -> other.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while folding the kelurahan of kota " + kota, e);
        } catch (java.util.concurrent.CancellationException e) {
            throw new IllegalStateException("The fold of a kelurahan of kota " + kota + " was called off", e);
        }
    }

    /** The projections a row of the past is folded from. */
    private static final String[] PAST_GROUPS = {KelurahanDirectoryProjection.PROCESSING_GROUP,
            HouseholdRegistryProjection.PROCESSING_GROUP, BlmUseProjection.PROCESSING_GROUP,
            ComplaintProjection.PROCESSING_GROUP, CycleProgressProjection.PROCESSING_GROUP};

    /** The kelurahan's row from a view of the past; none when it had not been registered (or recorded) then. */
    private List<Row> pastRow(KelurahanDirectoryProjection.KelurahanDocument k, PointInTime when,
                              MemoryReadModel past) {
        // a kept fold never changes: its row is computed once (with today's name and kecamatan)
        return past.derived("kota-summary-row|" + k.name() + "|" + k.kecamatan(), () -> pastRowOf(k, when, past));
    }

    private List<Row> pastRowOf(KelurahanDirectoryProjection.KelurahanDocument k, PointInTime when,
                                MemoryReadModel past) {
        if (directory.find(past).isEmpty()) {
            return List.of();
        }
        // the fold's counted places (ADR 0014): converting every household of every kelurahan per request was most
        // of the CPU of the summaries of the past in the benchmark (the folds themselves are kept)
        long[] counts = HouseholdPlacesProjection.total(HouseholdPlacesProjection.places(past, k.id()));
        return List.of(row(k, counts[0], counts[1], blm.years(past), complaints.of(past),
                cycle.find(past).orElse(new Document()), when.day().getYear()));
    }

    private static Row row(KelurahanDirectoryProjection.KelurahanDocument k, long total, long poor,
                           List<BlmUseProjection.BlmYearDocument> years,
                           List<ComplaintProjection.ComplaintDocument> received, Document progress, int year) {
        long pagu = 0;
        long used = 0;
        for (BlmUseProjection.BlmYearDocument y : years) {
            pagu += nz(y.pagu());
            used += nz(y.lingkungan()) + nz(y.ekonomi()) + nz(y.sosial()) + nz(y.bop());
        }
        long open = received.stream().filter(c -> "OPEN".equals(c.status())).count();
        return new Row(k.id(), k.name(), k.kecamatan(), total, poor, percent(poor, total), pagu, used, open,
                progress.getString("lkmName"), CycleProgressProjection.reviewMissing(progress, year));
    }

    private static long nz(Long value) {
        return value == null ? 0 : value;
    }

    private static BigDecimal percent(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY)
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    record Row(String kelurahanCode, String name, String kecamatan, long households, long poorHouseholds,
               BigDecimal povertyRatePercent, long blmPagu, long blmUsed, long openComplaints, String lkmName,
               boolean reviewMissingThisYear) {
    }

    record Totals(int kelurahan, long households, long poorHouseholds, BigDecimal povertyRatePercent, long blmPagu,
                  long blmUsed, long openComplaints, long reviewMissingThisYear) {
    }

    /** @param computedAt when the figures were read from the read models (a summary of the present is reused for
     *                   up to {@code siklus.views.kota-summary-max-age}) */
    record KotaSummary(String kota, LocalDate asOf, Instant knownAt, Instant computedAt, List<Row> kelurahan,
                       Totals totals) {
    }
}
