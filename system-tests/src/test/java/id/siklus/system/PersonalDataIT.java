package id.siklus.system;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * UU PDP 27/2022 on real infrastructure: names and NIKs are sealed everywhere the system writes (PostgreSQL, Kafka,
 * MongoDB, logs), only the kelurahan's LKM and auditors read them, and forgetting a household erases its name and NIK
 * for good while every count, rate, KSM and loan stays as it was. The dumps are searched byte by byte.
 */
class PersonalDataIT {

    private static final Duration PROJECTION = Duration.ofSeconds(20);
    /** The loggers that could write a request, a command or an event, at DEBUG for the whole scenario. */
    private static final List<String> VERBOSE_LOGGERS = List.of("id.siklus", "org.axonframework",
            "org.springframework.web", "org.springframework.security", "org.springframework.jdbc",
            "org.springframework.data.mongodb");


    private record Family(String id, String name, String nik, String rw, String rt, String status) {

        String body() {
            return """
                    {"householdId":"%s","rw":"%s","rt":"%s","headName":"%s","members":4,"povertyStatus":"%s",%s
                     "registeredOn":"2009-04-25"}""".formatted(id, rw, rt, name, status,
                    nik == null ? "" : "\"nik\":\"" + nik + "\",");
        }
    }

    @Test
    void forgettingAHouseholdLeavesNoPlaintextAnywhereAndChangesNoCountKsmOrLoan() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = "35.77.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        String otherCode = "35.77.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        String nikBase = "35710%05d".formatted(ThreadLocalRandom.current().nextInt(0, 100_000));
        Family forgotten = new Family(UUID.randomUUID().toString(), "Ratna Zulaikha Purbasari", nikBase + "790011",
                "01", "001", "MISKIN");
        Family kept = new Family(UUID.randomUUID().toString(), "Wahyu Trisnanto Mangkubumi", nikBase + "810022",
                "01", "001", "MISKIN");
        Family third = new Family(UUID.randomUUID().toString(), "Candrawati Sulistyaningsih", null, "01", "002",
                "MISKIN");
        Family fourth = new Family(UUID.randomUUID().toString(), "Sumarsih Handayaningrum", nikBase + "750033",
                "02", "001", "HAMPIR_MISKIN");
        List<Family> families = List.of(forgotten, kept, third, fourth);

        String lkm = system.token("LKM", code);
        String otherLkm = system.token("LKM", otherCode);
        String admin = system.token("ADMIN");
        String monitor = system.token("MONITOR");
        String auditor = system.token("AUDITOR");
        List<String> tokens = List.of(lkm, otherLkm, admin, monitor, auditor);

