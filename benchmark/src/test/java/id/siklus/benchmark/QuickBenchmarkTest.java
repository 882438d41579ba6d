package id.siklus.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quick mode of ./siklus bench, end to end on the embedded stack, so the harness cannot rot: every metric is
 * there with a positive figure and a positive raw baseline, in every round, and the Markdown shows them. The third
 * round is at a history grown by seeding ({@link HistorySeeder}): the copies' hash chains verify, the pipeline takes
 * them in, and they have views.
 */
class QuickBenchmarkTest {

    private static final List<String> METRICS = List.of("throughput.max", "latency.p99", "latency.p999",
            "lag.p99.50", "lag.p99.80", "publishing.cost", "replay.memory", "replay.file", "view.kelurahan.p95",
            "view.kota.p95");

    @Test
    void theQuickRunMeasuresEveryMetricBesideItsBaseline(@TempDir Path out) throws Exception {
        BenchmarkMain.run("--quick", "--out", out.toString());

        JsonNode result = new ObjectMapper().readTree(out.resolve("benchmarks.json").toFile());
        assertThat(result.path("mode").asText()).isEqualTo("quick");
        assertThat(result.path("settings").path("postgresql.synchronous_commit").asText()).isEqualTo("on");
        assertThat(result.path("settings").path("postgresql.fsync").asText()).isEqualTo("on");
        for (String baseline : List.of("jdbc.insert.1thread", "jdbc.insert.8threads", "kafka.produce",
                "kafka.consume", "kafka.sendToReceive", "mongo.bulkUpsert", "mongo.findById")) {
            assertThat(result.path("baselines").path(baseline).path("perSecond").asDouble()).as(baseline)
                    .isPositive();
        }
        assertThat(result.path("warnings").toString()).doesNotContain("did not verify", "has no view",
                "stopped early", "no seeded round");
        JsonNode rounds = result.path("rounds");
        assertThat(rounds.size()).isEqualTo(3);
        assertThat(rounds.get(1).path("storedEventsAtStart").asLong())
                .isGreaterThan(rounds.get(0).path("storedEventsAtStart").asLong());
        JsonNode seeded = rounds.get(2).path("historyAdded");
        assertThat(rounds.get(2).path("storedEventsAtStart").asLong()).isGreaterThanOrEqualTo(25_000);
        assertThat(seeded.path("eventsSeeded").asLong()).isPositive();
        assertThat(seeded.path("pipelineCaughtUp").asBoolean()).isTrue();
        for (JsonNode round : rounds) {
            List<String> ids = new ArrayList<>();
            for (JsonNode metric : round.path("metrics")) {
                String id = metric.path("id").asText();
                ids.add(id);
                assertThat(metric.path("value").asDouble()).as(id + " figure").isPositive();
                assertThat(metric.path("baseline").path("value").asDouble()).as(id + " baseline").isPositive();
                assertThat(metric.path("ratio").asDouble()).as(id + " ratio").isPositive();
                assertThat(metric.path("verdict").asText()).as(id + " verdict").isIn("PASS", "MISS", "—");
            }
            assertThat(ids).as("metrics of round " + round.path("round")).containsAll(METRICS);
            // where the CPU went at max, 50% and 80%: the commands' own threads and PostgreSQL did work for each
            JsonNode cpu = round.path("cpu");
            assertThat(cpu.size()).as("CPU phases of round " + round.path("round")).isEqualTo(3);
            for (JsonNode phase : cpu) {
                JsonNode parts = phase.path("parts");
                assertThat(parts.path(CpuUse.COMMAND_HTTP).path("msPerCommand").asDouble())
                        .as(phase.path("phase").asText()).isPositive();
                assertThat(parts.path(CpuUse.POSTGRES).path("msPerCommand").asDouble())
                        .as(phase.path("phase").asText()).isPositive();
                assertThat(parts.path(CpuUse.PROJECTIONS).path("msPerCommand").asDouble())
                        .as(phase.path("phase").asText()).isPositive();
                assertThat(phase.path("busyMsPerCommand").asDouble())
                        .isGreaterThan(parts.path(CpuUse.COMMAND_HTTP).path("msPerCommand").asDouble());
            }
        }
        String markdown = Files.readString(out.resolve("benchmarks.md"));
        assertThat(markdown).contains("Sustained command throughput", "Projection lag p99 at 80% load",
                "Full replay of all read models", "Full build of all read models by a second query-service",
                "events seeded", "How it scales out", "Where the CPU went", CpuUse.COMMAND_HTTP);
    }
}
