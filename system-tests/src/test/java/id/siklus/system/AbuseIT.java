package id.siklus.system;

import id.siklus.localstack.TokenMinter.TokenRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Garbage and abuse at the edge: refused with 400/401/403 or kept as plain text, and nothing written by a refusal. */
class AbuseIT {

    private static SiklusSystem system;
    private static String code;
    private static String other;
    private static String otherHousehold;

    @BeforeAll
    static void twoKelurahan() throws Exception {
        system = SiklusSystem.get();
        code = "35.78.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        other = "35.79.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        system.prepareKelurahan(code);
        system.prepareKelurahan(other);
        otherHousehold = UUID.randomUUID().toString();
        assertThat(system.post(system.commandUrl("/api/v1/kelurahan/" + other + "/households"),
                system.token("LKM", other), """
                        {"householdId":"%s","rw":"01","rt":"001","headName":"Keluarga Lain","members":2,
                         "povertyStatus":"MISKIN","nik":"3579010101010001"}""".formatted(otherHousehold))
                .status()).isEqualTo(201);
    }

    private static final String HOUSEHOLD = """
            {"rw":"01","rt":"001","headName":"Keluarga Uji","members":2,"povertyStatus":"MISKIN"}""";

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void badTokensAreUnauthenticatedAndWriteNothing() throws Exception {
        String valid = system.token("LKM", code);
        String[] parts = valid.split("\\.");
        String tamperedSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        String algNone = base64("{\"alg\":\"none\"}") + "." + parts[1] + ".";
        String changedClaims = parts[0] + "." + base64("{\"sub\":\"x\",\"roles\":[\"ADMIN\"],\"iss\":\"siklus-local\","
                + "\"aud\":\"siklus\",\"exp\":4102444800}") + "." + parts[2];
        List<String> tokens = List.of("", "garbage", algNone, tamperedSignature, changedClaims,
                system.tokens.mint(TokenRequest.of("LKM", code).withValidity(Duration.ofMinutes(-5))),
                system.tokens.mint(TokenRequest.of("LKM", code).withIssuer("https://elsewhere.example")),
                system.tokens.mint(TokenRequest.of("LKM", code).withAudience("another-system")));
        long before = system.storedEvents();
        for (String token : tokens) {
            SiklusSystem.Response response = system.post(system.commandUrl("/api/v1/kelurahan/" + code
                    + "/households"), token.isEmpty() ? null : token, HOUSEHOLD);
            assertThat(response.status()).as("token '%s…'", token.substring(0, Math.min(20, token.length())))
                    .isEqualTo(401);
            assertThat(response.json().get("code").asText()).isEqualTo("UNAUTHENTICATED");
        }
        assertThat(system.storedEvents()).isEqualTo(before);
    }