        LogCapture logs = LogCapture.attach();
        Map<String, String> before;
        try {
            // --- a kelurahan with four families, a KSM of them and a loan to it -------------------------------------
            system.prepareKelurahan(code);
            String base = "/api/v1/kelurahan/" + code;
            for (Family family : families) {
                expect(post(system, base + "/households", lkm, family.body(), null), 201);
            }
            expect(post(system, base + "/cycle-stages", lkm, """
                    {"stage":"PEMBENTUKAN_LKM","heldOn":"2009-06-06","participants":{"men":9,"women":9,"poor":5},
                     "lkmName":"LKM Uji"}""", null), 200);
            expect(post(system, base + "/cycle-stages", lkm, """
                    {"stage":"PJM_PRONANGKIS","heldOn":"2009-08-15","participants":{"men":9,"women":9,"poor":5},
                     "fromYear":2010,"toYear":2012}""", null), 200);
            String ksmId = UUID.randomUUID().toString();
            expect(post(system, base + "/ksm", lkm, """
                    {"ksmId":"%s","name":"KSM Rukun","purpose":"EKONOMI","memberHouseholdIds":["%s","%s","%s","%s"],
                     "formedOn":"2009-09-01"}""".formatted(ksmId, forgotten.id(), kept.id(), third.id(), fourth.id()),
                    null), 201);
            expect(post(system, base + "/blm/2010/allocation", admin,
                    "{\"pagu\":200000000,\"receivedOn\":\"2010-02-01\"}", UUID.randomUUID().toString()), 201);
            expect(post(system, base + "/blm/2010/disbursements", lkm, """
                    {"category":"EKONOMI","amount":50000000,"activity":"Modal","disbursedOn":"2010-03-02"}""",
                    UUID.randomUUID().toString()), 201);
            expect(post(system, base + "/loans", lkm, """
                    {"loanId":"%s","ksmId":"%s","principal":2000000,"termMonths":10,"monthlyFeeBasisPoints":150,
                     "disbursedOn":"2010-04-01"}""".formatted(UUID.randomUUID(), ksmId),
                    UUID.randomUUID().toString()), 201);

            // --- who reads names: the kelurahan's LKM and auditors; monitors, admins and other LKM do not -----------
            await().atMost(PROJECTION).untilAsserted(() -> {
                JsonNode view = get(system, "/api/v1/households/" + kept.id(), lkm, 200);
                assertThat(view.path("headName").asText()).isEqualTo(kept.name());
                assertThat(view.path("personalData").asText()).isEqualTo("SHOWN");
                assertThat(get(system, "/api/v1/kelurahan/" + code + "/households?size=50", lkm, 200)
                        .path("totalItems").asLong()).isEqualTo(4);
                assertThat(get(system, base + "/revolving-fund", monitor, 200).path("principalLent").asLong())
                        .isEqualTo(2_000_000L);
            });
            assertThat(get(system, "/api/v1/households/" + forgotten.id(), auditor, 200).path("headName").asText())
                    .isEqualTo(forgotten.name());
            for (String reader : List.of(monitor, admin)) {
                JsonNode view = get(system, "/api/v1/households/" + forgotten.id(), reader, 200);
                assertThat(view.path("headName").isNull()).isTrue();
                assertThat(view.path("personalData").asText()).isEqualTo("WITHHELD");
                String page = system.get(system.queryUrl(base + "/households?size=50"), reader).body();
                families.forEach(family -> assertThat(page).doesNotContain(family.name()));
            }
            assertThat(get(system, "/api/v1/households/" + forgotten.id(), otherLkm, 403).path("code").asText())
                    .isEqualTo("KELURAHAN_NOT_PERMITTED");
            assertThat(get(system, base + "/households", otherLkm, 403).path("code").asText())
                    .isEqualTo("KELURAHAN_NOT_PERMITTED");
            String lkmCsv = system.getWithAccept(system.queryUrl(base + "/households?size=50"), lkm, "text/csv");
            assertThat(lkmCsv).contains(forgotten.name()).contains(kept.name());
            before = views(system, base, monitor);

            // --- refusals write nothing ------------------------------------------------------------------------------
            String forget = base + "/households/" + forgotten.id() + "/personal-data/forget";
            String legalBasis = "{\"legalBasis\":\"UU PDP 27/2022 Pasal 8, permintaan subjek data no. 17/XI/2026\"}";
            long events = system.storedEvents();
            assertThat(post(system, forget, lkm, legalBasis, null).statusCode()).isEqualTo(403);
            assertThat(post(system, forget, admin, "{\"legalBasis\":\" \"}", null).statusCode()).isEqualTo(400);
            assertThat(post(system, base + "/households/" + UUID.randomUUID() + "/personal-data/forget", admin,
                    legalBasis, null).statusCode()).isEqualTo(404);
            assertThat(system.storedEvents()).isEqualTo(events);

            // --- forget, once; the retry with its key replays, a new request is refused ------------------------------
            String key = UUID.randomUUID().toString();
            HttpResponse<String> erased = post(system, forget, admin, legalBasis, key);
            expect(erased, 200);
            assertThat(system.json.readTree(erased.body()).path("personalData").asText()).isEqualTo("ERASED");
            HttpResponse<String> replayed = post(system, forget, admin, legalBasis, key);
            expect(replayed, 200);
            assertThat(replayed.headers().firstValue("Idempotent-Replayed")).hasValue("true");
            HttpResponse<String> again = post(system, forget, admin, legalBasis, null);
            expect(again, 409);
            assertThat(system.json.readTree(again.body()).path("code").asText())
                    .isEqualTo("PERSONAL_DATA_ALREADY_FORGOTTEN");
            assertThat(system.storedEvents()).isEqualTo(events + 1);

            // --- the views: erased for everyone, the rest unchanged --------------------------------------------------
            await().atMost(PROJECTION).untilAsserted(() -> {
                for (String reader : List.of(lkm, auditor, monitor)) {
                    JsonNode view = get(system, "/api/v1/households/" + forgotten.id(), reader, 200);
                    assertThat(view.path("headName").isNull()).isTrue();
                    assertThat(view.path("personalData").asText()).isEqualTo("ERASED");
                    assertThat(view.path("povertyStatus").asText()).isEqualTo("MISKIN");
                }
            });
            assertThat(get(system, "/api/v1/households/" + kept.id(), lkm, 200).path("headName").asText())
                    .as("another household's name still opens for its LKM").isEqualTo(kept.name());
            assertThat(get(system, "/api/v1/households/" + fourth.id(), auditor, 200).path("headName").asText())
                    .isEqualTo(fourth.name());
            assertThat(views(system, base, monitor)).as("counts, poverty rates, KSM and loans").isEqualTo(before);
            String csvAfter = system.getWithAccept(system.queryUrl(base + "/households?size=50"), lkm, "text/csv");
            assertThat(csvAfter).doesNotContain(forgotten.name()).contains(kept.name());
            assertThat(get(system, "/api/v1/households/" + forgotten.id(), otherLkm, 403).path("code").asText())
                    .isEqualTo("KELURAHAN_NOT_PERMITTED");
            assertThat(system.get(system.queryUrl("/api/v1/audit/entities/" + forgotten.id() + "/events"), auditor)
                    .body()).contains("HouseholdPersonalDataForgotten").doesNotContain(forgotten.name())
                    .doesNotContain(forgotten.nik());
            assertKeyDestroyed(system, forgotten.id());
            // the journal and every topic record has arrived before the dumps are taken
            await().atMost(PROJECTION).untilAsserted(() -> assertThat(system.get(system.queryUrl(
                    "/api/v1/audit/entities/" + forgotten.id() + "/events"), auditor).body())
                    .contains("HouseholdPersonalDataForgotten"));
        } finally {
            logs.stop();
        }

