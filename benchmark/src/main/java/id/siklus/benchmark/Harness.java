package id.siklus.benchmark;

import com.mongodb.client.MongoClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClients;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.ConfigurableApplicationContext;
import id.siklus.localstack.MongoWireServer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The benchmark, in one JVM and in this order: start the system; set up the synthetic city through the API; raw
 * baselines with every processor paused; then, at the history the city has, a round of measurements (max
 * sustainable throughput, latency and view latency at 50% of it, projection lag at 50% and 80%, publisher on/off,
 * full replay); then more history is added under load and the round is repeated, so every figure is shown at two
 * history sizes.
 */
final class Harness {

    private static final String TOPIC = "siklus.program-events";

    private final Settings settings;
    private final Report report;
    private BenchSystem system;
    private Api api;
    private City city;
    private MongoClient mongo;
    private KafkaConsumer<String, byte[]> offsets;
    private final Random random;
    private final ObjectMapper json = new ObjectMapper();
    private boolean asOfAvailable;
    private CpuUse cpu;

    private boolean largeOnly;
    private Path state;

    /** Runs only the city's set-up, the baselines and the large kelurahan's views. */
    Harness largeOnly(boolean largeOnly) {
        this.largeOnly = largeOnly;
        return this;
    }

    Harness(Settings settings) {
        this.settings = settings;
        this.report = new Report(settings);
        this.random = new Random(settings.seed() + 1);
    }

    /** What to run: the full benchmark, or the quick smoke run. */
    record Settings(boolean quick, long seed, int kelurahan, int households, Path out, Duration step,
                    Duration measure, Duration grow, Duration baseline, int kafkaRecords, double startRate,
                    double viewRate, int setupParallel, int largeHouseholds, int largeEvents, List<Long> growth) {

        static Settings full(Path out) {
            return new Settings(false, 20261128L, 46, 8_000, out, Duration.ofSeconds(10), Duration.ofSeconds(30),
                    Duration.ofSeconds(120), Duration.ofSeconds(8), 50_000, 200, 30, 8, 6_000, 10_000,
                    List.of(1_000_000L));
        }

        static Settings quick(Path out) {
            return new Settings(true, 20261128L, 3, 150, out, Duration.ofSeconds(3), Duration.ofSeconds(5),
                    Duration.ofSeconds(5), Duration.ofSeconds(2), 5_000, 60, 10, 3, 200, 400,
                    List.of(25_000L));
        }

        Settings with(long seed, int kelurahan, int households) {
            return new Settings(quick, seed, kelurahan, households, out, step, measure, grow, baseline, kafkaRecords,
                    startRate, viewRate, setupParallel, largeHouseholds, largeEvents, growth);
        }

        Settings withLarge(int largeHouseholds, int largeEvents) {
            return new Settings(quick, seed, kelurahan, households, out, step, measure, grow, baseline, kafkaRecords,
                    startRate, viewRate, setupParallel, largeHouseholds, largeEvents, growth);
        }

        /** The history sizes (stored events) to grow to by seeding, each followed by a round. */
        Settings withGrowth(List<Long> growth) {
            return new Settings(quick, seed, kelurahan, households, out, step, measure, grow, baseline, kafkaRecords,
                    startRate, viewRate, setupParallel, largeHouseholds, largeEvents, List.copyOf(growth));
        }
    }

