package id.siklus.system;

import id.siklus.localstack.TokenMinter;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka broker stopped and started again (same address, same log directory) while 5,000 commands arrive: none
 * fails because of Kafka, and every accepted command's event reaches the read models exactly once — the audit journal
 * holds one document per stored event, the household counts equal the accepted registrations and the BLM totals
 * (added with {@code $inc}) equal the sum of the accepted disbursements, neither short nor doubled.
 */
class KafkaOutageIT {

    private static final int COMMANDS = 5_000;
    private static final int CLIENTS = 8;
    private static final int KELURAHAN = 10;
    /** Events each kelurahan holds before the load: registration, two stages, LKM formed, PJM, BLM allocation. */
    private static final int EVENTS_BEFORE_LOAD = 6;
    /**
     * The outage lasts at least this long: longer than the publisher's ack timeout (15 s), so batches really fail and
     * are retried. {@code -Dkafka-outage.min-seconds=75} tries a long outage, where the processor's back-off reaches
     * its 60 s ceiling (then allow for that in the convergence bound).
     */
    private static final Duration MIN_OUTAGE = Duration.ofSeconds(Long.getLong("kafka-outage.min-seconds", 15));
    /**
     * After the last command, every event must be in the read models within this bound: the publisher's back-off after
     * the outage (at most 16 s here) plus the catch-up, with room for a machine shared with other builds.
     */
    private static final Duration CONVERGENCE = Duration.ofSeconds(120);
    /**
     * Upper bound for each phase of sending commands, so that a stuck service fails the test instead of hanging it.
     * Loose: 5,000 commands take about 30 s on an idle 2-core machine, but several minutes when other builds load it.
     */
    private static final Duration PHASE = Duration.ofSeconds(240);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyCommandAcceptedDuringABrokerRestartReachesTheReadModelsExactlyOnce() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        // ten kelurahan of one city, keys spread over the topic's partitions
        String prefix = "35.81.%02d.".formatted(ThreadLocalRandom.current().nextInt(10, 99));
        List<String> codes = new ArrayList<>();
        for (int k = 0; k < KELURAHAN; k++) {
            codes.add(prefix + (1000 + k));
            prepareForBlm(system, codes.get(k));
        }
        String token = system.tokens.mint(TokenMinter.TokenRequest.of("LKM", codes.toArray(String[]::new)));

        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger households = new AtomicInteger();
        AtomicInteger poor = new AtomicInteger();
        AtomicLong blmUsed = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < COMMANDS; i = next.getAndIncrement()) {
                    String code = codes.get(i % KELURAHAN);
                    boolean disbursement = i % 5 == 4;
                    long amount = 1_000L * (1 + i % 7);
                    boolean isPoor = i % 4 == 0;
                    HttpResponse<String> response;
                    try {
                        response = http.send(commandRequest(system, code, token, disbursement
                                ? "/blm/2010/disbursements" : "/households", disbursement ? """
                                {"category":"%s","amount":%d,"activity":"Kegiatan %d","disbursedOn":"2010-03-01"}"""
                                .formatted(i % 2 == 0 ? "LINGKUNGAN" : "SOSIAL", amount, i) : """
                                {"rw":"0%d","rt":"00%d","headName":"Keluarga %d","members":3,"povertyStatus":"%s"}"""
                                .formatted(1 + i % 9, 1 + i % 7, i, isPoor ? "MISKIN" : "HAMPIR_MISKIN")),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        failures.add("command " + i + ": " + e);
                        continue;
                    }
                    if (response.statusCode() / 100 != 2) {
                        failures.add("command " + i + ": " + response.statusCode() + " " + response.body());
                        continue;
                    }
                    accepted.incrementAndGet();
                    if (disbursement) {
                        blmUsed.addAndGet(amount);
                    } else {
                        households.incrementAndGet();
                        if (isPoor) {
                            poor.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        pool.shutdown();

        // the outage in the middle of the stream of commands, long enough for the publisher's sends to fail
        await().atMost(PHASE).until(() -> accepted.get() + failures.size() >= COMMANDS / 5);
        Map<TopicPartition, Long> endBeforeOutage = endOffsets(system);
        system.infrastructure.stopKafka();
        int acceptedWhenStopped = accepted.get();
        long stoppedAt = System.nanoTime();
        // the broker stays away until the publisher has failed a batch and says so, as an operator would see it
        String admin = system.token("ADMIN");
        List<String> overallWhileDegraded = new ArrayList<>();
        try {
            await().atMost(MIN_OUTAGE.plus(PHASE)).pollInterval(Duration.ofMillis(500)).until(() -> {
                SiklusSystem.Response health = system.get(system.commandUrl("/actuator/health"), admin);
                if (health.json().at("/components/programEventsPublisher/status").asText().equals("DEGRADED")) {
                    overallWhileDegraded.add(health.status() + " " + health.json().get("status").asText());
                }
                return !overallWhileDegraded.isEmpty() && accepted.get() + failures.size() >= COMMANDS / 2
                        && System.nanoTime() - stoppedAt >= MIN_OUTAGE.toNanos();
            });
        } finally {
            system.infrastructure.startKafka();
        }
        assertThat(overallWhileDegraded).as("the service's health while only the publisher is degraded")
                .containsOnly("200 UP");
        int acceptedDuringOutage = accepted.get() - acceptedWhenStopped;
        // the broker came back with its log: every partition still starts at 0 and holds what it held before
        try (KafkaConsumer<String, byte[]> consumer = consumer(system)) {
            List<TopicPartition> partitions = List.copyOf(endBeforeOutage.keySet());
            assertThat(consumer.beginningOffsets(partitions, Duration.ofSeconds(30)).values()).containsOnly(0L);
            Map<TopicPartition, Long> endAfterRestart = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            endBeforeOutage.forEach((partition, end) -> assertThat(endAfterRestart.get(partition))
                    .as("end offset of %s after the restart", partition).isGreaterThanOrEqualTo(end));
        }
        System.out.printf("[kafka-outage] broker down %.1f s; %d commands accepted meanwhile%n",
                (System.nanoTime() - stoppedAt) / 1e9, acceptedDuringOutage);
        if (!pool.awaitTermination(PHASE.toSeconds(), TimeUnit.SECONDS)) {
            pool.shutdownNow();
            fail("the clients did not finish within " + PHASE + ": " + accepted.get() + " accepted");
        }
        for (Future<?> client : clients) {
            client.get();
        }
        long commandsDone = System.nanoTime();
        System.out.printf("[kafka-outage] %d commands in %.1f s%n", COMMANDS, (commandsDone - started) / 1e9);

        assertThat(failures).as("commands refused or failed while the broker was away").isEmpty();
        assertThat(accepted.get()).isEqualTo(COMMANDS);
        assertThat(acceptedDuringOutage).as("commands accepted while the broker was down").isPositive();
        long stored = storedEvents(system, codes);
        assertThat(stored).isEqualTo(COMMANDS + (long) EVENTS_BEFORE_LOAD * KELURAHAN);

        assertSingleBrokerTopicCannotRefuseTheIdempotentProducer(system);

        MongoTemplate mongo = system.queryService.getBean(MongoTemplate.class);
        try {
            AtomicLong lastReport = new AtomicLong(System.nanoTime());
            await().atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                if (System.nanoTime() - lastReport.get() > Duration.ofSeconds(15).toNanos()) {
                    lastReport.set(System.nanoTime());
                    System.out.printf("[kafka-outage] waiting: journal %d, households %d; %s%n", mongo.count(
                            new Query(Criteria.where("kelurahanCode").in(codes)), "audit_journal"),
                            householdsAndPoor(system, codes)[0], processorStates(system.queryService));
                }
                assertThat(mongo.count(new Query(Criteria.where("kelurahanCode").in(codes)), "audit_journal"))
                        .as("audit journal documents (one per event id)").isEqualTo(stored);
                long[] summary = householdsAndPoor(system, codes);
                assertThat(summary[0]).as("households in the kota summary").isEqualTo(households.get());
                assertThat(summary[1]).as("poor households in the kota summary").isEqualTo(poor.get());
                assertThat(blmUsedInReadModel(mongo, codes)).as("BLM used, summed with $inc")
                        .isEqualTo(blmUsed.get());
            });
        } catch (Throwable e) {
            throw new AssertionError("read models did not converge within " + CONVERGENCE + "; " + diagnosis(system,
                    codes, stored), e);
        }
        double convergedAfter = (System.nanoTime() - commandsDone) / 1e9;
        assertThat(system.get(system.commandUrl("/actuator/health"), admin).json()
                .at("/components/programEventsPublisher/status").asText()).isEqualTo("UP");
        // the sums above are exactly once only because no event reached the topic before an earlier one of its
        // aggregate (the sequence guard would have skipped it); households and the journal would not show it
        String diagnosis = diagnosis(system, codes, stored);
        assertThat(diagnosis).as("topic order").contains("new events after a later one of their aggregate [],");
        System.out.printf("[kafka-outage] read models complete %.1f s after the last command; %s%n",
                convergedAfter, diagnosis);
    }

    private HttpRequest commandRequest(SiklusSystem system, String code, String token, String path, String body) {
        return HttpRequest.newBuilder(URI.create(system.commandUrl("/api/v1/kelurahan/" + code + path)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private void prepareForBlm(SiklusSystem system, String code) throws Exception {
        system.prepareKelurahan(code);
        String lkm = system.token("LKM", code);
        String stages = system.commandUrl("/api/v1/kelurahan/" + code + "/cycle-stages");
        assertThat(system.post(stages, lkm, """
                {"stage":"PEMBENTUKAN_LKM","heldOn":"2009-06-06","participants":{"men":30,"women":28,"poor":20},
                 "lkmName":"LKM Maju Bersama"}""").status()).isEqualTo(200);
        assertThat(system.post(stages, lkm, """
                {"stage":"PJM_PRONANGKIS","heldOn":"2009-08-15","participants":{"men":30,"women":28,"poor":20},
                 "fromYear":2010,"toYear":2012}""").status()).isEqualTo(200);
        var allocated = http.send(HttpRequest.newBuilder(URI.create(system.commandUrl("/api/v1/kelurahan/" + code
                        + "/blm/2010/allocation")))
                .header("Authorization", "Bearer " + system.token("ADMIN"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "pagu-" + code)
                .POST(HttpRequest.BodyPublishers.ofString("{\"pagu\":100000000000,\"receivedOn\":\"2010-02-01\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(201);
    }

    private long[] householdsAndPoor(SiklusSystem system, List<String> codes) throws Exception {
        var summary = system.get(system.queryUrl("/api/v1/kota/Kediri/summary"), system.token("MONITOR")).json();
        long households = 0;
        long poor = 0;
        for (var row : summary.get("kelurahan")) {
            if (codes.contains(row.get("kelurahanCode").asText())) {
                households += row.get("households").asLong();
                poor += row.get("poorHouseholds").asLong();
            }
        }
        return new long[]{households, poor};
    }

    private static long blmUsedInReadModel(MongoTemplate mongo, List<String> codes) {
        long sum = 0;
        for (org.bson.Document year : mongo.find(new Query(Criteria.where("kelurahanCode").in(codes)),
                org.bson.Document.class, "blm_years")) {
            for (String category : List.of("lingkungan", "ekonomi", "sosial", "bop")) {
                Number amount = year.get(category, Number.class);
                sum += amount == null ? 0 : amount.longValue();
            }
        }
        return sum;
    }

    private static long storedEvents(SiklusSystem system, List<String> codes) throws Exception {
        try (Connection connection = connect(system);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("varchar", codes.toArray()));
            ResultSet count = statement.executeQuery();
            count.next();
            return count.getLong(1);
        }
    }

    private static Connection connect(SiklusSystem system) throws Exception {
        return DriverManager.getConnection(system.infrastructure.jdbcUrl(), system.infrastructure.jdbcUsername(),
                system.infrastructure.jdbcPassword());
    }

    /**
     * Where the events are, for a failure message: in the store, on the topic (read with a plain consumer), and how
     * far the publisher's token got — to tell "not published" from "published but not consumed".
     */
    private static String diagnosis(SiklusSystem system, List<String> codes, long stored) {
        StringBuilder out = new StringBuilder("stored events ").append(stored);
        try {
            Set<String> keys = new HashSet<>(codes);
            Set<String> ids = new HashSet<>();
            long records = 0;
            // a new event of an aggregate after a later one of it (the sequence guard would skip it), and a record
            // older than the one before it in its partition (the query side's buffer orders by record timestamp)
            Map<String, Long> highestSequence = new java.util.HashMap<>();
            Map<Integer, Long> lastTimestamp = new java.util.HashMap<>();
            List<String> earlyArrivals = new ArrayList<>();
            long timestampInversions = 0;
            try (KafkaConsumer<String, byte[]> consumer = consumer(system)) {
                List<TopicPartition> partitions = consumer.partitionsFor(SiklusSystem.TOPIC, Duration.ofSeconds(10))
                        .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (System.nanoTime() < deadline
                        && partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        Long previous = lastTimestamp.put(record.partition(), record.timestamp());
                        if (previous != null && record.timestamp() < previous) {
                            timestampInversions++;
                        }
                        if (keys.contains(record.key())) {
                            records++;
                            Header id = record.headers().lastHeader("axon-message-id");
                            boolean first = ids.add(id == null ? "?" : new String(id.value(), StandardCharsets.UTF_8));
                            Header seq = record.headers().lastHeader("axon-message-aggregate-seq");
                            if (seq != null && seq.value().length == Long.BYTES) {
                                long sequence = java.nio.ByteBuffer.wrap(seq.value()).getLong();
                                long highest = highestSequence.merge(record.key(), sequence, Math::max);
                                if (first && sequence < highest && earlyArrivals.size() < 5) {
                                    earlyArrivals.add(record.key() + "#" + sequence + " at " + record.partition() + "/"
                                            + record.offset() + " (record time " + record.timestamp() + ") after #"
                                            + highest + "; store " + storeOrder(system, record.key(), sequence, highest));
                                }
                            }
                        }
                    }
                }
            }
            out.append(", topic records ").append(records).append(" (distinct event ids ").append(ids.size())
                    .append("), new events after a later one of their aggregate ").append(earlyArrivals)
                    .append(", record timestamps going back within a partition ").append(timestampInversions);
        } catch (Exception e) {
            out.append(", topic unreadable: ").append(e);
        }
        try (Connection connection = connect(system); Statement statement = connection.createStatement();
             ResultSet tokens = statement.executeQuery("SELECT processor_name, segment, owner, "
                     + "convert_from(token, 'UTF8') FROM token_entry ORDER BY processor_name")) {
            List<String> rows = new ArrayList<>();
            while (tokens.next()) {
                rows.add(tokens.getString(1) + "/" + tokens.getInt(2) + " owner=" + tokens.getString(3) + " "
                        + tokens.getString(4));
            }
            out.append(", publisher tokens ").append(rows.stream().collect(Collectors.joining("; ")));
        } catch (Exception e) {
            out.append(", tokens unreadable: ").append(e);
        }
        out.append(", query processors ").append(processorStates(system.queryService));
        try (Connection connection = connect(system);
             PreparedStatement statement = connection.prepareStatement("SELECT aggregate_identifier, sum((convert_from("
                     + "payload, 'UTF8')::jsonb->>'amount')::bigint) FROM domain_event_entry WHERE aggregate_identifier"
                     + " = ANY (?) AND payload_type LIKE '%BlmDisbursed' GROUP BY 1")) {
            statement.setArray(1, connection.createArrayOf("varchar", codes.toArray()));
            ResultSet sums = statement.executeQuery();
            MongoTemplate mongo = system.queryService.getBean(MongoTemplate.class);
            List<String> differing = new ArrayList<>();
            while (sums.next()) {
                long readModel = blmUsedInReadModel(mongo, List.of(sums.getString(1)));
                if (readModel != sums.getLong(2)) {
                    differing.add(sums.getString(1) + " store " + sums.getLong(2) + " read model " + readModel);
                }
            }
            out.append(", BLM used differing from the store ").append(differing);
        } catch (Exception e) {
            out.append(", BLM sums unreadable: ").append(e);
        }
        return out.toString();
    }

    /** Global index and commit-side timestamp of two events of an aggregate, to tell store order from topic order. */
    private static String storeOrder(SiklusSystem system, String aggregate, long first, long second) {
        try (Connection connection = connect(system);
             PreparedStatement statement = connection.prepareStatement("SELECT sequence_number, global_index, "
                     + "time_stamp FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number IN (?, ?)"
                     + " ORDER BY sequence_number")) {
            statement.setString(1, aggregate);
            statement.setLong(2, first);
            statement.setLong(3, second);
            ResultSet rows = statement.executeQuery();
            List<String> found = new ArrayList<>();
            while (rows.next()) {
                found.add("#" + rows.getLong(1) + " global " + rows.getLong(2) + " at " + rows.getString(3));
            }
            return String.join(", ", found);
        } catch (Exception e) {
            return e.toString();
        }
    }

    /** A plain consumer, no group: reads the topic as it is, independently of the query-service. */
    private static KafkaConsumer<String, byte[]> consumer(SiklusSystem system) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"));
    }

    private static Map<TopicPartition, Long> endOffsets(SiklusSystem system) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(system)) {
            List<TopicPartition> partitions = consumer.partitionsFor(SiklusSystem.TOPIC, Duration.ofSeconds(30))
                    .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30));
        }
    }

    /**
     * On one broker, a topic whose replication or min.insync.replicas exceeded the brokers would refuse every acks=all
     * write (NOT_ENOUGH_REPLICAS) after a restart as before it: the publisher would retry for ever.
     */
    private static void assertSingleBrokerTopicCannotRefuseTheIdempotentProducer(SiklusSystem system)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.infrastructure.kafkaBootstrapServers()))) {
            int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
            var description = admin.describeTopics(List.of(SiklusSystem.TOPIC)).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(SiklusSystem.TOPIC);
            int replicas = description.partitions().get(0).replicas().size();
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, SiklusSystem.TOPIC);
            int minInSync = Integer.parseInt(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS)
                    .get(resource).get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value());
            assertThat(replicas).as("replicas of the topic").isLessThanOrEqualTo(brokers);
            assertThat(minInSync).as("min.insync.replicas of the topic").isLessThanOrEqualTo(replicas);
            description.partitions().forEach(partition -> assertThat(partition.isr())
                    .as("in-sync replicas of partition %d after the restart", partition.partition())
                    .hasSizeGreaterThanOrEqualTo(minInSync));
        }
    }

    /** Each processor's position (sum of its partition offsets), error state and whether it caught up. */
    private static String processorStates(org.springframework.context.ApplicationContext context) {
        var processing = context.getBean(org.axonframework.config.EventProcessingConfiguration.class);
        List<String> states = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof org.axonframework.eventhandling.TrackingEventProcessor tracking) {
                tracking.processingStatus().forEach((segment, status) -> states.add(name + "{position="
                        + status.getCurrentPosition().orElse(-1) + (status.isErrorState() ? ", ERROR " + status.getError()
                        : "") + (status.isCaughtUp() ? ", caught up" : "") + "}"));
            } else {
                states.add(name + "{" + processor.getClass().getSimpleName() + ", running=" + processor.isRunning() + "}");
            }
        });
        return String.join(" ", states);
    }
}