        // --- the dumps: no name and no NIK in plaintext, of any family, anywhere ------------------------------------
        Map<String, String> dumps = new HashMap<>();
        dumps.put("PostgreSQL", dumpPostgres(system));
        dumps.put("Kafka topic", dumpTopic(system));
        dumps.put("MongoDB", dumpMongo(system));
        dumps.put("service logs", logs.text());
        // positive control: plaintext an event does carry (the legal basis) is found in each store's dump
        for (String store : List.of("PostgreSQL", "Kafka topic", "MongoDB")) {
            assertThat(dumps.get(store)).as(store + " dump finds plaintext of an event")
                    .contains("permintaan subjek data no. 17/XI/2026");
        }
        assertThat(dumps.get("PostgreSQL")).as("the dump holds the events").contains(forgotten.id())
                .contains("HouseholdRegistered");
        assertThat(dumps.get("Kafka topic")).contains(forgotten.id()).contains("HouseholdPersonalDataForgotten");
        assertThat(dumps.get("MongoDB")).contains(forgotten.id()).contains("ERASED");
        assertThat(logs.lines()).as("the captured logs include DEBUG lines of the requests").isGreaterThan(50);
        assertThat(dumps.get("service logs")).as("the log capture saw the requests, their bodies and answers")
                .contains(code).contains("Read \"application/json").contains("Completed 201 CREATED")
                .contains("RegisterHouseholdRequest[householdId=" + forgotten.id());
        for (Map.Entry<String, String> dump : dumps.entrySet()) {
            for (Family family : families) {
                assertThat(dump.getValue()).as("%s holds the name of household %s", dump.getKey(), family.id())
                        .doesNotContain(family.name());
                if (family.nik() != null) {
                    assertThat(dump.getValue()).as("%s holds the NIK of household %s", dump.getKey(), family.id())
                            .doesNotContain(family.nik());
                }
            }
        }
        for (String token : tokens) {
            assertThat(dumps.get("service logs")).as("a bearer token in the logs")
                    .doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
    }

    // --- the views that must not change ------------------------------------------------------------------------------

    private Map<String, String> views(SiklusSystem system, String base, String monitor) throws Exception {
        Map<String, String> views = new HashMap<>();
        for (String view : List.of("", "/poverty-map", "/ksm", "/revolving-fund", "/cycle")) {
            SiklusSystem.Response response = system.get(system.queryUrl(base + view), monitor);
            assertThat(response.status()).as(view + ": " + response.body()).isEqualTo(200);
            views.put(view, response.body());
        }
        return views;
    }

