package id.siklus.system;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka broker stopped and started again while 5,000 commands arrive: none fails because of Kafka, and every
 * accepted command's event reaches the read models exactly once.
 */
class KafkaOutageIT {

    private static final int COMMANDS = 5_000;
    private static final int CLIENTS = 8;

    @Test
    void everyCommandAcceptedDuringABrokerRestartReachesTheReadModelsExactlyOnce() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        // ten kelurahan of one city, 500 new households each: keys spread over the topic's partitions
        String prefix = "35.80.%02d.".formatted(ThreadLocalRandom.current().nextInt(10, 99));
        List<String> codes = new ArrayList<>();
        for (int k = 0; k < 10; k++) {
            codes.add(prefix + (1000 + k));
            system.prepareKelurahan(codes.get(k));
        }
        String token = system.tokens.mint(id.siklus.localstack.TokenMinter.TokenRequest.of("LKM",
                codes.toArray(String[]::new)));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(pool.submit(() -> {
                while (sent.incrementAndGet() <= COMMANDS) {
                    int i = sent.get();
                    String code = codes.get(i % codes.size());
                    HttpRequest request = HttpRequest.newBuilder(URI.create(system.commandUrl("/api/v1/kelurahan/"
                                    + code + "/households")))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString("""
                                    {"rw":"0%d","rt":"00%d","headName":"Keluarga %d","members":3,"povertyStatus":"%s"}"""
                                    .formatted(1 + i % 9, 1 + i % 7, i, i % 4 == 0 ? "MISKIN" : "HAMPIR_MISKIN")))
                            .build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) {
                        accepted.incrementAndGet();
                    } else {
                        failures.add(response.statusCode() + " " + response.body());
                    }
                }
                return null;
            }));
        }
        // the outage in the middle of the stream of commands
        await().atMost(Duration.ofSeconds(120)).until(() -> accepted.get() >= COMMANDS / 4);
        system.infrastructure.stopKafka();
        try {
            await().atMost(Duration.ofSeconds(120)).until(() -> accepted.get() >= COMMANDS / 2);
        } finally {
            system.infrastructure.startKafka();
        }
        for (Future<?> client : clients) {
            client.get(300, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(failures).as("commands refused during the outage").isEmpty();
        assertThat(accepted.get()).isEqualTo(COMMANDS);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            var summary = system.get(system.queryUrl("/api/v1/kota/Kediri/summary"), system.token("MONITOR")).json();
            long households = 0;
            long poor = 0;
            for (var row : summary.get("kelurahan")) {
                if (codes.contains(row.get("kelurahanCode").asText())) {
                    households += row.get("households").asLong();
                    poor += row.get("poorHouseholds").asLong();
                }
            }
            assertThat(households).isEqualTo(COMMANDS);
            assertThat(poor).isEqualTo(COMMANDS / 4);
        });
        // exactly once in the journal too: one document per stored event of those kelurahan
        var mongo = system.queryService.getBean(org.springframework.data.mongodb.core.MongoTemplate.class);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(mongo.count(
                new org.springframework.data.mongodb.core.query.Query(org.springframework.data.mongodb.core.query
                        .Criteria.where("kelurahanCode").in(codes)), "audit_journal"))
                .isEqualTo(COMMANDS + 3L * codes.size()));
    }
}
