package id.siklus.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.HdrHistogram.Histogram;
import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.boot.SpringBootVersion;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The result of one run: raw figures in {@code benchmarks.json}, and {@code benchmarks.md} with the machine, versions,
 * settings and one table per metric (figure, its raw baseline from the same run, the ratio, the target, PASS/MISS)
 * at each history size. The methodology and the scale-out notes come from resources beside this class.
 */
final class Report {

    private final Harness.Settings settings;
    private final Map<String, Object> root = new LinkedHashMap<>();
    private final Map<String, Object> baselines = new LinkedHashMap<>();
    private final List<Map<String, Object>> rounds = new ArrayList<>();
    private final Map<String, String> notMeasured = new LinkedHashMap<>();
    private final Map<Integer, Map<String, Object>> growth = new LinkedHashMap<>();
    private Baselines.Rate jdbc8;
    private Baselines.Rate kafkaProduced;
    private Baselines.Rate kafkaLatency;
    private Baselines.Rate mongoFind;

    Report(Harness.Settings settings) {
        this.settings = settings;
        root.put("generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("command", settings.quick() ? "./siklus bench --quick" : "./siklus bench");
        root.put("mode", settings.quick() ? "quick" : "full");
    }

    // --- what the harness tells it -----------------------------------------------------------------------------------

    void environment(BenchSystem system) throws Exception {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", cpuModel());
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("ramGiB", memTotalGiB());
        machine.put("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("heapMaxMiB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        machine.put("jvmArguments", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        root.put("machine", machine);
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("postgresql", system.pgSetting("server_version"));
        versions.put("kafka", AppInfoParser.getVersion());
        versions.put("mongo-java-server", implementationVersion(de.bwaldvogel.mongo.MongoServer.class));
        versions.put("mongodb-driver", implementationVersion(com.mongodb.client.MongoClient.class));
        versions.put("axon", implementationVersion(org.axonframework.config.Configurer.class));
        versions.put("spring-boot", SpringBootVersion.getVersion());
        versions.put("hdrhistogram", implementationVersion(Histogram.class));
        root.put("versions", versions);
        Map<String, Object> s = new LinkedHashMap<>();
        for (String name : List.of("synchronous_commit", "fsync", "full_page_writes", "wal_level", "shared_buffers",
                "max_connections")) {
            s.put("postgresql." + name, system.pgSetting(name));
        }
        s.put("kafka", "one in-JVM KRaft broker; topic siklus.program-events, 6 partitions, replication 1; "
                + "publisher acks=all, idempotent, linger.ms=0");
        s.put("mongo", "mongo-java-server, in-memory backend (the read models' store in this run)");
        s.put("command-service.publisher.batch-size", system.command.getEnvironment()
                .getProperty("siklus.publisher.batch-size"));
        s.put("command-service.hikari.maximum-pool-size", system.command.getEnvironment()
                .getProperty("spring.datasource.hikari.maximum-pool-size"));
        s.put("query-service.processor.batch-size", system.query.getEnvironment()
                .getProperty("axon.eventhandling.processors.audit-journal.batch-size"));
        s.put("seed", settings.seed());
        s.put("step", settings.step().toSeconds() + " s per throughput step");
        s.put("measure", settings.measure().toSeconds() + " s per latency/lag phase");
        s.put("viewRate", settings.viewRate() + " view requests/s under load");
        root.put("settings", s);
    }

    void city(City city, double setupSeconds, long events) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("seed", settings.seed());
        c.put("kelurahan", city.kelurahan.size());
        c.put("households", city.households());
        c.put("ksm", city.ksms.size());
        c.put("setupSeconds", round(setupSeconds));
        c.put("eventsAfterSetup", events);
        root.put("city", c);
    }

    void eventRowBytes(double average) {
        root.put("eventRowBytesAverage", Math.round(average));
    }

    void baselines(Baselines.Rate jdbc1, Baselines.Rate jdbc8, Baselines.Rate kafkaProduced,
                   Baselines.Rate kafkaConsumed, Baselines.Rate kafkaLatency, Baselines.Rate mongoBulk,
                   Baselines.Rate mongoFind) {
        this.jdbc8 = jdbc8;
        this.kafkaProduced = kafkaProduced;
        this.kafkaLatency = kafkaLatency;
        this.mongoFind = mongoFind;
        baselines.put("jdbc.insert.1thread", rate(jdbc1));
        baselines.put("jdbc.insert.8threads", rate(jdbc8));
        baselines.put("kafka.produce", rate(kafkaProduced));
        baselines.put("kafka.consume", rate(kafkaConsumed));
        baselines.put("kafka.sendToReceive", rate(kafkaLatency));
        baselines.put("mongo.bulkUpsert", rate(mongoBulk));
        baselines.put("mongo.findById", rate(mongoFind));
        root.put("baselines", baselines);
    }

    private final List<String> warnings = new ArrayList<>();

    /** Something that went wrong during the run and makes figures after it less trustworthy. */
    void warning(String text) {
        warnings.add(text);
    }

    void notMeasured(String metric, String why) {
        notMeasured.put(metric, why);
    }

    void roundStart(int round, long storedEvents, long heapInUseMiB) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("round", round);
        r.put("storedEventsAtStart", storedEvents);
        r.put("heapInUseAfterGcMiB", heapInUseMiB);
        Map<String, Object> seeded = growth.get(round);
        r.put("historyAdded", seeded != null ? seeded : round == 1 ? "the city's set-up through the API"
                : "commands through the API under load");
        r.put("metrics", new ArrayList<Map<String, Object>>());
        r.put("phases", new ArrayList<Map<String, Object>>());
        rounds.add(r);
    }

    void phase(int round, String name, OpenLoop.Result result) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("phase", name);
        p.put("offeredPerSecond", round(result.offeredRate()));
        p.put("achievedPerSecond", round(result.achievedRate()));
        p.put("seconds", result.seconds());
        p.put("sent", result.sent());
        p.put("ok", result.ok());
        p.put("failed", result.failed());
        p.put("sustained", result.sustained());
        p.put("lastAnswerAfterSeconds", round(result.lastAnswerAfterSeconds()));
        p.put("latencyMs", percentiles(result.latency()));
        Map<String, Object> kinds = new TreeMap<>();
        result.byKind().forEach((k, h) -> kinds.put(k, percentiles(h)));
        p.put("latencyMsByKind", kinds);
        p.put("failures", result.failures());
        phases(round).add(p);
    }