    private static void assertKeyDestroyed(SiklusSystem system, String householdId) throws Exception {
        try (Connection connection = connect(system);
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT wrapped_key, destroyed_at, legal_basis, destroyed_by "
                     + "FROM siklus_keys.household_key WHERE household_id = '" + householdId + "'")) {
            assertThat(row.next()).as("a key row for the household").isTrue();
            assertThat(row.getBytes(1)).as("the wrapped key").isNull();
            assertThat(row.getTimestamp(2)).isNotNull();
            assertThat(row.getString(3)).startsWith("UU PDP 27/2022 Pasal 8");
            assertThat(row.getString(4)).isNotBlank();
        }
    }

    // --- dumps -----------------------------------------------------------------------------------------------------

    /** Every row of every table outside the system catalogs; bytea both as PostgreSQL prints it and as UTF-8. */
    private static String dumpPostgres(SiklusSystem system) throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = connect(system); Statement sql = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet names = sql.executeQuery("SELECT table_schema || '.' || table_name FROM "
                    + "information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN "
                    + "('pg_catalog', 'information_schema')")) {
                while (names.next()) {
                    tables.add(names.getString(1));
                }
            }
            assertThat(tables).contains("public.domain_event_entry", "public.idempotency_record",
                    "siklus_keys.household_key");
            for (String table : tables) {
                try (ResultSet rows = sql.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData columns = rows.getMetaData();
                    while (rows.next()) {
                        dump.append(table).append(':');
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            int type = columns.getColumnType(i);
                            if (type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY) {
                                byte[] bytes = rows.getBytes(i);
                                dump.append(' ').append(rows.getString(i)).append(' ')
                                        .append(bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8));
                            } else {
                                dump.append(' ').append(rows.getString(i));
                            }
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    /** Every record of the topic from the beginning: key, value and headers (Axon's metadata) as UTF-8. */
    private static String dumpTopic(SiklusSystem system) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.infrastructure.kafkaBootstrapServers());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        StringBuilder dump = new StringBuilder();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(SiklusSystem.TOPIC).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("reading the topic to its end").isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    dump.append(record.partition()).append('@').append(record.offset()).append(' ')
                            .append(utf8(record.key())).append(' ').append(utf8(record.value()));
                    for (Header header : record.headers()) {
                        dump.append(' ').append(header.key()).append('=').append(utf8(header.value()));
                    }
                    dump.append('\n');
                }
            }
        }
        return dump.toString();
    }

    /** Every document of every collection of the read-model database. */
    private static String dumpMongo(SiklusSystem system) {
        MongoTemplate mongo = system.queryService.getBean(MongoTemplate.class);
        StringBuilder dump = new StringBuilder();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                dump.append(collection).append(' ').append(document.toJson()).append('\n');
            }
        }
        return dump.toString();
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static Connection connect(SiklusSystem system) throws Exception {
        return DriverManager.getConnection(system.infrastructure.jdbcUrl(), system.infrastructure.jdbcUsername(),
                system.infrastructure.jdbcPassword());
    }

    // --- HTTP ------------------------------------------------------------------------------------------------------

    private HttpResponse<String> post(SiklusSystem system, String path, String token, String body, String key)
            throws Exception {
        return KeyedCommands.send(system, path, token, key, body);
    }

    private static JsonNode get(SiklusSystem system, String path, String token, int status) throws Exception {
        SiklusSystem.Response response = system.get(system.queryUrl(path), token);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(status);
        return response.json();
    }

    private static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
    }

    /**
     * Everything the services log while the scenario runs, with the loggers that could write a request, a command or
     * an event turned up to DEBUG (and kept off the console while they are).
     */
    private static final class LogCapture extends AppenderBase<ILoggingEvent> {

        private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
        private final Map<Logger, Level> levels = new HashMap<>();
        private final Map<Logger, Boolean> additivity = new HashMap<>();

        static LogCapture attach() {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            LogCapture capture = new LogCapture();
            capture.setContext(context);
            capture.setName("personal-data-it");
            capture.start();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(capture);
            for (String name : VERBOSE_LOGGERS) {
                Logger logger = context.getLogger(name);
                capture.levels.put(logger, logger.getLevel());
                capture.additivity.put(logger, logger.isAdditive());
                logger.setLevel(Level.DEBUG);
                logger.setAdditive(false);
                logger.addAppender(capture);
            }
            return capture;
        }

        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
                    .append(event.getFormattedMessage());
            event.getMDCPropertyMap().forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            if (event.getThrowableProxy() != null) {
                line.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
            lines.add(line.toString());
        }

        @Override
        public void stop() {
            LoggerContext context = (LoggerContext) getContext();
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this);
            levels.forEach((logger, level) -> {
                logger.detachAppender(this);
                logger.setLevel(level);
                logger.setAdditive(additivity.get(logger));
            });
            super.stop();
        }

        int lines() {
            return lines.size();
        }

        String text() {
            return String.join("\n", lines);
        }
    }
}
