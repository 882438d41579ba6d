package id.siklus.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Abuse at the edge that {@link AbuseIT} does not cover: request bodies over the limit (413, with and without a
 * Content-Length), and Mongo operators, SpEL and template expressions in every path variable and query parameter of
 * every view: refused, or treated as plain text that matches nothing, never executed.
 */
class EdgeAbuseIT {

    private static final int LIMIT = 256 * 1024;
    private static final List<String> INJECTIONS = List.of(
            "{\"$ne\":null}", "{\"$gt\":\"\"}", "{\"$where\":\"sleep(2000) || true\"}", "$where", "$ne",
            "#{T(java.lang.Runtime).getRuntime().exec('id')}", "${7*7}", "*{7*7}", "'; return true; var x='",
            "\\u0000", ".*", "^", "x".repeat(3000));

    private static SiklusSystem system;
    private static String code;
    private static String household;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void aKelurahanWithAHousehold() throws Exception {
        system = SiklusSystem.get();
        code = "35.72.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        system.prepareKelurahan(code);
        household = UUID.randomUUID().toString();
        assertThat(system.post(system.commandUrl("/api/v1/kelurahan/" + code + "/households"),
                system.token("LKM", code), """
                        {"householdId":"%s","rw":"01","rt":"001","headName":"Keluarga Rahasia","members":2,
                         "povertyStatus":"MISKIN"}""".formatted(household)).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> system.get(system.queryUrl("/api/v1/households/"
                + household), system.token("ADMIN")).status() == 200);
    }

    private static String householdBody(int headNameLength) {
        return """
                {"rw":"01","rt":"001","headName":"%s","members":2,"povertyStatus":"MISKIN"}"""
                .formatted("a".repeat(headNameLength));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413WhetherItsLengthIsAnnouncedOrNot() throws Exception {
        long before = system.storedEvents();
        String tooLarge = householdBody(LIMIT + 10);
        String url = system.commandUrl("/api/v1/kelurahan/" + code + "/households");

        HttpResponse<String> announced = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + system.token("LKM", code))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(tooLarge)).build(), HttpResponse.BodyHandlers.ofString());
        assertTooLarge(announced);

        // chunked: no Content-Length, the limit is found while reading
        HttpResponse<String> chunked = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + system.token("LKM", code))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        tooLarge.getBytes(StandardCharsets.UTF_8)))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.request().headers().firstValue("Content-Length")).isEmpty();
        assertTooLarge(chunked);

        // also without a token, and on the query side
        assertTooLarge(http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(tooLarge)).build(), HttpResponse.BodyHandlers.ofString()));
        assertTooLarge(http.send(HttpRequest.newBuilder(URI.create(system.queryUrl(
                        "/api/v1/admin/parked-records/0-0/discard")))
                .header("Authorization", "Bearer " + system.token("ADMIN"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"" + "r".repeat(LIMIT) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()));

        // under the limit the body is read and judged on its fields
        SiklusSystem.Response underLimit = system.post(url, system.token("LKM", code), householdBody(LIMIT - 200));
        assertThat(underLimit.status()).isEqualTo(400);
        assertThat(underLimit.json().get("code").asText()).isEqualTo("INVALID_FIELD");
        assertThat(system.storedEvents()).isEqualTo(before);
    }

    private static void assertTooLarge(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(system.json.readTree(response.body()).get("code").asText()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void operatorsAndExpressionsInPathsAndQueryParametersAreRefusedOrMatchNothing() throws Exception {
        String admin = system.token("ADMIN");
        List<String> pathTemplates = List.of(
                "/api/v1/kelurahan/%s", "/api/v1/kelurahan/%s/households", "/api/v1/kelurahan/%s/poverty-map",
                "/api/v1/kelurahan/%s/cycle", "/api/v1/kelurahan/%s/blm", "/api/v1/kelurahan/%s/ksm",
                "/api/v1/kelurahan/%s/revolving-fund", "/api/v1/kelurahan/%s/partnerships",
                "/api/v1/kelurahan/%s/complaints", "/api/v1/households/%s", "/api/v1/kota/%s/summary",
                "/api/v1/audit/entities/%s/events", "/api/v1/admin/parked-records/%s");
        List<String> queryTemplates = List.of(
                "/api/v1/kelurahan/" + code + "/households?page=%s", "/api/v1/kelurahan/" + code + "/households?size=%s",
                "/api/v1/audit/events?kelurahan=%s", "/api/v1/audit/events?client=%s", "/api/v1/audit/events?type=%s",
                "/api/v1/audit/events?from=%s", "/api/v1/audit/events?to=%s", "/api/v1/audit/events?page=%s",
                "/api/v1/audit/verification?aggregate=%s", "/api/v1/admin/parked-records?status=%s",
                "/api/v1/admin/parked-records?limit=%s");
        int requests = 0;
        for (String injection : INJECTIONS) {
            String segment = URLEncoder.encode(injection, StandardCharsets.UTF_8).replace("+", "%20");
            for (String template : pathTemplates) {
                check(template.formatted(segment), admin, injection);
                requests++;
            }
            for (String template : queryTemplates) {
                check(template.formatted(segment), admin, injection);
                requests++;
            }
            // operator syntax in the parameter name, as some frameworks bind it: not bound, so the plain view
            check("/api/v1/kelurahan/" + code + "/households?page[$gt]=" + segment, admin, injection);
            requests++;
        }
        System.out.printf("[edge-abuse] %d requests with operators and expressions: none executed%n", requests);
    }

    /** Refused, or plain text matching nothing: never a 5xx, never another kelurahan's data, never slow. */
    private void check(String path, String token, String injection) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(system.queryUrl(path)))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - started) / 1_000_000;
        String what = path.length() > 120 ? path.substring(0, 120) + "…" : path;
        assertThat(response.statusCode()).as("%s → %s", what, response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as("%s → %d %s", what, response.statusCode(), response.body())
                    .startsWith("application/problem+json");
        } else if (!path.contains(code)) {
            // the kelurahan's own views may show it; an operator must not make any other view match it
            assertThat(response.body()).as("%s matched real data", what).doesNotContain(household)
                    .doesNotContain("Keluarga Rahasia").doesNotContain(code);
        }
        assertThat(millis).as("%s was not executed as a script", what).isLessThan(injection.contains("sleep")
                ? 2_000 : 10_000);
    }
}
