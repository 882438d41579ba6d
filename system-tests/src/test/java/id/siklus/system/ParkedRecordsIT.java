package id.siklus.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A record on the topic that cannot be read: parked with its position, the same kelurahan's later events wait behind
 * it while another kelurahan's flow, a metric and the health endpoint show it, and an ADMIN lists, retries and
 * discards it; the discard re-delivers the held events, which then reach the read models.
 */
class ParkedRecordsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private SiklusSystem system;

    @Test
    void anUnreadableRecordHoldsItsKelurahanOnlyUntilAnAdminDiscardsIt() throws Exception {
        system = SiklusSystem.get();
        String blocked = code();
        String flowing = code();
        system.prepareKelurahan(blocked);
        system.prepareKelurahan(flowing);
        String admin = system.token("ADMIN");
        String auditor = system.token("AUDITOR");
        await().atMost(PATIENCE).until(() -> journal(blocked).size() == 3 && journal(flowing).size() == 3);

        // a plain producer writes garbage and an event of a type nobody knows, keyed by the kelurahan's code
        ConsumerRecord<String, byte[]> registered = firstRecordOf(blocked);
        RecordMetadata garbage;
        RecordMetadata unknown;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            garbage = producer.send(new ProducerRecord<>(SiklusSystem.TOPIC, blocked,
                    "\u0000\u00ff{garbage".getBytes(StandardCharsets.ISO_8859_1))).get(15, TimeUnit.SECONDS);
            RecordHeaders headers = new RecordHeaders();
            for (Header header : registered.headers()) {
                if (header.key().equals("axon-message-id")) {
                    headers.add(header.key(), UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                } else if (header.key().equals("axon-message-type")) {
                    headers.add(header.key(), "id.siklus.api.kelurahan.KelurahanMovedToAnotherPlanet"
                            .getBytes(StandardCharsets.UTF_8));
                } else {
                    headers.add(header.key(), header.value());
                }
            }
            unknown = producer.send(new ProducerRecord<>(SiklusSystem.TOPIC, null, blocked, registered.value(),
                    headers)).get(15, TimeUnit.SECONDS);
        }
        assertThat(garbage.partition()).as("same key, same partition as the kelurahan's events")
                .isEqualTo(registered.partition()).isEqualTo(unknown.partition());
        String garbageId = garbage.partition() + "-" + garbage.offset();
        String unknownId = unknown.partition() + "-" + unknown.offset();

        // valid commands for both kelurahan after them
        String heldHousehold = registerHousehold(blocked, "Keluarga Tertahan");
        String flowingHousehold = registerHousehold(flowing, "Keluarga Lancar");

        await().atMost(PATIENCE).until(() -> system.get(system.queryUrl("/api/v1/households/" + flowingHousehold),
                auditor).status() == 200);
        await().atMost(PATIENCE).until(() -> parkedFor(blocked).size() == 3);
        List<JsonNode> parked = parkedFor(blocked);
        assertThat(parked).extracting(p -> p.get("id").asText()).startsWith(garbageId, unknownId);
        assertThat(parked.get(0).get("kind").asText()).isEqualTo("UNREADABLE");
        assertThat(parked.get(0).get("status").asText()).isEqualTo("PARKED");
        assertThat(parked.get(0).get("reason").asText()).isNotBlank();
        assertThat(parked.get(0).get("size").asInt()).isEqualTo(10);
        assertThat(parked.get(0).get("parkedAt").asText()).isNotBlank();
        assertThat(parked.get(1).get("kind").asText()).isEqualTo("UNREADABLE");
        assertThat(parked.get(1).get("reason").asText())
                .isEqualTo("unknown event type: id.siklus.api.kelurahan.KelurahanMovedToAnotherPlanet");
        JsonNode held = parked.get(2);
        assertThat(held.get("kind").asText()).isEqualTo("HELD");
        assertThat(held.get("heldBehind").asText()).isEqualTo(garbageId);
        assertThat(held.get("reason").asText()).startsWith("waiting behind");

        // the held event reached no read model; the kelurahan's earlier events are all there
        assertThat(system.get(system.queryUrl("/api/v1/households/" + heldHousehold), auditor).status())
                .isEqualTo(404);
        assertThat(journal(blocked)).hasSize(3);

        // metric and health
        String metrics = system.get(system.queryUrl("/actuator/prometheus"), admin).body();
        assertThat(gauge(metrics)).isGreaterThanOrEqualTo(3);
        JsonNode health = system.get(system.queryUrl("/actuator/health"), admin).json();
        assertThat(health.at("/components/parkedRecords/details/parkedRecords").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(health.at("/components/parkedRecords/details/action").asText()).contains("parked-records");

        // only ADMIN; problems for what cannot be done
        for (String other : List.of(auditor, system.token("MONITOR"), system.token("LKM", blocked))) {
            assertThat(system.get(system.queryUrl("/api/v1/admin/parked-records"), other).status()).isEqualTo(403);
            assertThat(system.post(system.queryUrl("/api/v1/admin/parked-records/" + garbageId + "/discard"), other,
                    "{\"reason\":\"x\"}").status()).isEqualTo(403);
            assertThat(system.post(system.queryUrl("/api/v1/admin/parked-records/" + garbageId + "/retry"), other,
                    "").status()).isEqualTo(403);
        }
        assertThat(system.get(system.queryUrl("/api/v1/admin/parked-records"), null).status()).isEqualTo(401);
        assertProblem(system.post(system.queryUrl("/api/v1/admin/parked-records/0-999999999/discard"), admin,
                "{\"reason\":\"x\"}"), 404, "PARKED_RECORD_NOT_FOUND");
        assertProblem(system.post(system.queryUrl("/api/v1/admin/parked-records/" + garbageId + "/discard"), admin,
                "{}"), 400, null);
        assertProblem(system.post(system.queryUrl("/api/v1/admin/parked-records/" + unknownId + "/discard"), admin,
                "{\"reason\":\"x\"}"), 409, "PARKED_RECORD_BEHIND_ANOTHER");
        assertProblem(system.post(system.queryUrl("/api/v1/admin/parked-records/" + held.get("id").asText()
                + "/retry"), admin, ""), 409, "PARKED_RECORD_HELD");
        assertProblem(system.post(system.queryUrl("/api/v1/admin/parked-records/" + garbageId + "/retry"), admin, ""),
                409, "PARKED_RECORD_STILL_UNREADABLE");

        // discarding the first leaves the held event behind the second; discarding that releases it
        SiklusSystem.Response discarded = system.post(system.queryUrl("/api/v1/admin/parked-records/" + garbageId
                + "/discard"), admin, "{\"reason\":\"garbage written by ParkedRecordsIT\"}");
        assertThat(discarded.status()).as(discarded.body()).isEqualTo(200);
        assertThat(discarded.json().get("status").asText()).isEqualTo("DISCARDED");
        assertThat(discarded.json().get("resolution").asText()).isEqualTo("garbage written by ParkedRecordsIT");
        assertThat(discarded.json().get("resolvedBy").asText()).isNotBlank();
        assertThat(discarded.json().get("redelivered").asInt()).as("nothing readable lies between the two").isZero();
        assertThat(parkedFor(blocked).get(2).get("heldBehind").asText()).isEqualTo(unknownId);
        assertThat(system.get(system.queryUrl("/api/v1/households/" + heldHousehold), auditor).status())
                .isEqualTo(404);

        SiklusSystem.Response released = system.post(system.queryUrl("/api/v1/admin/parked-records/" + unknownId
                + "/discard"), admin, "{\"reason\":\"a type this program never had\"}");
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("redelivered").asInt()).isEqualTo(1);
        await().atMost(PATIENCE).until(() -> system.get(system.queryUrl("/api/v1/households/" + heldHousehold),
                auditor).status() == 200);
        assertThat(parkedFor(blocked)).extracting(p -> p.get("status").asText())
                .containsExactly("DISCARDED", "DISCARDED", "RELEASED");
        assertProblem(system.post(system.queryUrl("/api/v1/admin/parked-records/" + garbageId + "/discard"), admin,
                "{\"reason\":\"again\"}"), 409, "PARKED_RECORD_RESOLVED");

        // later events of the kelurahan flow again, in order, each once
        String after = registerHousehold(blocked, "Keluarga Sesudah");
        await().atMost(PATIENCE).until(() -> system.get(system.queryUrl("/api/v1/households/" + after), auditor)
                .status() == 200);
        List<JsonNode> events = journal(blocked);
        assertThat(events).extracting(e -> e.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(system.get(system.queryUrl("/api/v1/audit/verification?aggregate=" + blocked), auditor).json()
                .get("intact").asBoolean()).isTrue();
        assertThat(system.get(system.queryUrl("/api/v1/admin/parked-records?status=PARKED"), admin).json())
                .noneMatch(p -> blocked.equals(p.get("key").asText()));
    }

    private static String code() {
        return "35.77.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
    }

    private String registerHousehold(String code, String name) throws Exception {
        String id = UUID.randomUUID().toString();
        SiklusSystem.Response response = system.post(system.commandUrl("/api/v1/kelurahan/" + code + "/households"),
                system.token("LKM", code), """
                        {"householdId":"%s","rw":"01","rt":"002","headName":"%s","members":3,"povertyStatus":"MISKIN"}"""
                        .formatted(id, name));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return id;
    }

    private List<JsonNode> journal(String code) throws Exception {
        SiklusSystem.Response response = system.get(system.queryUrl("/api/v1/audit/entities/" + code + "/events"),
                system.token("AUDITOR"));
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    private List<JsonNode> parkedFor(String key) throws Exception {
        JsonNode all = system.get(system.queryUrl("/api/v1/admin/parked-records"), system.token("ADMIN")).json();
        List<JsonNode> mine = new ArrayList<>();
        all.forEach(p -> {
            if (key.equals(p.get("key").asText())) {
                mine.add(p);
            }
        });
        return mine;
    }

    private static double gauge(String prometheus) {
        return prometheus.lines().filter(l -> l.startsWith("siklus_projection_parked_records"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }

    private void assertProblem(SiklusSystem.Response response, int status, String code) throws Exception {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (code != null) {
            assertThat(response.json().get("code").asText()).isEqualTo(code);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.infrastructure.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The kelurahan's first event as it lies on the topic, to borrow its headers. */
    private ConsumerRecord<String, byte[]> firstRecordOf(String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(SiklusSystem.TOPIC).stream()
                    .map((PartitionInfo p) -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
            throw new AssertionError("No record of " + key + " on the topic");
        }
    }
}
