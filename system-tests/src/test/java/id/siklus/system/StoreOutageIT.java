package id.siklus.system;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** PostgreSQL away: commands fail fast with 503 and a retry hint, nothing is half-written, service resumes by itself. */
class StoreOutageIT {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> registerHousehold(SiklusSystem system, String code, String key) throws Exception {
        return KeyedCommands.send(system, "/api/v1/kelurahan/" + code + "/households", system.token("LKM", code), key,
                """
                        {"rw":"02","rt":"004","headName":"Keluarga Sabar","members":3,"povertyStatus":"MISKIN"}""");
    }

    @Test
    void withPostgresAwayCommandsFailFastWithARetryHintAndTheServiceResumesByItself() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = "35.73.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        system.prepareKelurahan(code);
        long before = system.storedEvents();
        String key = "outage-" + code;

        system.infrastructure.stopPostgres();
        try {
            long started = System.nanoTime();
            HttpResponse<String> refused = registerHousehold(system, code, key);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(system.json.readTree(refused.body()).get("code").asText()).isEqualTo("STORE_UNAVAILABLE");
            assertThat(millis).as("fails fast instead of holding the request").isLessThan(15_000);
            assertThat(system.get(system.commandUrl("/actuator/health/readiness"), null).status()).isEqualTo(503);
        } finally {
            system.infrastructure.startPostgres();
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> registerHousehold(system, code, key).statusCode() == 201);
        assertThat(system.storedEvents()).as("the refused attempt wrote nothing; the retry wrote one event")
                .isEqualTo(before + 1);
        assertThat(system.get(system.commandUrl("/actuator/health/readiness"), null).status()).isEqualTo(200);
    }
}