    void maxThroughput(int round, OpenLoop.Result best) {
        metric(round, "throughput.max", "Sustained command throughput (mixed commands, whole pipeline)", "commands/s",
                best.achievedRate(), "plain JDBC single-row inserts, 8 threads", jdbc8.perSecond(), "rows/s",
                "≥ 1,000 commands/s and ≥ 25% of the raw JDBC rate",
                best.achievedRate() >= 1000 && best.achievedRate() / jdbc8.perSecond() >= 0.25);
    }

    void halfLoad(int round, OpenLoop.Result half, OpenLoop.Result views, LagProbe.Interval lagInterval,
                  boolean asOf) {
        Histogram lag = lagInterval.all();
        double p99 = ms(half.latency(), 99);
        double p999 = ms(half.latency(), 99.9);
        metric(round, "latency.p99", "Command latency p99 at 50% of max throughput", "ms", p99,
                "plain JDBC insert p99, 8 threads", ms(jdbc8.latencyMicros(), 99), "ms", "≤ 50 ms", p99 <= 50);
        metric(round, "latency.p999", "Command latency p99.9 at 50% of max throughput", "ms", p999,
                "plain JDBC insert p99.9, 8 threads", ms(jdbc8.latencyMicros(), 99.9), "ms", "≤ 200 ms", p999 <= 200);
        double lag99 = ms(lag, 99);
        metric(round, "lag.p99.50", "Projection lag p99 at 50% load (recorded → applied in a read model)", "ms",
                lag99, "plain Kafka send → receive p99", ms(kafkaLatency.latencyMicros(), 99), "ms", "≤ 500 ms",
                lag99 <= 500);
        viewMetric(round, views, "kelurahan view", "view.kelurahan.p95", "Kelurahan views p95 under 50% load",
                "≤ 100 ms", 100);
        viewMetric(round, views, "city summary", "view.kota.p95", "City summary p95 under 50% load", "≤ 100 ms", 100);
        if (asOf) {
            viewMetric(round, views, "as-of kelurahan view", "view.asof.p95",
                    "Kelurahan as-of views p95 under 50% load", "≤ 300 ms", 300);
            viewMetric(round, views, "as-of city summary", "view.asof.kota.p95",
                    "City summary as-of p95 under 50% load", "≤ 300 ms", 300);
        }
        rounds.get(round - 1).put("projectionLagAt50Ms", percentiles(lag));
        lagByProcessor(round, "50% load, views beside", lagInterval);
    }