    Report run() throws Exception {
        long began = System.nanoTime();
        Path state = Files.createTempDirectory("siklus-bench-");
        this.state = state;
        log("starting the system (state in " + state + ")");
        system = BenchSystem.start(state);
        try (Api api = new Api(system); MongoClient mongo = MongoClients.create(BenchSystem.mongoUri(system.stack));
             KafkaConsumer<String, byte[]> offsets = new KafkaConsumer<>(
                     Baselines.consumerProperties(system.stack.kafkaBootstrapServers()))) {
            this.api = api;
            this.mongo = mongo;
            this.offsets = offsets;
            report.environment(system);
            cpu = system.cpuUse();

            city = City.generate(settings.seed(), settings.kelurahan(), settings.households());
            log("setting up the city: " + city.kelurahan.size() + " kelurahan, " + city.households() + " households, "
                    + city.ksms.size() + " KSM");
            long t = System.nanoTime();
            city.setUp(api, settings.setupParallel());
            double setupSeconds = (System.nanoTime() - t) / 1e9;
            long events = system.storedEvents();
            log("city set up in %.1f s: %d events".formatted(setupSeconds, events));
            report.city(city, setupSeconds, events);
            awaitPipeline(Duration.ofMinutes(5));

            baselines();
            asOfAvailable = probeAsOf();

            try {
                if (largeOnly) {
                    // the views of a long history alone (--large-only): no rounds, the load beside them at the start
                    // rate
                    report.roundStart(1, system.storedEvents(), heapInUseMiB());
                    largeKelurahan(1, settings.startRate());
                    return report;
                }
                double max = round(1, settings.startRate());
                log("growing the history under load for " + settings.grow().toSeconds() + " s");
                OpenLoop.Result grow = OpenLoop.run("grow history", 0.7 * max, settings.grow(), this::nextCommand,
                        2048);
                log(grow.toString());
                report.phase(1, "grow history (after round 1)", grow);
                awaitPipeline(Duration.ofMinutes(5));
                double last = round(2, Math.max(settings.startRate() / 4, max / 2));
                int round = 2;
                for (long requested : settings.growth()) {
                    long stored = system.storedEvents();
                    // a quick run always has its seeded round (QuickBenchmarkTest checks it), even when a fast machine's
                    // rounds 1 and 2 already wrote past the target: at least one more kelurahan copy is seeded
                    long target = settings.quick() ? Math.max(requested, stored + 1) : requested;
                    if (stored >= target) {
                        log("history already at " + stored + " stored events, not below " + target
                                + ": no seeded round for it");
                        report.warning("History already held " + stored + " stored events after round " + round
                                + ", not fewer than the growth target " + target + ": no seeded round was run for it.");
                        continue;
                    }
                    round++;
                    seed(round, target);
                    last = round(round, Math.max(settings.startRate() / 4, last / 2));
                }
                largeKelurahan(round, last);
            } catch (Exception e) {
                // write what was measured; the missing figures are the evidence
                log("the run stopped early: " + e);
                report.warning("The run stopped early: " + e);
            }
        } finally {
            system.close();
            deleteQuietly(state);
        }
        report.totalSeconds((System.nanoTime() - began) / 1e9);
        return report;
    }

    // --- baselines ------------------------------------------------------------------------------------------------

    private void baselines() throws Exception {
        log("raw baselines: every processor paused, no load");
        List<StreamingEventProcessor> paused = new ArrayList<>(system.streamingProjections());
        paused.add(system.publisher());
        paused.forEach(StreamingEventProcessor::shutDown);
        try {
            List<Baselines.EventRow> rows = Baselines.sampleRows(system, 2000);
            report.eventRowBytes(rows.stream().mapToInt(Baselines.EventRow::bytes).average().orElse(0));
            Baselines.Rate jdbc1 = Baselines.jdbcInserts(system, rows, 1, settings.baseline());
            Baselines.Rate jdbc8 = Baselines.jdbcInserts(system, rows, 8, settings.baseline());
            String bootstrap = system.stack.kafkaBootstrapServers();
            Baselines.Rate[] kafka = Baselines.kafkaProduceConsume(bootstrap, rows, settings.kafkaRecords());
            Baselines.Rate kafkaLatency = Baselines.kafkaLatency(bootstrap, rows, 500, settings.baseline());
            Baselines.Rate mongoBulk = Baselines.mongoBulkUpsert(mongo, "siklus", mongo, "in-memory backend");
            Baselines.Rate mongoFind = Baselines.mongoFindById(mongo, "siklus", "kelurahan",
                    city.kelurahan.stream().map(k -> k.code).toList(), settings.quick() ? 2_000 : 10_000);
            for (Baselines.Rate r : List.of(jdbc1, jdbc8, kafka[0], kafka[1], kafkaLatency, mongoBulk, mongoFind)) {
                log(r.toString());
            }
            report.baselines(jdbc1, jdbc8, kafka[0], kafka[1], kafkaLatency, mongoBulk, mongoFind);
        } finally {
            paused.forEach(StreamingEventProcessor::start);
        }
        awaitPipeline(Duration.ofMinutes(2));
    }

