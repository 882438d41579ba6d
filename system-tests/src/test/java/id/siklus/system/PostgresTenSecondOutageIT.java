package id.siklus.system;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL away for a full 10 s while commands keep arriving: every one is refused fast with 503, a Retry-After hint
 * and the STORE_UNAVAILABLE code; nothing is half-written (no event, no idempotency row, no gap in the kelurahan's
 * stream); and once PostgreSQL is back the service records commands again without anyone touching it.
 */
class PostgresTenSecondOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    private static final long FAST_MILLIS = 2_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> registerHousehold(SiklusSystem system, String code, String key, String householdId)
            throws Exception {
        return KeyedCommands.send(system, "/api/v1/kelurahan/" + code + "/households", system.token("LKM", code), key,
                """
                        {"householdId":"%s","rw":"03","rt":"005","headName":"Keluarga Tabah","members":4,
                         "povertyStatus":"MISKIN"}""".formatted(householdId));
    }

    @Test
    void tenSecondsWithoutPostgresRefuseEveryCommandFastWriteNothingAndHealByThemselves() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = "35.76.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        system.prepareKelurahan(code);
        long eventsBefore = system.storedEvents();
        long idempotencyBefore = count(system, "SELECT count(*) FROM idempotency_record");

        List<String> refusedKeys = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        List<String> wrongAnswers = new ArrayList<>();
        long stopped = System.nanoTime();
        system.infrastructure.stopPostgres();
        long restarted;
        int readinessDuringOutage;
        try {
            int attempt = 0;
            while (System.nanoTime() - stopped < OUTAGE.toNanos()) {
                String key = "pg-outage-" + code + "-" + attempt++;
                long sent = System.nanoTime();
                HttpResponse<String> refused = registerHousehold(system, code, key, UUID.randomUUID().toString());
                latencies.add((System.nanoTime() - sent) / 1_000_000);
                refusedKeys.add(key);
                String contentType = refused.headers().firstValue("Content-Type").orElse("");
                if (refused.statusCode() != 503 || refused.headers().firstValue("Retry-After").isEmpty()
                        || !contentType.startsWith("application/problem+json")
                        || !"STORE_UNAVAILABLE".equals(system.json.readTree(refused.body()).path("code").asText())) {
                    wrongAnswers.add(attempt + ": " + refused.statusCode() + " " + refused.headers().map() + " "
                            + refused.body());
                }
            }
            readinessDuringOutage = system.get(system.commandUrl("/actuator/health/readiness"), null).status();
        } finally {
            restarted = System.nanoTime();
            system.infrastructure.startPostgres();
        }
        long outageMillis = (restarted - stopped) / 1_000_000;
        System.out.printf("[pg-outage] PostgreSQL away %d ms; %d commands refused, latencies %s ms%n",
                outageMillis, latencies.size(), latencies);

        // it heals by itself: the first refused request, sent again, is recorded once PostgreSQL answers
        String retriedKey = refusedKeys.get(0);
        String householdId = UUID.randomUUID().toString();
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> registerHousehold(system, code, retriedKey, householdId).statusCode() == 201);
        System.out.printf("[pg-outage] first command recorded %d ms after PostgreSQL was started again%n",
                (System.nanoTime() - back) / 1_000_000);

        assertThat(wrongAnswers).as("every command during the outage: 503, Retry-After, STORE_UNAVAILABLE problem")
                .isEmpty();
        assertThat(latencies).as("each fails fast instead of hanging").allSatisfy(millis ->
                assertThat(millis).isLessThan(FAST_MILLIS));
        assertThat(outageMillis).isGreaterThanOrEqualTo(OUTAGE.toMillis());
        assertThat(latencies).as("commands kept arriving through the outage").hasSizeGreaterThanOrEqualTo(5);
        assertThat(readinessDuringOutage).isEqualTo(503);

        assertThat(registerHousehold(system, code, retriedKey, householdId).statusCode())
                .as("the key replays its answer").isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                system.get(system.commandUrl("/actuator/health/readiness"), null).status() == 200);

        // nothing half-written: exactly the one recorded command, one idempotency row, no gap in the stream
        assertThat(system.storedEvents()).isEqualTo(eventsBefore + 1);
        assertThat(count(system, "SELECT count(*) FROM idempotency_record")).isEqualTo(idempotencyBefore + 1);
        for (String key : refusedKeys.subList(1, refusedKeys.size())) {
            assertThat(countWith(system, "SELECT count(*) FROM idempotency_record WHERE idempotency_key = ?", key))
                    .as("refused key %s left no row", key).isZero();
        }
        assertThat(countWith(system, "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?", code))
                .isEqualTo(countWith(system, "SELECT coalesce(max(sequence_number), -1) + 1 FROM domain_event_entry "
                        + "WHERE aggregate_identifier = ?", code))
                .isEqualTo(4);
        await().atMost(Duration.ofSeconds(30)).until(() -> system.get(system.queryUrl("/api/v1/households/"
                + householdId), system.token("AUDITOR")).status() == 200);
    }

    private static long count(SiklusSystem system, String sql) throws SQLException {
        return countWith(system, sql, null);
    }

    private static long countWith(SiklusSystem system, String sql, String parameter) throws SQLException {
        try (Connection connection = DriverManager.getConnection(system.infrastructure.jdbcUrl(),
                system.infrastructure.jdbcUsername(), system.infrastructure.jdbcPassword());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