    /** The large kelurahan's views read alone (no command load): the read models' own cost. */
    void largeKelurahanAlone(int round, long events, OpenLoop.Result views) {
        viewMetric(round, views, "large kelurahan view", "view.large.idle.p95",
                "Views of a kelurahan with " + events + " events, p95, no command load", "≤ 100 ms", 100);
        viewMetric(round, views, "large as-of view", "view.large.idle.asof.p95",
                "As-of and known-at views of a kelurahan with " + events + " events, p95, no command load",
                "≤ 300 ms", 300);
        rounds.get(round - 1).put("largeKelurahanEvents", events);
    }

    /** The view targets at one kelurahan's long history, under 50% load of the rest of the city. */
    void largeKelurahan(int round, long events, OpenLoop.Result views) {
        viewMetric(round, views, "large kelurahan view", "view.large.p95",
                "Views of a kelurahan with " + events + " events, p95 under 50% load", "≤ 100 ms", 100);
        viewMetric(round, views, "large as-of view", "view.large.asof.p95",
                "As-of and known-at views of a kelurahan with " + events + " events, p95 under 50% load", "≤ 300 ms",
                300);
        rounds.get(round - 1).put("largeKelurahanEvents", events);
    }

    private void viewMetric(int round, OpenLoop.Result views, String kind, String id, String title, String target,
                            double limit) {
        Histogram h = views.byKind().get(kind);
        if (h == null || h.getTotalCount() == 0) {
            notMeasured.put(title, "no " + kind + " was answered in round " + round);
            return;
        }
        double p95 = ms(h, 95);
        metric(round, id, title, "ms", p95, "plain MongoDB find by _id p95", ms(mongoFind.latencyMicros(), 95), "ms",
                target, p95 <= limit);
    }

    void lag80(int round, LagProbe.Interval lagInterval) {
        Histogram lag = lagInterval.all();
        double lag99 = ms(lag, 99);
        metric(round, "lag.p99.80", "Projection lag p99 at 80% load", "ms", lag99, "plain Kafka send → receive p99",
                ms(kafkaLatency.latencyMicros(), 99), "ms", "≤ 2,000 ms", lag99 <= 2000);
        rounds.get(round - 1).put("projectionLagAt80Ms", percentiles(lag));
        lagByProcessor(round, "80% load", lagInterval);
    }

    /** Each processor's own lag in a phase, so that a tail can be traced to the projection that has it. */
    private void lagByProcessor(int round, String phase, LagProbe.Interval lag) {
        @SuppressWarnings("unchecked")
        Map<String, Object> phases = (Map<String, Object>) rounds.get(round - 1)
                .computeIfAbsent("projectionLagByProcessorMs", k -> new LinkedHashMap<String, Object>());
        Map<String, Object> each = new LinkedHashMap<>();
        lag.byProcessor().forEach((name, h) -> each.put(name, percentiles(h)));
        phases.put(phase, each);
    }

