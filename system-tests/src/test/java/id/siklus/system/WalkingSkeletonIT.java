package id.siklus.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The backbone end to end: HTTP → Axon → PostgreSQL → Kafka → MongoDB → HTTP, on real infrastructure.
 */
class WalkingSkeletonIT {

    private static SiklusSystem system;

    @BeforeAll
    static void startSystem() throws Exception {
        system = SiklusSystem.get();
    }

    private static String newKelurahanCode() {
        return "35.71.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
    }

    private static SiklusSystem.Response registerKelurahan(String code) throws Exception {
        return system.post(system.commandUrl("/api/v1/kelurahan"), system.token("ADMIN"), """
                {"code":"%s","name":"Bandar Lor","kecamatan":"Mojoroto","kota":"Kediri"}""".formatted(code));
    }

    static SiklusSystem.Response prepareKelurahan(String code) throws Exception {
        return system.prepareKelurahan(code);
    }

    private static SiklusSystem.Response registerHousehold(String code, String rw, String rt, String status)
            throws Exception {
        return system.post(system.commandUrl("/api/v1/kelurahan/" + code + "/households"), system.token("LKM", code),
                """
                {"rw":"%s","rt":"%s","headName":"Keluarga Uji","members":4,"povertyStatus":"%s"}"""
                        .formatted(rw, rt, status));
    }

    private static JsonNode kelurahanView(String code) throws Exception {
        SiklusSystem.Response response = system.get(system.queryUrl("/api/v1/kelurahan/" + code),
                system.token("MONITOR"));
        return response.status() == 200 ? response.json() : null;
    }