    @Test
    void oneKelurahansLkmCanNeitherWriteNorReadPersonalDataOfAnother() throws Exception {
        String mine = system.token("LKM", code);
        long before = system.storedEvents();

        assertThat(system.post(system.commandUrl("/api/v1/kelurahan/" + other + "/households"), mine, HOUSEHOLD)
                .status()).isEqualTo(403);
        assertThat(system.post(system.commandUrl("/api/v1/kelurahan/" + other + "/cycle-stages"), mine, """
                {"stage":"PEMBENTUKAN_LKM","heldOn":"2009-06-06","participants":{"men":1,"women":1,"poor":0},
                 "lkmName":"LKM Palsu"}""").status()).isEqualTo(403);
        // the other kelurahan's household named in a body of my own kelurahan is not mine to use
        SiklusSystem.Response ksm = system.post(system.commandUrl("/api/v1/kelurahan/" + code + "/cycle-stages"),
                mine, """
                        {"stage":"PEMBENTUKAN_LKM","heldOn":"2009-06-06","participants":{"men":1,"women":1,"poor":0},
                         "lkmName":"LKM Uji"}""");
        assertThat(ksm.status()).isEqualTo(200);
        before = system.storedEvents();
        SiklusSystem.Response borrowed = system.post(system.commandUrl("/api/v1/kelurahan/" + code + "/ksm"), mine,
                """
                {"name":"KSM Pinjam","purpose":"SOSIAL","memberHouseholdIds":["%s"],"formedOn":"2009-07-01"}"""
                        .formatted(otherHousehold));
        assertThat(borrowed.status()).isEqualTo(404);
        assertThat(borrowed.json().get("code").asText()).isEqualTo("HOUSEHOLD_NOT_FOUND");
        assertThat(system.storedEvents()).isEqualTo(before);

        assertThat(system.get(system.queryUrl("/api/v1/kelurahan/" + other + "/households"), mine).status())
                .isEqualTo(403);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> system.get(
                system.queryUrl("/api/v1/households/" + otherHousehold), system.token("AUDITOR")).status() == 200);
        assertThat(system.get(system.queryUrl("/api/v1/households/" + otherHousehold), mine).status())
                .isEqualTo(403);
        assertThat(system.get(system.queryUrl("/api/v1/audit/entities/" + otherHousehold + "/events"), mine)
                .status()).isEqualTo(403);
    }

    @Test
    void operatorsExpressionsAndHugeStringsAreRefusedOrKeptAsPlainText() throws Exception {
        String lkm = system.token("LKM", code);
        String id = UUID.randomUUID().toString();
        SiklusSystem.Response plain = system.post(system.commandUrl("/api/v1/kelurahan/" + code + "/households"), lkm,
                """
                {"householdId":"%s","rw":"01","rt":"001","headName":"{\\"$ne\\":null} #{T(java.lang.Runtime)}",
                 "members":2,"povertyStatus":"MISKIN"}""".formatted(id));
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                system.get(system.queryUrl("/api/v1/households/" + id), lkm).json().get("headName").asText())
                .isEqualTo("{\"$ne\":null} #{T(java.lang.Runtime)}"));

        long before = system.storedEvents();
        List<String> refused = List.of(
                "{\"rw\":{\"$ne\":null},\"rt\":\"001\",\"headName\":\"x\",\"members\":2,\"povertyStatus\":\"MISKIN\"}",
                "{\"rw\":\"01\",\"rt\":\"001\",\"headName\":{\"$where\":\"sleep(1000)\"},\"members\":2,"
                        + "\"povertyStatus\":\"MISKIN\"}",
                "{\"rw\":\"01\",\"rt\":\"001\",\"headName\":\"" + "x".repeat(100_000) + "\",\"members\":2,"
                        + "\"povertyStatus\":\"MISKIN\"}",
                "{\"rw\":\"01\",\"rt\":\"001\",\"headName\":\"x\",\"members\":\"2\",\"povertyStatus\":\"MISKIN\"}",
                "{\"rw\":\"01\",\"rt\":\"001\",\"headName\":\"x\",\"members\":1e1,\"povertyStatus\":\"MISKIN\"}",
                "{\"rw\":\"01\",\"rt\":\"001\",\"headName\":\"x\",\"members\":99999999999999999999,"
                        + "\"povertyStatus\":\"MISKIN\"}");
        for (String body : refused) {
            SiklusSystem.Response response = system.post(system.commandUrl("/api/v1/kelurahan/" + code
                    + "/households"), lkm, body);
            assertThat(response.status()).as(body.substring(0, Math.min(80, body.length()))).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(system.get(system.queryUrl("/api/v1/audit/events?kelurahan=%7B%22$ne%22:null%7D"),
                system.token("AUDITOR")).status()).isEqualTo(400);
        assertThat(system.get(system.queryUrl("/api/v1/kelurahan/" + "9".repeat(5000) + "/households"),
                system.token("AUDITOR")).status()).isIn(400, 404);
        assertThat(system.storedEvents()).isEqualTo(before);
    }
}
