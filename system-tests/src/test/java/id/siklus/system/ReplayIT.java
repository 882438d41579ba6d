package id.siklus.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding read models through the replay endpoint, on a generated history of thousands of events to which
 * redelivered records (copies of earlier records, re-sent in shuffled order, so that an aggregate's old events arrive
 * again after its newer ones) have been added: the rebuilt read models equal the incrementally built ones document
 * for document, and queries keep answering from the previous read model while the rebuild runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplayIT {

    private static final List<String> READ_MODELS = List.of("kelurahan", "households", "household_places",
            "cycle_progress", "blm_years", "audit_journal", "ksm", "loans", "partnerships", "complaints");
    private static final int KELURAHAN = 40;
    private static final int HOUSEHOLDS = 30;

    private static SiklusSystem system;
    private static MongoTemplate mongo;
    private static String watched;
    private static int redelivered;

    @BeforeAll
    static void generatedHistoryWithRedeliveries() throws Exception {
        system = SiklusSystem.get();
        mongo = system.queryService.getBean(MongoTemplate.class);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < KELURAHAN; i++) {
            codes.add("35.72.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99), 1000 + i * 10
                    + ThreadLocalRandom.current().nextInt(10)));
        }
        watched = codes.get(0);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        AtomicInteger commands = new AtomicInteger();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                String code = codes.get(i);
                long seed = 7919L * i;
                work.add(pool.submit(() -> {
                    history(code, new Random(seed), commands);
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }
        redelivered = redeliverSomeRecords(new Random(42));
        awaitCaughtUp();
        System.out.printf("[ReplayIT] %d commands over %d kelurahan, %d events stored, %d records redelivered%n",
                commands.get(), KELURAHAN, system.storedEvents(), redelivered);
    }

    /** One kelurahan's few years: households, cycle, a KSM, BLM, a loan repaid in ten instalments, and so on. */
    private static void history(String code, Random random, AtomicInteger commands) throws Exception {
        system.prepareKelurahan(code);
        String lkm = system.token("LKM", code);
        String base = "/api/v1/kelurahan/" + code;
        List<String> poor = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int h = 0; h < HOUSEHOLDS; h++) {
            String id = UUID.randomUUID().toString();
            boolean isPoor = h < 5 || random.nextInt(100) < 30;
            command(base + "/households", lkm, """
                    {"householdId":"%s","rw":"%02d","rt":"%03d","headName":"Keluarga %d","members":%d,
                     "povertyStatus":"%s","registeredOn":"2009-04-25"}""".formatted(id, 1 + random.nextInt(4),
                    1 + random.nextInt(6), h, 1 + random.nextInt(7), isPoor ? "MISKIN" : "TIDAK_MISKIN"), commands);
            all.add(id);
            if (isPoor) {
                poor.add(id);
            }
        }
        command(base + "/cycle-stages", lkm, """
                {"stage":"PEMBENTUKAN_LKM","heldOn":"2009-06-06","participants":{"men":%d,"women":%d,"poor":5},
                 "lkmName":"LKM %s"}""".formatted(10 + random.nextInt(20), 10 + random.nextInt(20), code), commands);
        command(base + "/cycle-stages", lkm, """
                {"stage":"PJM_PRONANGKIS","heldOn":"2009-08-15","participants":{"men":9,"women":9,"poor":5},
                 "fromYear":2010,"toYear":2012}""", commands);
        String ksm = UUID.randomUUID().toString();
        command(base + "/ksm", lkm, """
                {"ksmId":"%s","name":"KSM %s","purpose":"EKONOMI","memberHouseholdIds":["%s"],"formedOn":"2009-09-01"}"""
                .formatted(ksm, code, String.join("\",\"", poor.subList(0, 5))), commands);
        command(base + "/blm/2010/allocation", system.token("ADMIN"), """
                {"pagu":%d,"receivedOn":"2010-02-01"}""".formatted(100_000_000L + random.nextInt(100) * 1_000_000L),
                commands);
        command(base + "/blm/2010/disbursements", lkm, """
                {"category":"EKONOMI","amount":%d,"activity":"Modal bergulir","disbursedOn":"2010-03-02"}"""
                .formatted(20_000_000 + random.nextInt(30) * 1_000_000), commands);
        String loan = UUID.randomUUID().toString();
        command(base + "/loans", lkm, """
                {"loanId":"%s","ksmId":"%s","principal":2500000,"termMonths":10,"monthlyFeeBasisPoints":150,
                 "disbursedOn":"2010-04-01"}""".formatted(loan, ksm), commands);
        int paid = 3 + random.nextInt(8);
        for (int m = 0; m < paid; m++) {
            command("/api/v1/loans/" + loan + "/repayments", lkm, """
                    {"amount":287500,"paidOn":"%s"}""".formatted(java.time.LocalDate.of(2010, 5, 1).plusMonths(m)
                    .plusDays(random.nextInt(40))), commands);
        }
        command(base + "/partnerships", lkm, """
                {"agency":"Dinas %d","kind":"TRAINING","ksmId":"%s","value":%d,"startedOn":"2010-06-01"}"""
                .formatted(random.nextInt(5), ksm, 1_000_000 + random.nextInt(9) * 500_000), commands);
        String complaint = UUID.randomUUID().toString();
        command(base + "/complaints", lkm, """
                {"complaintId":"%s","channel":"KOTAK_PENGADUAN","category":"PEMBANGUNAN","text":"Keluhan %d",
                 "receivedOn":"2010-06-10"}""".formatted(complaint, random.nextInt(100)), commands);
        if (random.nextBoolean()) {
            command(base + "/complaints/" + complaint + "/resolution", lkm, """
                    {"resolution":"Selesai","resolvedOn":"2010-07-01"}""", commands);
        }
        for (int r = 0; r < 3; r++) {
            command(base + "/households/" + all.get(5 + r * 8 + random.nextInt(8)) + "/reclassifications", lkm,
                    """
                    {"povertyStatus":"HAMPIR_MISKIN","reason":"Review","effectiveOn":"2010-11-%02d"}"""
                            .formatted(10 + r), commands);
        }
    }

    private static void command(String path, String token, String body, AtomicInteger commands) throws Exception {
        SiklusSystem.Response response = KeyedCommands.post(system, path, token, body);
        assertThat(response.status()).as(path + " → " + response.body()).isBetween(200, 201);
        commands.incrementAndGet();
    }

    /** Copies about one record in ten back onto the topic, same key, value and headers, in shuffled order. */
    private static int redeliverSomeRecords(Random random) throws Exception {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.infrastructure.kafkaBootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false))) {
            List<TopicPartition> partitions = consumer.partitionsFor(SiklusSystem.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("reading the topic back").isLessThan(deadline);
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        List<ConsumerRecord<String, byte[]>> again = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.key() != null && random.nextInt(10) == 0) {
                again.add(record);
            }
        }
        Collections.shuffle(again, random);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all"))) {
            for (ConsumerRecord<String, byte[]> record : again) {
                producer.send(new ProducerRecord<>(SiklusSystem.TOPIC, null, record.key(), record.value(),
                        record.headers()));
            }
            producer.flush();
        }
        return again.size();
    }

    private static void awaitCaughtUp() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (mongo.count(new Query(), "audit_journal") < system.storedEvents()) {
                return false;
            }
            Map<String, List<Document>> first = readModels();
            Thread.sleep(1500);
            return first.equals(readModels());
        });
    }

    static Map<String, List<Document>> readModels() {
        Map<String, List<Document>> documents = new TreeMap<>();
        for (String collection : READ_MODELS) {
            documents.put(collection, new ArrayList<>(mongo.find(new Query().with(Sort.by("_id")), Document.class,
                    collection)));
        }
        return documents;
    }

    /** The keys of every index of every read model but _id's. */
    static Map<String, Set<Document>> indexes() {
        Map<String, Set<Document>> indexes = new TreeMap<>();
        for (String collection : READ_MODELS) {
            Set<Document> keys = new HashSet<>();
            for (Document index : mongo.getCollection(collection).listIndexes()) {
                Document key = index.get("key", Document.class);
                if (!key.keySet().equals(Set.of("_id"))) {
                    keys.add(key);
                }
            }
            indexes.put(collection, keys);
        }
        return indexes;
    }

    /** Equal document for document; on a difference, names the first differing document of each collection. */
    private static void assertSameDocuments(Map<String, List<Document>> actual, Map<String, List<Document>> expected) {
        for (String collection : READ_MODELS) {
            List<Document> rebuilt = actual.get(collection);
            List<Document> incremental = expected.get(collection);
            assertThat(rebuilt).as(collection + " count").hasSameSizeAs(incremental);
            for (int i = 0; i < rebuilt.size(); i++) {
                assertThat(rebuilt.get(i)).as(collection + " document " + incremental.get(i).get("_id"))
                        .isEqualTo(incremental.get(i));
            }
        }
    }

    private static SiklusSystem.Response replay(String name) throws Exception {
        return system.post(system.queryUrl("/api/v1/admin/projections/" + name + "/replay"), system.token("ADMIN"),
                "");
    }

    private static JsonNode progress(String name) throws Exception {
        SiklusSystem.Response response = system.get(system.queryUrl("/api/v1/admin/projections/" + name
                + "/replay"), system.token("ADMIN"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    @Order(1)
    void rebuildingEveryReadModelEndsWithIdenticalDataWhileQueriesKeepAnswering() throws Exception {
        Map<String, List<Document>> before = readModels();
        Map<String, Set<Document>> indexesBefore = indexes();
        before.forEach((collection, documents) -> assertThat(documents).as(collection).isNotEmpty());
        assertThat(before.get("audit_journal").size()).as("a history of thousands of events")
                .isGreaterThanOrEqualTo(2_000);
        assertThat(redelivered).as("redelivered records").isGreaterThan(100);
        String blmView = "/api/v1/kelurahan/" + watched + "/blm";
        String answerBefore = system.get(system.queryUrl(blmView), system.token("AUDITOR")).body();

        SiklusSystem.Response started = replay("all");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("readModels")).hasSize(9);
        List<JsonNode> observed = new ArrayList<>();
        await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofMillis(100)).until(() -> {
            // queries keep answering, from the previous read model, all along
            SiklusSystem.Response answer = system.get(system.queryUrl(blmView), system.token("AUDITOR"));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo(answerBefore);
            JsonNode progress = progress("all");
            observed.add(progress);
            assertThat(progress.get("state").asText()).isNotEqualTo("FAILED");
            return "DONE".equals(progress.get("state").asText());
        });
        JsonNode done = observed.get(observed.size() - 1);
        System.out.println("[ReplayIT] rebuild of all read models: " + done);
        assertThat(done.get("eventsDone").asLong()).isGreaterThanOrEqualTo(before.get("audit_journal").size());
        assertThat(done.get("position").asLong()).isEqualTo(done.get("head").asLong());
        assertThat(done.get("eventsPerSecond").asDouble()).isPositive();
        assertThat(done.get("secondsLeft").asLong()).isZero();
        // the answer to the POST is the progress of a rebuild that has only begun
        assertThat(started.json().get("state").asText()).isIn("STARTING", "REBUILDING");

        assertSameDocuments(readModels(), before);
        assertThat(mongo.getCollectionNames()).noneMatch(name -> name.endsWith("__rebuild"));
        // the views' queries need the same indexes on the swapped-in collections
        assertThat(indexes()).isEqualTo(indexesBefore);
        assertThat(indexesBefore.get("households")).anySatisfy(key -> assertThat(key).containsKey("kelurahanCode"));
    }

    @Test
    @Order(2)
    void rebuildingOneReadModelLeavesTheOthersAloneAndEndsIdentical() throws Exception {
        awaitCaughtUp();
        Map<String, List<Document>> before = readModels();
        SiklusSystem.Response started = replay("loan-book");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        assertThat(started.json().get("readModels")).containsExactly(
                com.fasterxml.jackson.databind.node.TextNode.valueOf("loan-book"));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> "DONE".equals(progress("loan-book").get("state").asText()));
        assertSameDocuments(readModels(), before);
    }

    @Test
    @Order(3)
    void onlyAnAdminMayRebuildAndOnlyKnownReadModels() throws Exception {
        SiklusSystem.Response monitor = system.post(system.queryUrl("/api/v1/admin/projections/all/replay"),
                system.token("MONITOR"), "");
        assertThat(monitor.status()).isEqualTo(403);
        SiklusSystem.Response unknown = replay("no-such-read-model");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("PROJECTION_NOT_FOUND");
        assertThat(unknown.json().get("detail").asText()).contains("blm-use");
        SiklusSystem.Response never = system.get(system.queryUrl("/api/v1/admin/projections/partnerships/replay"),
                system.token("ADMIN"));
        assertThat(never.status()).isEqualTo(404);
        assertThat(never.json().get("code").asText()).isEqualTo("NO_REPLAY");
    }
}
