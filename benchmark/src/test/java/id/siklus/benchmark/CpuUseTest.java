package id.siklus.benchmark;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The CPU accounting's arithmetic and its grouping of the benchmark JVM's threads into the system's parts. */
class CpuUseTest {

    private static final String COMMAND = "http-nio-auto-1-";
    private static final String QUERY = "http-nio-auto-2-";

    @Test
    void threadsAreGroupedIntoThePartsOfTheSystemByName() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("http-nio-auto-1-exec-7", CpuUse.COMMAND_HTTP),
                Map.entry("http-nio-auto-1-Poller", CpuUse.COMMAND_HTTP),
                Map.entry("http-nio-auto-2-exec-3", CpuUse.QUERY_HTTP),
                Map.entry("EventProcessor[__axon-kafka-event-publishing-group]-0", CpuUse.PUBLISHER),
                Map.entry("EventProcessor[household-registry]-0", CpuUse.PROJECTIONS),
                Map.entry("EmbeddedEventStore-0", CpuUse.STORE_READER),
                Map.entry("AsyncFetcher-3", CpuUse.KAFKA_CLIENTS),
                Map.entry("kafka-producer-network-thread | siklus-command-service", CpuUse.KAFKA_CLIENTS),
                Map.entry("data-plane-kafka-request-handler-1", CpuUse.KAFKA_BROKER),
                Map.entry("quorum-controller-1-event-handler", CpuUse.KAFKA_BROKER),
                Map.entry("mongo-server-worker2", CpuUse.MONGO_SERVER),
                Map.entry("cluster-ClusterId{value='x'}-localhost:27017", CpuUse.MONGO_DRIVER),
                Map.entry("kota-summary-past-fold-2", CpuUse.PAST_VIEWS),
                Map.entry("time-travel-remake", CpuUse.PAST_VIEWS),
                Map.entry("bench-http", CpuUse.LOAD),
                Map.entry("main", CpuUse.OTHER_THREADS));
        expected.forEach((thread, part) ->
                assertThat(CpuUse.partOf(thread, COMMAND, QUERY)).as(thread).isEqualTo(part));
    }

    @Test
    void whatNoLiveThreadAccountsForIsTheJvmsAndWhatNoProcessAccountsForIsTheRestOfTheMachine() {
        CpuUse cpu = new CpuUse(COMMAND, QUERY, -1);
        long ms = 1_000_000;
        CpuUse.Reading before = new CpuUse.Reading(0,
                Map.of(1L, 100 * ms, 2L, 50 * ms, 3L, 10 * ms),
                Map.of(1L, "http-nio-auto-1-exec-1", 2L, "EventProcessor[loan-book]-0", 3L, "Thread-9"),
                1_000 * ms, 40 * ms, 10 * ms, 200 * ms, 5_000 * ms, 20_000 * ms);
        // one second later: thread 3 has ended, thread 4 was born
        CpuUse.Reading after = new CpuUse.Reading(1_000 * ms,
                Map.of(1L, 700 * ms, 2L, 250 * ms, 4L, 30 * ms),
                Map.of(1L, "http-nio-auto-1-exec-1", 2L, "EventProcessor[loan-book]-0", 4L, "mongo-server-worker1"),
                2_100 * ms, 120 * ms, 30 * ms, 400 * ms, 6_500 * ms, 22_000 * ms);

        CpuUse.Use use = cpu.between(before, after, 100);

        assertThat(use.nanos().get(CpuUse.COMMAND_HTTP)).isEqualTo(600 * ms);
        assertThat(use.nanos().get(CpuUse.PROJECTIONS)).isEqualTo(200 * ms);
        assertThat(use.nanos().get(CpuUse.MONGO_SERVER)).isEqualTo(30 * ms);
        // the process used 1,100 ms: its live Java threads 830 ms, the collector 80 ms, the compilers 20 ms
        assertThat(use.nanos().get(CpuUse.GC)).isEqualTo(80 * ms);
        assertThat(use.nanos().get(CpuUse.JIT)).isEqualTo(20 * ms);
        assertThat(use.nanos().get(CpuUse.JVM)).isEqualTo(170 * ms);
        assertThat(use.nanos().get(CpuUse.POSTGRES)).isEqualTo(200 * ms);
        // the machine was busy 1,500 ms of 2,000: 1,100 the JVM, 200 PostgreSQL, 200 the rest; 500 idle
        assertThat(use.nanos().get(CpuUse.REST)).isEqualTo(200 * ms);
        assertThat(use.nanos().get(CpuUse.IDLE)).isEqualTo(500 * ms);
        assertThat(use.cores(CpuUse.COMMAND_HTTP)).isCloseTo(0.6, within(1e-9));
        assertThat(use.msPerCommand(CpuUse.COMMAND_HTTP)).isCloseTo(6.0, within(1e-9));
        assertThat(use.busyMsPerCommand()).isCloseTo(15.0, within(1e-9));
        assertThat(CpuUse.busiest(use, 3)).isEqualTo(CpuUse.COMMAND_HTTP + " 0.60 cores, " + CpuUse.IDLE
                + " 0.50 cores, " + CpuUse.PROJECTIONS + " 0.20 cores");
    }

    @Test
    void aProcessIsReadFromProc() {
        long[] self = CpuUse.stat(ProcessHandle.current().pid());
        assertThat(self).isNotNull();
        assertThat(self[0]).as("parent").isEqualTo(ProcessHandle.current().parent().orElseThrow().pid());
        assertThat(CpuUse.stat(Long.MAX_VALUE)).isNull();
        // this JVM's compilers have been at work since it started (JUnit, AssertJ): their threads are found by name
        CpuUse.Reading reading = new CpuUse("x", "y", -1).read();
        assertThat(reading.jit()).isPositive();
        assertThat(reading.process()).isGreaterThanOrEqualTo(reading.jit() + reading.gc());
        assertThat(reading.machineTotal()).isGreaterThan(reading.machineBusy()).isPositive();
    }
}