    // --- growth by seeding -----------------------------------------------------------------------------------------

    private HistorySeeder seeder;

    /**
     * Grows the store to {@code target} events with copies of the city's kelurahan ({@link HistorySeeder}), then
     * waits until the publisher and every projection have taken them in: the pipeline works through the backlog as
     * it would after an outage.
     */
    private void seed(int round, long target) throws Exception {
        if (seeder == null) {
            seeder = new HistorySeeder(system);
        }
        log("growing the history to " + target + " stored events by seeding copies of the city's kelurahan");
        long t = System.nanoTime();
        HistorySeeder.Result seeded = seeder.growTo(target, city.kelurahan.stream().map(k -> k.code).toList());
        log(seeded.toString());
        // the auditor's proof holds for the copies: their chains verify as the command-service's own
        for (String code : List.of(seeded.firstCode(), seeded.lastCode())) {
            HttpResponse<String> verified = api.getCommand("/api/v1/audit/verification?aggregate=" + code,
                    api.admin());
            log("chain of seeded kelurahan " + code + ": " + verified.statusCode() + " " + verified.body());
            if (verified.statusCode() != 200 || !json.readTree(verified.body()).path("intact").asBoolean()) {
                report.warning("Round " + round + ": the hash chain of the seeded kelurahan " + code
                        + " did not verify: " + verified.statusCode() + " " + verified.body());
            }
        }
        Duration timeout = settings.quick() ? Duration.ofMinutes(5) : Duration.ofMinutes(90);
        // the publisher alone first: its drain of a large backlog is its ceiling, which the small backlog of the
        // publishing phase (a few thousand events, the processor's restart included) does not show
        long stored = system.storedEvents();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (publishedEvents() < stored && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double publisherSeconds = (System.nanoTime() - t) / 1e9;
        log("the publisher %s the seeded history on the topic %.1f s after seeding began".formatted(
                publishedEvents() >= stored ? "had put" : "had NOT put", publisherSeconds));
        boolean caughtUp = awaitPipeline(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        double pipelineSeconds = (System.nanoTime() - t) / 1e9;
        log("the pipeline took in the seeded history %s %.1f s after seeding began".formatted(
                caughtUp ? "in" : "NOT in", pipelineSeconds));
        HttpResponse<String> view = api.get("/api/v1/kelurahan/" + seeded.lastCode() + "/revolving-fund",
                api.monitor()).join();
        log("revolving fund of seeded kelurahan " + seeded.lastCode() + ": " + view.statusCode() + " "
                + view.body().substring(0, Math.min(300, view.body().length())));
        if (view.statusCode() != 200) {
            report.warning("Round " + round + ": the seeded kelurahan " + seeded.lastCode() + " has no view: "
                    + view.statusCode());
        }
        report.growth(round, seeded, publisherSeconds, pipelineSeconds, caughtUp);
    }

    /** Heap in use after a full collection: what the in-JVM stand-ins (mostly the Mongo wire server) hold. */
    private static long heapInUseMiB() {
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    // --- one round of measurements ----------------------------------------------------------------------------------

    private double round(int round, double startRate) throws Exception {
        long history = system.storedEvents();
        log("round " + round + " at " + history + " stored events");
        report.roundStart(round, history, heapInUseMiB());

        // 0. warm-up, so that the JIT and the pools are not measured
        OpenLoop.Result warm = OpenLoop.run("warm-up", startRate / 4, settings.step(), this::nextCommand, 2048);
        log(warm.toString());
        report.phase(round, "warm-up", warm);
        awaitPipeline(Duration.ofMinutes(2));

        // 1. max sustainable throughput (MaxSearch)
        Map<OpenLoop.Result, CpuUse.Use[]> used = new java.util.IdentityHashMap<>();
        OpenLoop.Result best = MaxSearch.run(startRate, rate -> maxSearchStep(round, rate, used));
        double max = best.achievedRate();
        report.maxThroughput(round, best);
        CpuUse.Use[] atMax = used.get(best);
        report.cpu(round, "max throughput (%.0f commands/s)".formatted(max), atMax[0], atMax[1]);

        // 2. latency at 50% of it, with views read at the same time; projection lag of that load
        system.lag.interval();
        AtomicReference<OpenLoop.Result> views = new AtomicReference<>();
        Thread viewLoad = new Thread(() -> views.set(OpenLoop.run("views", settings.viewRate(), settings.measure(),
                this::nextView, 512)), "bench-views");
        CpuUse.Reading halfStart = cpu.read();
        viewLoad.start();
        OpenLoop.Result half = OpenLoop.run("latency at 50%", 0.5 * max, settings.measure(), this::nextCommand, 2048);
        viewLoad.join();
        CpuUse.Reading halfEnd = cpu.read();
        awaitPipeline(Duration.ofMinutes(2));
        report.cpu(round, "50% load, views beside", cpu.between(halfStart, halfEnd, half.ok()),
                cpu.between(halfStart, cpu.read(), half.ok()));
        LagProbe.Interval lag50 = system.lag.interval();
        log(half.toString());
        log(views.get().toString());
        log("projection lag at 50%: " + Report.describe(lag50.all()));
        lag50.byProcessor().forEach((name, h) -> log("  " + name + ": " + Report.describe(h)));
        report.phase(round, "latency at 50%", half);
        report.phase(round, "views under 50% load", views.get());
        report.halfLoad(round, half, views.get(), lag50, asOfAvailable);

        // 3. projection lag at 80%
        CpuUse.Reading eightyStart = cpu.read();
        OpenLoop.Result eighty = OpenLoop.run("lag at 80%", 0.8 * max, settings.measure(), this::nextCommand, 2048);
        CpuUse.Reading eightyEnd = cpu.read();
        awaitPipeline(Duration.ofMinutes(3));
        report.cpu(round, "80% load", cpu.between(eightyStart, eightyEnd, eighty.ok()),
                cpu.between(eightyStart, cpu.read(), eighty.ok()));
        LagProbe.Interval lag80 = system.lag.interval();
        log(eighty.toString());
        log("projection lag at 80%: " + Report.describe(lag80.all()));
        lag80.byProcessor().forEach((name, h) -> log("  " + name + ": " + Report.describe(h)));
        report.phase(round, "lag at 80%", eighty);
        report.lag80(round, lag80);

        // 4. the cost of publishing: saturated throughput with the publisher running, then paused
        OpenLoop.Result with = OpenLoop.run("publisher running", 1.3 * max, settings.step(), this::nextCommand, 256);
        log(with.toString());
        awaitPipeline(Duration.ofMinutes(2));
        StreamingEventProcessor publisher = system.publisher();
        publisher.shutDown();
        OpenLoop.Result without = OpenLoop.run("publisher paused", 1.3 * max, settings.step(), this::nextCommand, 256);
        log(without.toString());
        long stored = system.storedEvents();
        long backlog = stored - publishedEvents();
        long t = System.nanoTime();
        publisher.start();
        long drainDeadline = t + TimeUnit.MINUTES.toNanos(5);
        while (publishedEvents() < stored && System.nanoTime() < drainDeadline) {
            Thread.sleep(20);
        }
        double drainSeconds = (System.nanoTime() - t) / 1e9;
        log("publisher drained %d events in %.2f s".formatted(backlog, drainSeconds));
        report.phase(round, "publisher running", with);
        report.phase(round, "publisher paused", without);
        report.publishing(round, with, without, backlog, drainSeconds);
        awaitPipeline(Duration.ofMinutes(3));

        // 5. full replay of every read model, beside the raw bulk upsert of the documents they hold now; then the
        // same read models built on the wire server's file backend
        replay(round);
        rebuildOnFileBackend(round);
        return max;
    }

    /**
     * The operator's rebuild of every read model (POST /api/v1/admin/projections/all/replay, ADR 0011): read from the
     * start of the topic into collections beside the live ones, swapped in when caught up. Its own progress report
     * gives the events read and the time from start to swap.
     */
    private void replay(int round) throws Exception {
        long documents = Baselines.readModelDocumentCount(mongo, "siklus");
        Baselines.Rate raw = Baselines.mongoBulkUpsert(mongo, "siklus", mongo, "in-memory backend");
        log(raw.toString());
        HttpResponse<String> started = api.postQuery("/api/v1/admin/projections/all/replay", api.admin());
        if (started.statusCode() != 202) {
            report.warning("Round " + round + ": the replay did not start: " + started.statusCode() + " "
                    + started.body());
            return;
        }
        long deadline = System.nanoTime() + (settings.quick() ? Duration.ofMinutes(2) : Duration.ofMinutes(20))
                .toNanos();
        CpuUse.Reading cpuStart = cpu.read();
        CpuUse.Reading cpuLast = cpuStart;
        JsonNode progress;
        while (true) {
            Thread.sleep(200);
            HttpResponse<String> answer = api.get("/api/v1/admin/projections/all/replay", api.admin()).join();
            progress = json.readTree(answer.body());
            String state = progress.path("state").asText();
            if (state.equals("DONE") || state.equals("FAILED") || System.nanoTime() > deadline) {
                break;
            }
            if (System.nanoTime() - cpuLast.wall() > TimeUnit.SECONDS.toNanos(5)) {
                // what the replay is doing, every 5 s: working (busy cores) or waiting (where its thread is)
                CpuUse.Reading now = cpu.read();
                log("replay at %s events (%s): %s; its thread at %s".formatted(progress.path("eventsDone").asText(),
                        state, CpuUse.busiest(cpu.between(cpuLast, now, 0), 4), replayThread()));
                cpuLast = now;
            }
        }
        log("replay's CPU: " + CpuUse.busiest(cpu.between(cpuStart, cpu.read(), 0), 6));
        if (!progress.path("state").asText().equals("DONE")) {
            report.warning("Round " + round + ": the replay ended " + progress.path("state").asText() + ": "
                    + progress.path("error").asText(progress.toString()));
            return;
        }
        long events = progress.path("eventsDone").asLong();
        double seconds = Duration.between(Instant.parse(progress.path("startedAt").asText()),
                Instant.parse(progress.path("finishedAt").asText())).toNanos() / 1e9;
        awaitPipeline(Duration.ofMinutes(2));
        long rebuilt = Baselines.readModelDocumentCount(mongo, "siklus");
        log("replayed %d events into %d documents in %.2f s = %.0f events/s".formatted(events, rebuilt, seconds,
                events / seconds));
        report.replay(round, events, documents, rebuilt, seconds, raw);
        system.lag.interval();
    }

    /**
     * The read models built from the whole topic on the Mongo wire server's file backend (H2 MVStore, as `./siklus
     * up` keeps them): a second query-service instance over a fresh file-backed server starts with no tokens and
     * folds every event from offset 0, while the first keeps running; timed from its start until its audit journal
     * holds every stored event and each of its processors has caught up. Beside it, the plain driver's bulk upsert of
     * the same documents into the same file-backed server.
     */
    private void rebuildOnFileBackend(int round) throws Exception {
        Path file = state.resolve("file-backend-" + round + "/siklus.mv");
        long stored = system.storedEvents();
        long documents = Baselines.readModelDocumentCount(mongo, "siklus");
        try (MongoWireServer wire = MongoWireServer.startFileBacked(file, 0);
             MongoClient client = MongoClients.create(wire.connectionString())) {
            Baselines.Rate raw = Baselines.mongoBulkUpsert(mongo, "siklus", client, "file backend",
                    settings.quick() ? Duration.ofSeconds(30) : Duration.ofMinutes(2));
            log(raw.toString());
            long t = System.nanoTime();
            long deadline = t + (settings.quick() ? Duration.ofMinutes(3) : Duration.ofMinutes(10)).toNanos();
            ConfigurableApplicationContext second = system.startAnotherQueryService(
                    wire.connectionString() + "/siklus");
            long built;
            boolean done;
            try {
                var journal = client.getDatabase("siklus").getCollection("audit_journal");
                List<StreamingEventProcessor> processors = second.getBean(EventProcessingConfiguration.class)
                        .eventProcessors().values().stream().filter(StreamingEventProcessor.class::isInstance)
                        .map(StreamingEventProcessor.class::cast).toList();
                while (true) {
                    built = journal.estimatedDocumentCount();
                    done = built >= stored && processors.stream().allMatch(p -> !p.processingStatus().isEmpty()
                            && p.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));
                    if (done || System.nanoTime() > deadline) {
                        break;
                    }
                    Thread.sleep(200);
                }
            } finally {
                second.close();
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            log("file backend: a second query-service built the read models of %d of %d events in %.1f s = %.0f "
                    .formatted(built, stored, seconds, built / seconds) + "events/s" + (done ? "" : " (time box)"));
            report.fileBackendRebuild(round, built, stored, documents, seconds, done, raw);
        } finally {
            deleteQuietly(file.getParent());
        }
    }

    /**
     * Views of one kelurahan with a long history (the 10,000 events): a large kelurahan of the same city is
     * registered and grown through the API (households, KSM, loans and their monthly instalments), then its views
     * and its views of the past are read at a fixed rate while the rest of the city works at 50% of the last round's
     * maximum.
     */
    private void largeKelurahan(int round, double max) throws Exception {
        City large = City.large(settings.seed() + 1, settings.largeHouseholds());
        City.Kelurahan k = large.kelurahan.get(0);
        log("setting up a large kelurahan " + k.code + ": " + large.households() + " households, "
                + large.ksms.size() + " KSM");
        long t = System.nanoTime();
        large.setUp(api, 1);
        long events = system.eventsOf(k.code);
        while (events < settings.largeEvents()) {
            OpenLoop.Result grow = OpenLoop.run("grow large kelurahan", 40, Duration.ofSeconds(10),
                    () -> large.next(api, random), 64);
            report.phase(round, "grow large kelurahan", grow);
            long before = events;
            events = system.eventsOf(k.code);
            if (events == before) {
                report.warning("The large kelurahan stopped growing at " + events + " events.");
                break;
            }
        }
        log("large kelurahan at %d events after %.1f s".formatted(events, (System.nanoTime() - t) / 1e9));
        awaitPipeline(Duration.ofMinutes(5));

        String base = "/api/v1/kelurahan/" + k.code;
        String[] now = {"", "/cycle", "/poverty-map", "/blm", "/revolving-fund", "/ksm", "/social-capital",
                "/complaints"};
        String[] past = {"/cycle?asOf=2011-06-01", "/poverty-map?asOf=2011-06-01", "/blm?asOf=2011-06-01",
                "/revolving-fund?asOf=2011-06-01", "/revolving-fund?knownAt=" + Instant.now().minusSeconds(60),
                "/revolving-fund?asOf=2012-12-31&knownAt=" + Instant.now().minusSeconds(60)};
        java.util.function.Supplier<OpenLoop.Request> nextLargeView = () -> random.nextBoolean()
                ? view("large kelurahan view", base + now[random.nextInt(now.length)])
                : view("large as-of view", base + past[random.nextInt(past.length)]);
        probe(base, now);
        probe(base, past);
        OpenLoop.Result alone = OpenLoop.run("views of the large kelurahan, no command load",
                settings.viewRate() / 3, settings.measure(), nextLargeView, 256);
        log(alone.toString());
        report.phase(round, "views of the large kelurahan, no command load", alone);
        report.largeKelurahanAlone(round, events, alone);

        AtomicReference<OpenLoop.Result> views = new AtomicReference<>();
        Thread viewLoad = new Thread(() -> views.set(OpenLoop.run("views of the large kelurahan",
                settings.viewRate() / 3, settings.measure(), nextLargeView, 256)),
                "bench-large-views");
        viewLoad.start();
        OpenLoop.Result half = OpenLoop.run("load at 50% beside the large kelurahan's views", 0.5 * max,
                settings.measure(), this::nextCommand, 2048);
        viewLoad.join();
        log(half.toString());
        log(views.get().toString());
        report.phase(round, "load at 50% beside the large kelurahan's views", half);
        report.phase(round, "views of the large kelurahan", views.get());
        report.largeKelurahan(round, events, views.get());
        awaitPipeline(Duration.ofMinutes(2));
    }

    /** Each path read ten times in a row, no load: which view costs what (for the log, not the report). */
    private void probe(String base, String[] paths) {
        for (String path : paths) {
            long[] micros = new long[10];
            for (int i = 0; i < micros.length; i++) {
                long t = System.nanoTime();
                HttpResponse<String> r = api.get(base + path, api.monitor()).join();
                micros[i] = (System.nanoTime() - t) / 1000;
                if (r.statusCode() != 200) {
                    log("probe " + path + " answered " + r.statusCode());
                }
            }
            long first = micros[0];
            java.util.Arrays.sort(micros);
            log("probe %-60s first %6.1f ms, median %6.1f ms, max %6.1f ms".formatted(path, first / 1e3,
                    micros[5] / 1e3, micros[9] / 1e3));
        }
    }

    /** The top frames of the query-service's replay thread, if it is running. */
    private static String replayThread() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("projection-replay"))
                .map(e -> java.util.Arrays.stream(e.getValue()).limit(6).map(StackTraceElement::toString)
                        .collect(java.util.stream.Collectors.joining(" < ")))
                .findFirst().orElse("(no replay thread)");
    }

    /**
     * One step of the max search, followed by the pipeline catching up; the CPU it used is kept beside it: during
     * the load alone, and with the catch-up (what the whole pipeline spent on the step's commands).
     */
    private OpenLoop.Result maxSearchStep(int round, double rate, Map<OpenLoop.Result, CpuUse.Use[]> used)
            throws Exception {
        CpuUse.Reading start = cpu.read();
        OpenLoop.Result step = OpenLoop.run("max search", rate, settings.step(), this::nextCommand, 2048);
        CpuUse.Reading loaded = cpu.read();
        log(step.toString());
        report.phase(round, "max search", step);
        awaitPipeline(Duration.ofMinutes(2));
        used.put(step, new CpuUse.Use[] {cpu.between(start, loaded, step.ok()), cpu.between(start, cpu.read(),
                step.ok())});
        return step;
    }

    // --- what the load consists of --------------------------------------------------------------------------------

    private OpenLoop.Request nextCommand() {
        return city.next(api, random);
    }

    private static final String[] KELURAHAN_VIEWS = {"", "/revolving-fund", "/blm", "/cycle"};

    private OpenLoop.Request nextView() {
        City.Kelurahan k = city.kelurahan.get(random.nextInt(city.kelurahan.size()));
        double p = random.nextDouble();
        if (p < 0.6) {
            String path = "/api/v1/kelurahan/" + k.code + KELURAHAN_VIEWS[random.nextInt(KELURAHAN_VIEWS.length)];
            return view("kelurahan view", path);
        }
        if (p < 0.8 || !asOfAvailable) {
            return view("city summary", "/api/v1/kota/" + kota() + "/summary");
        }
        // timed as two kinds: a kelurahan's view of the past folds one journal, the city's folds every kelurahan's
        return random.nextBoolean()
                ? view("as-of kelurahan view", "/api/v1/kelurahan/" + k.code + "/revolving-fund?asOf=2011-06-01")
                : view("as-of city summary", "/api/v1/kota/" + kota() + "/summary?asOf=2011-06-01");
    }

    private static String kota() {
        return URLEncoder.encode(City.KOTA, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private OpenLoop.Request view(String kind, String path) {
        return new City.Op(kind, () -> api.get(path, api.monitor()), status -> { });
    }

    /** Whether the query-service answers views as of a past day: 200 with that day in the answer. */
    private boolean probeAsOf() {
        String code = city.kelurahan.get(0).code;
        for (String path : List.of("/api/v1/kelurahan/" + code + "/revolving-fund?asOf=2011-06-01",
                "/api/v1/kota/" + kota() + "/summary?asOf=2011-06-01")) {
            HttpResponse<String> r = api.get(path, api.monitor()).join();
            if (r.statusCode() != 200 || !r.body().contains("2011-06-01")) {
                log("as-of views not available: " + path + " answered " + r.statusCode());
                report.notMeasured("as-of view latency", "not measured: asOf not available (" + path + " answered "
                        + r.statusCode() + (r.statusCode() == 200 ? " without the asked-for day" : "") + ")");
                return false;
            }
        }
        return true;
    }

    // --- waiting for the pipeline -----------------------------------------------------------------------------------

    private long publishedEvents() {
        List<TopicPartition> partitions = offsets.partitionsFor(TOPIC).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        return offsets.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
    }

    private long auditJournal() {
        // the count command, answered from the collection's size: countDocuments() is an aggregation that the Mongo
        // wire server answers by scanning every document, and polling it made the harness the server's main load
        return mongo.getDatabase("siklus").getCollection("audit_journal").estimatedDocumentCount();
    }

    /**
     * Everything stored is on the topic and in every read model. When that does not happen in time, the run goes on
     * and the report says so (a stuck processor must not cost the whole result); after one such time-out the later
     * waits are short, so a processor that stays stuck does not stretch the run.
     */
    private boolean awaitPipeline(Duration timeout) throws Exception {
        long stored = system.storedEvents();
        Duration limit = stuck ? Duration.ofSeconds(15) : timeout;
        long deadline = System.nanoTime() + limit.toNanos();
        while (publishedEvents() < stored) {
            if (System.nanoTime() > deadline) {
                return gaveUp("the publisher to put " + stored + " events on the topic (it has " + publishedEvents()
                        + ")");
            }
            Thread.sleep(50);
        }
        return awaitProjections(stored, Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
    }

    private boolean awaitProjections(long events, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (auditJournal() >= events && projectionsCaughtUp()) {
                long applied = system.lag.applied();
                Thread.sleep(1000);
                if (system.lag.applied() == applied && projectionsCaughtUp()) {
                    return true;
                }
            }
            if (System.nanoTime() > deadline) {
                StringBuilder state = new StringBuilder();
                for (var e : system.projections().entrySet()) {
                    if (e.getValue() instanceof StreamingEventProcessor p) {
                        p.processingStatus().values().stream().filter(EventTrackerStatus::isErrorState)
                                .forEach(s -> state.append("; ").append(e.getKey()).append(" in error: ")
                                        .append(s.getError()));
                    }
                }
                return gaveUp("the projections to catch up with " + events + " events (the audit journal has "
                        + auditJournal() + ")" + state);
            }
            Thread.sleep(100);
        }
    }

    private boolean stuck;

    private boolean gaveUp(String what) {
        stuck = true;
        log("WARNING: gave up waiting for " + what + "; the figures after this point are measured on a pipeline "
                + "that had not caught up");
        report.warning("Gave up waiting for " + what + ".");
        return false;
    }

    private boolean projectionsCaughtUp() {
        for (StreamingEventProcessor p : system.streamingProjections()) {
            Map<Integer, EventTrackerStatus> status = p.processingStatus();
            // not isReplaying(): after a reset, a processor that handles none of a partition's events can keep
            // that flag although it has read everything (seen with partnerships); the audit journal count and a
            // quiet second decide instead
            if (status.isEmpty() || status.values().stream().anyMatch(s -> !s.isCaughtUp() || s.isErrorState())) {
                return false;
            }
        }
        return true;
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (Exception e) {
            log("could not delete " + directory + ": " + e);
        }
    }

    static void log(String message) {
        System.out.println("[bench] " + message);
    }

}