    @Test
    void aRegistrationIsVisibleInTheQueryApiWithinFiveSeconds() throws Exception {
        String code = newKelurahanCode();
        assertThat(prepareKelurahan(code).status()).isEqualTo(201);
        SiklusSystem.Response household = registerHousehold(code, "03", "010", "MISKIN");
        assertThat(household.status()).isEqualTo(201);
        assertThat(household.json().get("householdId").asText()).isNotBlank();
        assertThat(registerHousehold(code, "03", "011", "TIDAK_MISKIN").status()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            JsonNode view = kelurahanView(code);
            assertThat(view).isNotNull();
            assertThat(view.get("households").asLong()).isEqualTo(2);
            assertThat(view.get("poorHouseholds").asLong()).isEqualTo(1);
        });
        JsonNode map = system.get(system.queryUrl("/api/v1/kelurahan/" + code + "/poverty-map"),
                system.token("LKM", code)).json();
        assertThat(map.get("households").asLong()).isEqualTo(2);
        assertThat(map.get("povertyRatePercent").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(map.get("rw").get(0).get("rt")).hasSize(2);
        JsonNode page = system.get(system.queryUrl("/api/v1/kelurahan/" + code + "/households?size=1"),
                system.token("AUDITOR")).json();
        assertThat(page.get("totalItems").asLong()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
    }

    @Test
    void everyEventCarriesWhoSubmittedItUnderWhichRequest() throws Exception {
        String code = newKelurahanCode();
        prepareKelurahan(code);
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(system.commandUrl("/api/v1/kelurahan/" + code + "/households")))
                .header("Authorization", "Bearer " + system.token("LKM", code))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "req-42")
                .header("X-User-Id", "operator.budi")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"rw":"01","rt":"001","headName":"Keluarga Uji","members":2,"povertyStatus":"MISKIN"}"""))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        String householdId = system.json.readTree(response.body()).get("householdId").asText();
        try (var connection = java.sql.DriverManager.getConnection(system.infrastructure.jdbcUrl(),
                system.infrastructure.jdbcUsername(), system.infrastructure.jdbcPassword());
             var statement = connection.prepareStatement(
                     "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? "
                             + "AND convert_from(payload, 'UTF8') LIKE ?")) {
            statement.setString(1, code);
            statement.setString(2, "%\"householdId\":\"" + householdId + "\"%");
            var rows = statement.executeQuery();
            assertThat(rows.next()).isTrue();
            JsonNode metadata = system.json.readTree(rows.getString(1));
            assertThat(metadata.get("clientId").asText()).isEqualTo("lkm-" + code);
            assertThat(metadata.get("userId").asText()).isEqualTo("operator.budi");
            assertThat(metadata.get("requestId").asText()).isEqualTo("req-42");
            assertThat(metadata.get("requestCorrelationId").asText()).isEqualTo("req-42");
        }

        // and an auditor finds the same on the query side, by the household's own id
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            SiklusSystem.Response history = system.get(system.queryUrl("/api/v1/audit/entities/" + householdId
                    + "/events"), system.token("AUDITOR"));
            assertThat(history.status()).isEqualTo(200);
            // an assertion, not a NullPointerException, while the journal has not the event yet: Awaitility retries
            assertThat(history.json()).as("journal entries of the household").isNotEmpty();
            JsonNode event = history.json().get(0);
            assertThat(event.get("type").asText()).isEqualTo("HouseholdRegistered");
            assertThat(event.get("kelurahanCode").asText()).isEqualTo(code);
            assertThat(event.get("clientId").asText()).isEqualTo("lkm-" + code);
            assertThat(event.get("userId").asText()).isEqualTo("operator.budi");
            assertThat(event.get("requestId").asText()).isEqualTo("req-42");
            assertThat(event.get("recordedAt").asText()).isNotBlank();
            assertThat(event.at("/payload/householdId").asText()).isEqualTo(householdId);
        });
        assertThat(system.get(system.queryUrl("/api/v1/audit/entities/" + householdId + "/events"),
                system.token("MONITOR")).status()).isEqualTo(403);
        JsonNode search = system.get(system.queryUrl("/api/v1/audit/events?kelurahan=" + code
                + "&type=CycleStageRecorded"), system.token("ADMIN")).json();
        assertThat(search.get("totalItems").asLong()).isEqualTo(2);
    }

    @Test
    void refusalsAreProblemDetailsAndWriteNothing() throws Exception {
        String code = newKelurahanCode();
        assertThat(prepareKelurahan(code).status()).isEqualTo(201);
        long before = system.storedEvents();
        String url = system.commandUrl("/api/v1/kelurahan/" + code + "/households");
        String valid = """
                {"rw":"03","rt":"010","headName":"Keluarga Uji","members":4,"povertyStatus":"MISKIN"}""";

        List<Object[]> cases = List.of(
                new Object[]{null, valid, 401, "UNAUTHENTICATED"},
                new Object[]{"not-a-jwt", valid, 401, "UNAUTHENTICATED"},
                new Object[]{system.tokens.mint(id.siklus.localstack.TokenMinter.TokenRequest.of("LKM", code)
                        .withValidity(Duration.ofSeconds(-120))), valid, 401, "UNAUTHENTICATED"},
                new Object[]{system.tokens.mint(id.siklus.localstack.TokenMinter.TokenRequest.of("LKM", code)
                        .withIssuer("someone-else")), valid, 401, "UNAUTHENTICATED"},
                new Object[]{system.token("MONITOR"), valid, 403, "ROLE_NOT_PERMITTED"},
                new Object[]{system.token("LKM", "35.71.03.0000"), valid, 403, "KELURAHAN_NOT_PERMITTED"},
                new Object[]{system.token("LKM", code), "{\"rw\":", 400, "MALFORMED_JSON"},
                new Object[]{system.token("LKM", code), valid.replace("}", ",\"extra\":1}"), 400, "UNKNOWN_FIELD"},
                new Object[]{system.token("LKM", code), valid.replace("\"members\":4", "\"members\":4.5"), 400,
                        "INVALID_VALUE"},
                new Object[]{system.token("LKM", code), valid.replace("\"members\":4", "\"members\":0"), 400,
                        "INVALID_FIELD"},
                new Object[]{system.token("LKM", code), valid.replace("\"03\"", "\"3\""), 400, "INVALID_FIELD"},
                new Object[]{system.token("LKM", code), valid.replace("MISKIN", "KAYA"), 400, "INVALID_VALUE"});
        for (Object[] c : cases) {
            SiklusSystem.Response response = system.post(url, (String) c[0], (String) c[1]);
            assertThat(response.status()).as("%s", c[3]).isEqualTo(c[2]);
            assertThat(response.contentType()).as("%s", c[3]).startsWith("application/problem+json");
            assertThat(response.json().get("code").asText()).isEqualTo(c[3]);
            assertThat(response.json().get("detail").asText()).isNotBlank();
        }
        assertThat(registerKelurahan(code).json().get("code").asText()).isEqualTo("KELURAHAN_ALREADY_REGISTERED");
        assertThat(registerHousehold("35.71.03.0001".equals(code) ? "35.71.03.0002" : "35.71.03.0001", "01", "001",
                "MISKIN").status()).isEqualTo(404);
        assertThat(system.storedEvents()).isEqualTo(before);
    }

    @Test
    void commandsSucceedWhileKafkaIsDownAndTheReadModelConvergesAfterItReturns() throws Exception {
        String code = newKelurahanCode();
        assertThat(prepareKelurahan(code).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(10)).until(() -> kelurahanView(code) != null);

        system.infrastructure.stopKafka();
        try {
            for (int i = 0; i < 20; i++) {
                SiklusSystem.Response response = registerHousehold(code, "0" + (1 + i % 3), "00" + (1 + i % 5),
                        i % 4 == 0 ? "MISKIN" : "HAMPIR_MISKIN");
                assertThat(response.status()).as("command %d while Kafka is down", i).isEqualTo(201);
            }
            assertThat(kelurahanView(code).get("households").asLong()).isZero();
        } finally {
            system.infrastructure.startKafka();
        }
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode view = kelurahanView(code);
            assertThat(view.get("households").asLong()).isEqualTo(20);
            assertThat(view.get("poorHouseholds").asLong()).isEqualTo(5);
        });
    }

    @Test
    void resettingTheQueryProcessorsRebuildsAnIdenticalReadModel() throws Exception {
        String code = newKelurahanCode();
        prepareKelurahan(code);
        for (int i = 0; i < 10; i++) {
            registerHousehold(code, "0" + (1 + i % 2), "00" + (1 + i % 3), i % 3 == 0 ? "MISKIN" : "TIDAK_MISKIN");
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> kelurahanView(code) != null && kelurahanView(code).get("households").asLong() == 10);
        // a whole cycle too, so that every read model has documents to rebuild, whatever ran before
        new RequestsFileIT().everyDocumentedRequestAnswersAsDocumented("full-cycle.http");
        MongoTemplate mongo = system.queryService.getBean(MongoTemplate.class);
        Map<String, List<Document>> before = readModels(mongo);
        assertThat(before.get("households")).hasSizeGreaterThanOrEqualTo(10);
        before.forEach((collection, documents) -> assertThat(documents).as(collection).isNotEmpty());

        EventProcessingConfiguration processing = system.queryService.getBean(EventProcessingConfiguration.class);
        assertThat(processing.eventProcessors().keySet()).containsExactlyInAnyOrder("kelurahan-directory",
                "household-registry", "cycle-progress", "blm-use", "audit-journal", "ksm-roster", "loan-book",
                "partnerships", "complaints");
        for (var processor : processing.eventProcessors().values()) {
            TrackingEventProcessor tracking = (TrackingEventProcessor) processor;
            tracking.shutDown();
            tracking.resetTokens();
            tracking.start();
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(readModels(mongo)).isEqualTo(before));
    }

    private static Map<String, List<Document>> readModels(MongoTemplate mongo) {
        Map<String, List<Document>> documents = new java.util.TreeMap<>();
        for (String collection : List.of("kelurahan", "households", "household_places", "cycle_progress", "blm_years",
                "audit_journal", "ksm", "loans", "partnerships", "complaints")) {
            List<Document> all = new ArrayList<>(mongo.find(new Query().with(
                    org.springframework.data.domain.Sort.by("_id")), Document.class, collection));
            documents.put(collection, all);
        }
        return documents;
    }

    @Test
    void aRecordThatCannotBeReadIsParkedAndCountedWhileOtherEventsFlow() throws Exception {
        MongoTemplate mongo = system.queryService.getBean(MongoTemplate.class);
        MeterRegistry meters = system.queryService.getBean(MeterRegistry.class);
        long parkedBefore = mongo.count(new Query(), "parked_records");
        String aggregate = UUID.randomUUID().toString();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.infrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            ProducerRecord<String, byte[]> garbage = new ProducerRecord<>(SiklusSystem.TOPIC, aggregate,
                    new byte[]{0x00, (byte) 0xFF, 0x13, 0x37});
            garbage.headers()
                    .add("axon-message-id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8))
                    .add("axon-message-type", "id.siklus.api.household.HouseholdRegistered"
                            .getBytes(StandardCharsets.UTF_8));
            producer.send(garbage).get();
            producer.send(new ProducerRecord<>(SiklusSystem.TOPIC, aggregate,
                    "{\"not\":\"an event\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        String code = newKelurahanCode();
        assertThat(registerKelurahan(code).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> kelurahanView(code) != null);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(mongo.count(new Query(), "parked_records")).isEqualTo(parkedBefore + 2));
        assertThat(meters.find("siklus.projection.parked").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum()).isGreaterThanOrEqualTo(2);
        JsonNode health = system.get(system.queryUrl("/actuator/health"), system.token("ADMIN")).json();
        assertThat(health.at("/components/parkedRecords/details/parkedRecords").asLong())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void bothServicesPublishHealthMetricsAndApiDocumentation() throws Exception {
        for (String base : List.of(system.commandUrl(""), system.queryUrl(""))) {
            assertThat(system.get(base + "/actuator/health/readiness", null).status()).isEqualTo(200);
            assertThat(system.get(base + "/actuator/health/liveness", null).status()).isEqualTo(200);
            assertThat(system.get(base + "/v3/api-docs", null).body()).contains("\"openapi\"");
            assertThat(system.get(base + "/actuator/prometheus", null).status()).isEqualTo(401);
        }
        String code = newKelurahanCode();
        registerKelurahan(code);
        await().atMost(Duration.ofSeconds(10)).until(() -> kelurahanView(code) != null);
        String commandMetrics = system.get(system.commandUrl("/actuator/prometheus"), system.token("ADMIN")).body();
        assertThat(commandMetrics).contains("siklus_commands_seconds_count{command=\"RegisterKelurahan\"");
        String queryMetrics = system.get(system.queryUrl("/actuator/prometheus"), system.token("ADMIN")).body();
        assertThat(queryMetrics).contains("siklus_projection_lag_seconds_count{processor=\"kelurahan-directory\"");
        assertThat(queryMetrics).contains("eventProcessor");
    }

    private static SiklusSystem.Response registerHouseholdWithKey(String code, String key, String headName)
            throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(system.commandUrl("/api/v1/kelurahan/" + code + "/households")))
                .header("Authorization", "Bearer " + system.token("LKM", code))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"rw":"01","rt":"001","headName":"%s","members":2,"povertyStatus":"MISKIN"}"""
                        .formatted(headName)))
                .build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        return new SiklusSystem.Response(response.statusCode(),
                response.headers().firstValue("Idempotent-Replayed").map(v -> "replayed").orElse("")
                        + "|" + response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRecordsOnceAndGetsTheSameAnswer() throws Exception {
        String code = newKelurahanCode();
        prepareKelurahan(code);
        long before = system.storedEvents();

        SiklusSystem.Response first = registerHouseholdWithKey(code, "retry-" + code, "Keluarga Ulang");
        SiklusSystem.Response retry = registerHouseholdWithKey(code, "retry-" + code, "Keluarga Ulang");

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.contentType()).startsWith("replayed|");
        assertThat(retry.json().get("householdId")).isEqualTo(first.json().get("householdId"));
        assertThat(system.storedEvents()).isEqualTo(before + 1);

        SiklusSystem.Response reused = registerHouseholdWithKey(code, "retry-" + code, "Keluarga Lain");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(system.storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void concurrentIdenticalRequestsWithOneIdempotencyKeyRecordExactlyOneEvent() throws Exception {
        String code = newKelurahanCode();
        prepareKelurahan(code);
        long before = system.storedEvents();
        int clients = 50;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<SiklusSystem.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return registerHouseholdWithKey(code, "burst-" + code, "Keluarga Serentak");
                }));
            }
            start.countDown();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var answer : answers) {
                SiklusSystem.Response response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(response.status()).as(response.body()).isEqualTo(201);
                ids.add(response.json().get("householdId").asText());
            }
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(system.storedEvents()).isEqualTo(before + 1);
    }

    @Test
    void aHouseholdIdOfOneKelurahanCannotBeTakenByAnother() throws Exception {
        String first = newKelurahanCode();
        String second = newKelurahanCode();
        prepareKelurahan(first);
        prepareKelurahan(second);
        String id = UUID.randomUUID().toString();
        String body = """
                {"householdId":"%s","rw":"01","rt":"001","headName":"Keluarga Satu","members":2,"povertyStatus":"MISKIN"}"""
                .formatted(id);
        assertThat(system.post(system.commandUrl("/api/v1/kelurahan/" + first + "/households"),
                system.token("LKM", first), body).status()).isEqualTo(201);
        long before = system.storedEvents();

        SiklusSystem.Response taken = system.post(system.commandUrl("/api/v1/kelurahan/" + second + "/households"),
                system.token("LKM", second), body);

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asText()).isEqualTo("HOUSEHOLD_ID_TAKEN");
        assertThat(system.storedEvents()).isEqualTo(before);
    }
}
