package id.siklus.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import id.siklus.query.QueryServiceApplication;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * query-service killed with SIGKILL (no shutdown hook, no flush, no token release) in the middle of projecting a large
 * batch, then restarted: its read models equal those of a query-service that read the same topic into another
 * database without interruption, document for document.
 *
 * <p>The services under test run as separate {@code java} processes from the test's own classpath (the same jars
 * and the same {@code query-service.yml} as production), each on its own MongoDB database of the shared Mongo
 * server, reading the shared topic from offset 0.
 */
class QueryServiceKillIT {

    /** Not read models: claims (owner, time) and positions are per process; checkpoints are taken on a clock. */
    private static final Set<String> PROCESS_SPECIFIC_COLLECTIONS = Set.of("tracking_tokens", "checkpoints");
    /** When this process met a parked record: the record and its decision are compared, its clock is not. */
    private static final Map<String, Set<String>> PROCESS_SPECIFIC_FIELDS = Map.of(
            "parked_records", Set.of("parkedAt"));
    private static final int PROCESSORS = 9;

    private final ObjectMapper json = new ObjectMapper();
    private SiklusSystem system;
    private MongoClient mongo;

    @Test
    void aQueryServiceKilledMidBatchAndRestartedEqualsACleanRebuild() throws Exception {
        system = SiklusSystem.get();
        long started = System.nanoTime();
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        String killedDb = "kill_" + run;
        String cleanDb = "clean_" + run;
        mongo = MongoClients.create(system.infrastructure.mongoConnectionString());
        List<Process> processes = new ArrayList<>();
        try {
            int batch = writeBatch(8, 40);
            long events = system.storedEvents();
            System.out.printf("[kill-it] batch of %d commands written in %d ms; %d events in the store%n", batch,
                    millisSince(started), events);

            QueryService clean = QueryService.start(system, cleanDb, "clean");
            processes.add(clean.process);
            QueryService killed = QueryService.start(system, killedDb, "killed-1");
            processes.add(killed.process);

            // kill it once it has written part of the batch: some processors are inside a batch whose token is not
            // stored yet, others have stored tokens
            MongoDatabase killedData = mongo.getDatabase(killedDb);
            long threshold = events / 3;
            // a loaded machine can take a minute to start a JVM; the batch is measured from the moment it serves
            awaitReady(killed);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(10))
                    .until(() -> killedData.getCollection("audit_journal").countDocuments() >= threshold);
            killed.process.destroyForcibly();
            assertThat(killed.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
            long journalAtKill = killedData.getCollection("audit_journal").countDocuments();
            System.out.printf("[kill-it] SIGKILL at %d of %d journal events (exit %d); tokens then: %s%n",
                    journalAtKill, events, killed.process.exitValue(), positions(killedDb));
            assertThat(journalAtKill).as("killed in the middle, not after the end").isLessThan(events);
            assertThat(killed.process.exitValue()).as("killed, not stopped: 128 + SIGKILL").isEqualTo(137);

            QueryService restarted = QueryService.start(system, killedDb, "killed-2");
            processes.add(restarted.process);
            // commands keep arriving while it comes back; then one in every partition marks the end
            writeBatch(2, 10);
            Map<Integer, Long> end = markEveryPartition();

            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            while (!(caughtUp(killedDb, end) && caughtUp(cleanDb, end))) {
                if (System.nanoTime() > deadline) {
                    threadDump(restarted.process);
                }
                assertThat(System.nanoTime()).as("both caught up with %s within 150 s; killed: %s, clean: %s",
                        end, positions(killedDb), positions(cleanDb)).isLessThan(deadline);
                assertThat(restarted.process.isAlive()).as("restarted query-service alive").isTrue();
                assertThat(clean.process.isAlive()).as("clean query-service alive").isTrue();
                Thread.sleep(500);
            }
            System.out.printf("[kill-it] both caught up with %s after %d ms%n", end, millisSince(started));
            Map<String, List<Document>> expected = dump(cleanDb);
            Map<String, List<Document>> actual = dump(killedDb);
            assertThat(actual.keySet()).isEqualTo(expected.keySet());
            long documents = 0;
            for (Map.Entry<String, List<Document>> collection : expected.entrySet()) {
                List<Document> got = actual.get(collection.getKey());
                assertThat(got).as("collection %s", collection.getKey()).hasSameSizeAs(collection.getValue());
                for (int i = 0; i < got.size(); i++) {
                    assertThat(got.get(i)).as("%s document %s", collection.getKey(), got.get(i).get("_id"))
                            .isEqualTo(collection.getValue().get(i));
                }
                documents += got.size();
            }
            assertThat(expected).containsKeys("audit_journal", "households", "kelurahan");
            assertThat(expected.get("audit_journal")).hasSizeGreaterThanOrEqualTo((int) events);
            System.out.printf("[kill-it] %d collections, %d documents equal; whole test %d ms%n", expected.size(),
                    documents, millisSince(started));
        } finally {
            for (Process process : processes) {
                process.destroyForcibly();
            }
            mongo.getDatabase(killedDb).drop();
            mongo.getDatabase(cleanDb).drop();
            mongo.close();
        }
    }