    /**
     * Where the machine's CPU went in a load phase: cores kept busy during the load alone, and milliseconds of CPU per
     * command answered from the start of the load until the pipeline had caught up with it.
     */
    void cpu(int round, String phase, CpuUse.Use during, CpuUse.Use withCatchUp) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("phase", phase);
        c.put("commands", during.commands());
        c.put("loadSeconds", round(during.wallNanos() / 1e9));
        c.put("withCatchUpSeconds", round(withCatchUp.wallNanos() / 1e9));
        Map<String, Object> parts = new LinkedHashMap<>();
        for (String part : during.parts()) {
            parts.put(part, new LinkedHashMap<>(Map.of("coresDuringLoad", round(during.cores(part)),
                    "msPerCommand", round(withCatchUp.msPerCommand(part)))));
        }
        c.put("parts", parts);
        c.put("busyMsPerCommand", round(withCatchUp.busyMsPerCommand()));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> cpu = (List<Map<String, Object>>) rounds.get(round - 1)
                .computeIfAbsent("cpu", k -> new ArrayList<Map<String, Object>>());
        cpu.add(c);
    }

    void publishing(int round, OpenLoop.Result with, OpenLoop.Result without, long backlog, double drainSeconds) {
        metric(round, "publishing.cost", "Saturated throughput with the Kafka publisher running, beside it paused",
                "commands/s", with.achievedRate(), "same load, publisher paused", without.achievedRate(),
                "commands/s", "≥ 80% of paused", with.achievedRate() / without.achievedRate() >= 0.8);
        if (backlog > 0 && drainSeconds > 0) {
            metric(round, "publisher.drain", "Publisher catching up a backlog (" + backlog + " events)", "events/s",
                    backlog / drainSeconds, "plain Kafka producer, same payloads", kafkaProduced.perSecond(),
                    "records/s", "— (no target; shows the publisher's ceiling)", null);
        }
    }

    /** History seeded before a round ({@link HistorySeeder}), and how long the pipeline took to take it in. */
    void growth(int round, HistorySeeder.Result seeded, double publisherSeconds, double pipelineSeconds,
                boolean caughtUp) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("how", "seeded: copies of the city's kelurahan stored with their hash chains, then published and "
                + "projected by the running pipeline");
        g.put("eventsSeeded", seeded.eventsAfter() - seeded.eventsBefore());
        g.put("kelurahanCopies", seeded.kelurahan());
        g.put("seedingSeconds", round(seeded.seconds()));
        g.put("seedingEventsPerSecond", round(seeded.eventsPerSecond()));
        g.put("publisherSecondsFromSeedingStart", round(publisherSeconds));
        g.put("publisherEventsPerSecond", round((seeded.eventsAfter() - seeded.eventsBefore()) / publisherSeconds));
        g.put("pipelineCaughtUp", caughtUp);
        g.put("pipelineSecondsFromSeedingStart", round(pipelineSeconds));
        g.put("pipelineEventsPerSecond", round((seeded.eventsAfter() - seeded.eventsBefore()) / pipelineSeconds));
        growth.put(round, g);
        if (!caughtUp) {
            warning("Round " + round + ": the pipeline had not taken in the seeded history when the round began.");
        }
    }

    /** The read models built from offset 0 by a second query-service on the wire server's file backend. */
    void fileBackendRebuild(int round, long built, long stored, long documents, double seconds, boolean done,
                            Baselines.Rate raw) {
        double rate = built / seconds;
        // the raw rate as events/s: the documents of all stored events at the rate the driver wrote them
        double rawEventsPerSecond = stored / (raw.seconds() * documents / Math.max(1, raw.operations()));
        metric(round, "replay.file", "Full build of all read models by a second query-service (Mongo wire server, "
                        + "file backend)", "events/s", rate, "plain MongoDB bulk upsert of the same " + documents
                        + " documents, file backend", rawEventsPerSecond, "events/s",
                "reported (the target is for the in-memory backend)", null);
        if (!done) {
            warning("Round " + round + ": the file-backend build reached its time box with " + built + " of " + stored
                    + " events in its audit journal and not every processor caught up; its rate is of the part built.");
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("eventsBuilt", built);
        r.put("storedEvents", stored);
        r.put("finished", done);
        r.put("seconds", round(seconds));
        r.put("eventsPerSecond", round(rate));
        r.put("rawBulkUpsert", rate(raw));
        rounds.get(round - 1).put("fileBackendBuild", r);
    }

    void replay(int round, long events, long documents, long rebuilt, double seconds, Baselines.Rate raw) {
        double rate = events / seconds;
        // the raw baseline writes the same documents the replay ends with; as events/s it is events / raw time
        double rawEventsPerSecond = events / raw.seconds();
        metric(round, "replay.memory", "Full replay of all read models (Mongo wire server, in-memory backend)",
                "events/s", rate, "plain MongoDB bulk upsert of the same " + documents + " documents",
                rawEventsPerSecond, "events/s", "≥ 20,000 events/s and ≥ 40% of the raw rate",
                rate >= 20_000 && rate / rawEventsPerSecond >= 0.4);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("events", events);
        r.put("documentsBefore", documents);
        r.put("documentsRebuilt", rebuilt);
        r.put("seconds", round(seconds));
        r.put("eventsPerSecond", round(rate));
        r.put("rawBulkUpsert", rate(raw));
        rounds.get(round - 1).put("replay", r);
    }

    void totalSeconds(double seconds) {
        root.put("totalSeconds", round(seconds));
    }

    // --- writing ------------------------------------------------------------------------------------------------------

    void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        root.put("rounds", rounds);
        root.put("notMeasured", notMeasured);
        root.put("warnings", warnings);
        root.put("notReached", notReached());
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(directory.resolve("benchmarks.json"), json.writeValueAsString(root) + "\n");
        Files.writeString(directory.resolve("benchmarks.md"), markdown());
    }

    private String notReached() {
        long largest = rounds.stream().mapToLong(r -> (Long) r.get("storedEventsAtStart")).max().orElse(0);
        List<Long> wanted = settings.growth();
        List<Long> missing = wanted.stream().filter(w -> largest < w).toList();
        String sizes = "This run measured every figure at " + rounds.stream()
                .map(r -> String.valueOf(r.get("storedEventsAtStart"))).toList() + " stored events";
        if (!missing.isEmpty()) {
            return sizes + "; the history sizes " + missing + " asked for (--growth) were not reached (see the "
                    + "warnings).";
        }
        return sizes + ". History beyond what the API writes in the run's time box is seeded (`HistorySeeder`): "
                + "copies of the city's own kelurahan, every id made their own, stored with their hash chains, "
                + "household keys and id claims, then published and projected by the running system.";
    }

    @SuppressWarnings("unchecked")
    private String markdown() throws IOException {
        StringBuilder md = new StringBuilder();
        md.append(resource("benchmarks-method.md"));
        md.append("\n## This run\n\n");
        md.append("Generated by `").append(root.get("command")).append("` at ").append(root.get("generatedAt"))
                .append(" in ").append(root.get("totalSeconds")).append(" s. Raw result: `benchmarks.json`.\n\n");
        md.append("| | |\n|---|---|\n");
        for (String section : List.of("machine", "versions", "settings", "city")) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) root.get(section)).entrySet()) {
                md.append("| ").append(section).append(" · ").append(e.getKey()).append(" | ")
                        .append(String.valueOf(e.getValue()).replace("|", "\\|")).append(" |\n");
            }
        }
        md.append("| event row (payload + metadata), average | ").append(root.get("eventRowBytesAverage"))
                .append(" bytes |\n");

        md.append("\n### Raw baselines (every processor paused, no load)\n\n");
        md.append("| baseline | operations | seconds | per second | p50 ms | p95 ms | p99 ms | p99.9 ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Object o : baselines.values()) {
            Map<String, Object> b = (Map<String, Object>) o;
            Map<String, Object> l = (Map<String, Object>) b.get("latencyMs");
            md.append("| ").append(b.get("name")).append(" | ").append(b.get("operations")).append(" | ")
                    .append(b.get("seconds")).append(" | ").append(fmt((Double) b.get("perSecond"))).append(" | ")
                    .append(l == null ? "" : l.get("p50")).append(" | ").append(l == null ? "" : l.get("p95"))
                    .append(" | ").append(l == null ? "" : l.get("p99")).append(" | ")
                    .append(l == null ? "" : l.get("p99.9")).append(" |\n");
        }

        md.append("\n### Metrics against their targets\n\n");
        md.append("Ratio = figure ÷ baseline (for latencies: how many times the raw operation's latency). Each row is "
                + "one history size: the round's stored events at its start.\n");
        Map<String, List<Map<String, Object>>> byMetric = new LinkedHashMap<>();
        for (Map<String, Object> r : rounds) {
            for (Map<String, Object> m : (List<Map<String, Object>>) r.get("metrics")) {
                byMetric.computeIfAbsent((String) m.get("id"), k -> new ArrayList<>()).add(m);
            }
        }
        for (List<Map<String, Object>> metric : byMetric.values()) {
            Map<String, Object> first = metric.get(0);
            md.append("\n#### ").append(first.get("title")).append("\n\n");
            md.append("| stored events | figure | baseline | ratio | target | verdict |\n|---:|---:|---|---:|---|---|\n");
            for (Map<String, Object> m : metric) {
                Map<String, Object> b = (Map<String, Object>) m.get("baseline");
                md.append("| ").append(m.get("storedEvents")).append(" | ").append(fmt((Double) m.get("value")))
                        .append(' ').append(m.get("unit")).append(" | ").append(b.get("name")).append(": ")
                        .append(fmt((Double) b.get("value"))).append(' ').append(b.get("unit")).append(" | ")
                        .append(ratio((Double) m.get("ratio"))).append(" | ")
                        .append(m.get("target")).append(" | ").append(m.get("verdict")).append(" |\n");
            }
        }
        if (!warnings.isEmpty()) {
            md.append("\n### Warnings from this run\n\n");
            warnings.forEach(w -> md.append("- ").append(w).append("\n"));
        }
        if (!notMeasured.isEmpty()) {
            md.append("\n### Not measured\n\n");
            notMeasured.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append("\n"));
        }
        md.append("\n### Growth\n\n").append(notReached()).append("\n\n");
        md.append("| round | stored events at start | history added before it | heap in use after a full GC |\n");
        md.append("|---:|---:|---|---:|\n");
        for (Map<String, Object> r : rounds) {
            Object added = r.get("historyAdded");
            String how = added instanceof Map<?, ?> g ? "%s events seeded (%s kelurahan copies) in %s s = %s events/s; "
                    .formatted(g.get("eventsSeeded"), g.get("kelurahanCopies"), g.get("seedingSeconds"),
                            fmt((Double) g.get("seedingEventsPerSecond")))
                    + "publisher done %s s after seeding began (%s events/s); ".formatted(
                    g.get("publisherSecondsFromSeedingStart"), fmt((Double) g.get("publisherEventsPerSecond")))
                    + "publisher and projections %s %s s after seeding began (%s events/s)".formatted(
                    Boolean.TRUE.equals(g.get("pipelineCaughtUp")) ? "caught up" : "had NOT caught up",
                    g.get("pipelineSecondsFromSeedingStart"), fmt((Double) g.get("pipelineEventsPerSecond")))
                    : String.valueOf(added);
            md.append("| ").append(r.get("round")).append(" | ").append(r.get("storedEventsAtStart")).append(" | ")
                    .append(how).append(" | ").append(r.get("heapInUseAfterGcMiB")).append(" MiB |\n");
        }
        md.append(cpuTables());
        md.append(lagTables());
        md.append("\n### Every load phase\n\n");
        md.append("| round | phase | offered/s | achieved/s | ok | failed | p50 ms | p99 ms | p99.9 ms | max ms | kept up |\n");
        md.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Map<String, Object> r : rounds) {
            for (Map<String, Object> p : (List<Map<String, Object>>) r.get("phases")) {
                Map<String, Object> l = (Map<String, Object>) p.get("latencyMs");
                md.append("| ").append(r.get("round")).append(" | ").append(p.get("phase")).append(" | ")
                        .append(p.get("offeredPerSecond")).append(" | ").append(p.get("achievedPerSecond")).append(" | ")
                        .append(p.get("ok")).append(" | ").append(p.get("failed")).append(" | ").append(l.get("p50"))
                        .append(" | ").append(l.get("p99")).append(" | ").append(l.get("p99.9")).append(" | ")
                        .append(l.get("max")).append(" | ").append(p.get("sustained")).append(" |\n");
            }
            if (r.get("replay") != null) {
                Map<String, Object> rp = (Map<String, Object>) r.get("replay");
                md.append("\nRound ").append(r.get("round")).append(" replay: ").append(rp.get("events"))
                        .append(" events rebuilt ").append(rp.get("documentsRebuilt")).append(" documents in ")
                        .append(rp.get("seconds")).append(" s.\n\n");
            }
        }
        md.append("\n").append(resource("benchmarks-notes.md"));
        return md.toString();
    }

    /** One table per round: cores and CPU per command of each part of the system in its load phases. */
    @SuppressWarnings("unchecked")
    private String cpuTables() {
        StringBuilder md = new StringBuilder();
        boolean any = rounds.stream().anyMatch(r -> r.get("cpu") != null);
        if (!any) {
            return "";
        }
        md.append("\n### Where the CPU went\n\n");
        md.append("Everything runs on this machine's ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores. Per part of the system: **cores** it kept busy on average during the load alone, and "
                        + "**ms** of CPU per command answered, from the start of the load until the publisher and every "
                        + "projection had caught up with it (so the pipeline's work for those commands is in; in the 50% "
                        + "phase the views read beside it are too). Threads of the one benchmark JVM are grouped by name; "
                        + "PostgreSQL's processes and the machine's total come from `/proc`.\n");
        for (Map<String, Object> r : rounds) {
            List<Map<String, Object>> phases = (List<Map<String, Object>>) r.get("cpu");
            if (phases == null) {
                continue;
            }
            md.append("\nRound ").append(r.get("round")).append(" (").append(r.get("storedEventsAtStart"))
                    .append(" stored events at its start):\n\n| part |");
            StringBuilder rule = new StringBuilder("|---|");
            for (Map<String, Object> p : phases) {
                md.append(' ').append(p.get("phase")).append(": cores | ms/command |");
                rule.append("---:|---:|");
            }
            md.append('\n').append(rule).append('\n');
            Map<String, Object> firstParts = (Map<String, Object>) phases.get(0).get("parts");
            for (String part : firstParts.keySet()) {
                md.append("| ").append(part).append(" |");
                for (Map<String, Object> p : phases) {
                    Map<String, Object> v = (Map<String, Object>) ((Map<String, Object>) p.get("parts")).get(part);
                    md.append(' ').append(String.format(Locale.ROOT, "%.2f", (Double) v.get("coresDuringLoad")))
                            .append(" | ").append(String.format(Locale.ROOT, "%.2f", (Double) v.get("msPerCommand")))
                            .append(" |");
                }
                md.append('\n');
            }
            md.append("| **all but idle** |");
            for (Map<String, Object> p : phases) {
                Map<String, Object> parts = (Map<String, Object>) p.get("parts");
                double busy = parts.entrySet().stream().filter(e -> !e.getKey().equals(CpuUse.IDLE))
                        .mapToDouble(e -> (Double) ((Map<String, Object>) e.getValue()).get("coresDuringLoad")).sum();
                md.append(' ').append(String.format(Locale.ROOT, "%.2f", busy)).append(" | ")
                        .append(String.format(Locale.ROOT, "%.2f", (Double) p.get("busyMsPerCommand"))).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /** One table per round: each processor's projection lag in the 50% and 80% phases. */
    @SuppressWarnings("unchecked")
    private String lagTables() {
        StringBuilder md = new StringBuilder();
        boolean any = rounds.stream().anyMatch(r -> r.get("projectionLagByProcessorMs") != null);
        if (!any) {
            return "";
        }
        md.append("\n### Projection lag per processor\n\n");
        md.append("The lag of each (event, projection) application, per tracking processor: from the event's timestamp "
                + "(set when the command-service recorded it) to the moment that processor's handler had applied it.\n");
        for (Map<String, Object> r : rounds) {
            Map<String, Object> phases = (Map<String, Object>) r.get("projectionLagByProcessorMs");
            if (phases == null) {
                continue;
            }
            md.append("\nRound ").append(r.get("round")).append(" (").append(r.get("storedEventsAtStart"))
                    .append(" stored events at its start):\n\n| processor |");
            StringBuilder rule = new StringBuilder("|---|");
            java.util.Set<String> processors = new java.util.TreeSet<>();
            for (Map.Entry<String, Object> p : phases.entrySet()) {
                md.append(' ').append(p.getKey()).append(": applied | p50 ms | p99 ms | max ms |");
                rule.append("---:|---:|---:|---:|");
                processors.addAll(((Map<String, Object>) p.getValue()).keySet());
            }
            md.append('\n').append(rule).append('\n');
            for (String processor : processors) {
                md.append("| ").append(processor).append(" |");
                for (Object p : phases.values()) {
                    Map<String, Object> l = (Map<String, Object>) ((Map<String, Object>) p).get(processor);
                    if (l == null) {
                        md.append(" | | | |");
                    } else {
                        md.append(' ').append(l.get("count")).append(" | ").append(l.get("p50")).append(" | ")
                                .append(l.get("p99")).append(" | ").append(l.get("max")).append(" |");
                    }
                }
                md.append('\n');
            }
        }
        return md.toString();
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    private List<Map<String, Object>> phases(int round) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> phases = (List<Map<String, Object>>) rounds.get(round - 1).get("phases");
        return phases;
    }

    private void metric(int round, String id, String title, String unit, double value, String baselineName,
                        double baselineValue, String baselineUnit, String target, Boolean pass) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("title", title);
        m.put("storedEvents", rounds.get(round - 1).get("storedEventsAtStart"));
        m.put("unit", unit);
        m.put("value", round(value));
        m.put("baseline", new LinkedHashMap<>(Map.of("name", baselineName, "value", round(baselineValue),
                "unit", baselineUnit)));
        m.put("ratio", baselineValue == 0 ? 0.0 : significant(value / baselineValue));
        m.put("target", target);
        m.put("verdict", pass == null ? "—" : pass ? "PASS" : "MISS");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) rounds.get(round - 1).get("metrics");
        metrics.add(m);
    }

    private static Map<String, Object> rate(Baselines.Rate r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", r.name());
        m.put("operations", r.operations());
        m.put("seconds", round(r.seconds()));
        m.put("perSecond", round(r.perSecond()));
        if (r.latencyMicros() != null) {
            m.put("latencyMs", percentiles(r.latencyMicros()));
        }
        return m;
    }

    static Map<String, Object> percentiles(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        for (double p : new double[]{50, 90, 95, 99, 99.9}) {
            m.put(p == 99.9 ? "p99.9" : "p" + (int) p, round(ms(h, p)));
        }
        m.put("max", round(h.getMaxValue() / 1000.0));
        return m;
    }

    static String describe(Histogram h) {
        return "n=%d p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms".formatted(h.getTotalCount(), ms(h, 50),
                ms(h, 99), ms(h, 99.9), h.getMaxValue() / 1000.0);
    }

    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    /** Four significant digits: a ratio of 0.004 must not print (or test) as 0. */
    private static double significant(double v) {
        return v == 0 || Double.isNaN(v) || Double.isInfinite(v) ? v
                : new java.math.BigDecimal(v).round(new java.math.MathContext(4)).doubleValue();
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String ratio(double v) {
        return v >= 0.1 ? String.format(Locale.ROOT, "%.2f", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String fmt(Double v) {
        if (v == null) {
            return "";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String implementationVersion(Class<?> type) {
        String v = type.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        String location = String.valueOf(type.getProtectionDomain().getCodeSource().getLocation());
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotalGiB() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format(Locale.ROOT, "%.1f",
                            Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = Report.class.getResourceAsStream("/" + name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