    private void awaitReady(QueryService service) {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(100)).until(() -> {
            assertThat(service.process().isAlive()).as("query-service process alive").isTrue();
            try {
                return system.get("http://localhost:" + service.port() + "/actuator/health/readiness", null)
                        .status() == 200;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** Into the child's own log, for the reader of a failed run. */
    private static void threadDump(Process process) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(new File("target/query-service-thread-dump.txt")))
                .start().waitFor(20, TimeUnit.SECONDS);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    /** Kelurahan with households, written in parallel; returns the number of commands. */
    private int writeBatch(int kelurahan, int householdsEach) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < kelurahan; i++) {
            String code = "35.74.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                    ThreadLocalRandom.current().nextInt(1000, 9999));
            system.prepareKelurahan(code);
            codes.add(code);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<SiklusSystem.Response>> answers = new ArrayList<>();
            for (String code : codes) {
                String token = system.token("LKM", code);
                for (int h = 0; h < householdsEach; h++) {
                    int n = h;
                    answers.add(pool.submit(() -> system.post(system.commandUrl("/api/v1/kelurahan/" + code
                            + "/households"), token, """
                            {"householdId":"%s","rw":"%02d","rt":"%03d","headName":"Keluarga %d","members":%d,
                             "povertyStatus":"%s"}""".formatted(UUID.randomUUID(), n % 9 + 1, n % 20 + 1, n,
                            n % 6 + 1, n % 3 == 0 ? "HAMPIR_MISKIN" : "MISKIN"))));
                }
            }
            for (Future<SiklusSystem.Response> answer : answers) {
                SiklusSystem.Response response = answer.get(60, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(201);
            }
            return kelurahan * 3 + answers.size();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Registers kelurahan until every partition ends with one of their events; returns each partition's last offset. */
    private Map<Integer, Long> markEveryPartition() throws Exception {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(SiklusSystem.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Set<Integer> unmarked = new TreeSet<>();
            partitions.forEach(p -> unmarked.add(p.partition()));
            while (!unmarked.isEmpty()) {
                String code = "35.75.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                        ThreadLocalRandom.current().nextInt(1000, 9999));
                // the producer's partitioner: murmur2 of the key
                int partition = Utils.toPositive(Utils.murmur2(code.getBytes(StandardCharsets.UTF_8)))
                        % partitions.size();
                if (unmarked.remove(partition)) {
                    system.prepareKelurahan(code);
                }
            }
            // the publisher runs behind the event store: wait until the last events are on the topic
            long stored = system.storedEvents();
            Map<Integer, Long> last = new HashMap<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                last.clear();
                ends.forEach((tp, end) -> last.put(tp.partition(), end - 1));
                return ends.values().stream().mapToLong(Long::longValue).sum() >= stored;
            });
            return last;
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.infrastructure.kafkaBootstrapServers()), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Every processor's token has reached the last record of every partition. */
    private boolean caughtUp(String database, Map<Integer, Long> end) throws IOException {
        Map<String, Map<Integer, Long>> positions = positions(database);
        if (positions.size() < PROCESSORS) {
            return false;
        }
        for (Map<Integer, Long> processor : positions.values()) {
            for (Map.Entry<Integer, Long> partition : end.entrySet()) {
                if (processor.getOrDefault(partition.getKey(), -1L) < partition.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** processor → partition → offset of the last record it has processed, from its stored tracking token. */
    private Map<String, Map<Integer, Long>> positions(String database) throws IOException {
        Map<String, Map<Integer, Long>> positions = new HashMap<>();
        for (Document token : mongo.getDatabase(database).getCollection("tracking_tokens").find()) {
            Object raw = token.get("token");
            if (raw == null) {
                continue;
            }
            byte[] bytes = raw instanceof Binary binary ? binary.getData() : raw.toString()
                    .getBytes(StandardCharsets.UTF_8);
            JsonNode tree = json.readTree(bytes);
            // a processor that started without a token holds a ReplayToken until it passes the head it saw at start
            while (tree.has("currentToken")) {
                tree = tree.get("currentToken");
            }
            Map<Integer, Long> partitions = new HashMap<>();
            tree.path("positions").fields().forEachRemaining(e -> {
                String key = e.getKey();
                partitions.put(Integer.parseInt(key.substring(key.lastIndexOf('-') + 1)), e.getValue().asLong());
            });
            positions.put(token.getString("processorName"), partitions);
        }
        return positions;
    }

    /** Every collection but the process-specific ones, sorted by id, without process-specific fields. */
    private Map<String, List<Document>> dump(String database) {
        MongoDatabase data = mongo.getDatabase(database);
        Map<String, List<Document>> dump = new java.util.TreeMap<>();
        Set<String> names = new HashSet<>();
        data.listCollectionNames().forEach(names::add);
        for (String name : names) {
            if (PROCESS_SPECIFIC_COLLECTIONS.contains(name) || name.startsWith("system.")) {
                continue;
            }
            List<Document> documents = new ArrayList<>();
            for (Document document : data.getCollection(name).find().sort(Sorts.ascending("_id"))) {
                PROCESS_SPECIFIC_FIELDS.getOrDefault(name, Set.of()).forEach(document::remove);
                documents.add(document);
            }
            dump.put(name, documents);
        }
        return dump;
    }

    /** Ports given to child services in this run: the OS may offer a port it just offered again. */
    private static final Set<Integer> GIVEN_PORTS = new HashSet<>();

    private static synchronized int freePort() throws IOException {
        while (true) {
            try (ServerSocket socket = new ServerSocket(0)) {
                if (GIVEN_PORTS.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            }
        }
    }

    /** A query-service in a child JVM, with the settings SiklusSystem gives the one in this JVM. */
    private record QueryService(Process process, int port) {

        static QueryService start(SiklusSystem system, String database, String name) throws IOException {
            int port = freePort();
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            File log = new File("target/query-service-" + name + ".log");
            List<String> command = List.of(java, "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    QueryServiceApplication.class.getName(),
                    "--server.port=" + port,
                    "--spring.data.mongodb.uri=" + system.infrastructure.mongoConnectionString(),
                    "--spring.data.mongodb.database=" + database,
                    "--axon.kafka.bootstrap-servers=" + system.infrastructure.kafkaBootstrapServers(),
                    "--siklus.security.jwt.public-key=" + setting(system, "siklus.security.jwt.public-key"),
                    "--siklus.personal-data.master-key=" + setting(system, "siklus.personal-data.master-key"),
                    "--siklus.personal-data.key-store.url=" + system.infrastructure.jdbcUrl(),
                    "--siklus.personal-data.key-store.username=" + system.infrastructure.jdbcUsername(),
                    "--siklus.personal-data.key-store.password=" + system.infrastructure.jdbcPassword());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log)).start();
            System.out.printf("[kill-it] query-service '%s' pid %d on port %d, database %s, log %s%n", name,
                    process.pid(), port, database, log);
            return new QueryService(process, port);
        }

        private static String setting(SiklusSystem system, String name) {
            return system.queryService.getEnvironment().getRequiredProperty(name);
        }
    }
}
