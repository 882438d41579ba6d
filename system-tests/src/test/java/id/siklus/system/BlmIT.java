package id.siklus.system;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** BLM through the HTTP API on real infrastructure: pagu, uses, the pagu rule, money as whole rupiah throughout. */
class BlmIT {


    private HttpResponse<String> post(SiklusSystem system, String path, String token, String key, String body)
            throws Exception {
        return KeyedCommands.send(system, path, token, key, body);
    }

    @Test
    void theYearsUsesStayWithinItsPaguAndMoneyIsStoredAsWholeRupiah() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = "35.74.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        system.prepareKelurahan(code);
        String lkm = system.token("LKM", code);
        String stages = "/api/v1/kelurahan/" + code + "/cycle-stages";
        assertThat(post(system, stages, lkm, "lkm-" + code, """
                {"stage":"PEMBENTUKAN_LKM","heldOn":"2009-06-06","participants":{"men":30,"women":28,"poor":20},
                 "lkmName":"LKM Maju Bersama"}""").statusCode()).isEqualTo(200);

        String blm = "/api/v1/kelurahan/" + code + "/blm/2010";
        HttpResponse<String> beforePlan = post(system, blm + "/allocation", system.token("ADMIN"), "pagu-" + code,
                "{\"pagu\":200000000,\"receivedOn\":\"2010-02-01\"}");
        assertThat(beforePlan.statusCode()).as(beforePlan.body()).isEqualTo(201);
        HttpResponse<String> noPlan = post(system, blm + "/disbursements", lkm, "early-" + code, """
                {"category":"LINGKUNGAN","amount":1000000,"activity":"Saluran","disbursedOn":"2010-03-01"}""");
        assertThat(noPlan.statusCode()).isEqualTo(409);
        assertThat(system.json.readTree(noPlan.body()).get("code").asText()).isEqualTo("CYCLE_ORDER");

        assertThat(post(system, stages, lkm, "pjm-" + code, """
                {"stage":"PJM_PRONANGKIS","heldOn":"2009-08-15","participants":{"men":30,"women":28,"poor":20},
                 "fromYear":2010,"toYear":2012}""").statusCode()).isEqualTo(200);
        HttpResponse<String> used = post(system, blm + "/disbursements", lkm, "use-1-" + code, """
                {"category":"LINGKUNGAN","amount":120750000,"activity":"Saluran RW 03","disbursedOn":"2010-03-01"}""");
        assertThat(used.statusCode()).as(used.body()).isEqualTo(201);

        long before = system.storedEvents();
        HttpResponse<String> tooMuch = post(system, blm + "/disbursements", lkm, "use-2-" + code, """
                {"category":"EKONOMI","amount":79250001,"activity":"Modal bergulir","disbursedOn":"2010-03-02"}""");
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(system.json.readTree(tooMuch.body()).get("code").asText()).isEqualTo("BLM_PAGU_EXCEEDED");
        assertThat(system.json.readTree(tooMuch.body()).get("detail").asText()).contains("79250000");
        assertThat(system.storedEvents()).isEqualTo(before);

        assertThat(post(system, blm + "/disbursements", lkm, "use-3-" + code, """
                {"category":"EKONOMI","amount":79250000,"activity":"Modal bergulir","disbursedOn":"2010-03-02"}""")
                .statusCode()).isEqualTo(201);

        try (Connection connection = DriverManager.getConnection(system.infrastructure.jdbcUrl(),
                system.infrastructure.jdbcUsername(), system.infrastructure.jdbcPassword());
             PreparedStatement statement = connection.prepareStatement("SELECT convert_from(payload, 'UTF8') FROM "
                     + "domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE '%BlmDisbursed' "
                     + "ORDER BY sequence_number DESC LIMIT 1")) {
            statement.setString(1, code);
            ResultSet row = statement.executeQuery();
            assertThat(row.next()).isTrue();
            var payload = system.json.readTree(row.getString(1));
            assertThat(payload.get("amount").isIntegralNumber()).as(row.getString(1)).isTrue();
            assertThat(payload.get("amount").asLong()).isEqualTo(79_250_000L);
            assertThat(payload.get("remainingPagu").asLong()).isZero();
        }

        // a household after the BLM events, in the same partition (key = kelurahan code): once the query side shows
        // it, it has read every BLM event before it, and none of them may have been parked as unreadable
        assertThat(post(system, "/api/v1/kelurahan/" + code + "/households", lkm, "hh-" + code, """
                {"rw":"01","rt":"001","headName":"Keluarga Akhir","members":3,"povertyStatus":"MISKIN"}""")
                .statusCode()).isEqualTo(201);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() ->
                system.get(system.queryUrl("/api/v1/kelurahan/" + code + "/poverty-map"), system.token("MONITOR"))
                        .body().contains("\"households\":1"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .untilAsserted(() -> assertBlmViewEqualsAFoldOfTheStoredEvents(system, code));
        var cycle = system.json.readTree(system.get(system.queryUrl("/api/v1/kelurahan/" + code + "/cycle"),
                system.token("MONITOR")).body());
        assertThat(cycle.get("lkmName").asText()).isEqualTo("LKM Maju Bersama");
        assertThat(cycle.get("stages")).hasSize(3);
        assertThat(cycle.at("/plans/0/fromYear").asInt()).isEqualTo(2010);
        assertThat(cycle.get("nextExpectedStage").asText()).isEqualTo("REVIEW_PARTISIPATIF");
        var mongo = system.queryService.getBean(org.springframework.data.mongodb.core.MongoTemplate.class);
        assertThat(mongo.count(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("key").is(code)), "parked_records"))
                .isZero();
    }

    /**
     * The oracle: the BLM events of the kelurahan, read straight from the event store and folded here, independently
     * of the projection's code, must give every figure of the view.
     */
    private void assertBlmViewEqualsAFoldOfTheStoredEvents(SiklusSystem system, String code) throws Exception {
        java.util.Map<Integer, long[]> fold = new java.util.TreeMap<>();
        java.util.List<String> categories = java.util.List.of("LINGKUNGAN", "EKONOMI", "SOSIAL", "BOP");
        try (Connection connection = DriverManager.getConnection(system.infrastructure.jdbcUrl(),
                system.infrastructure.jdbcUsername(), system.infrastructure.jdbcPassword());
             PreparedStatement statement = connection.prepareStatement("SELECT payload_type, convert_from(payload, "
                     + "'UTF8') FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE "
                     + "'%.blm.%' ORDER BY sequence_number")) {
            statement.setString(1, code);
            ResultSet rows = statement.executeQuery();
            while (rows.next()) {
                var event = system.json.readTree(rows.getString(2));
                long[] year = fold.computeIfAbsent(event.get("year").asInt(), y -> new long[5]);
                if (rows.getString(1).endsWith("BlmAllocated")) {
                    year[0] = event.get("pagu").asLong();
                } else {
                    year[1 + categories.indexOf(event.get("category").asText())] += event.get("amount").asLong();
                }
            }
        }
        assertThat(fold).isNotEmpty();
        var view = system.json.readTree(system.get(system.queryUrl("/api/v1/kelurahan/" + code + "/blm"),
                system.token("AUDITOR")).body());
        assertThat(view.get("years")).hasSize(fold.size());
        long totalUsed = 0;
        int i = 0;
        for (var entry : fold.entrySet()) {
            var year = view.get("years").get(i++);
            long[] expected = entry.getValue();
            long used = expected[1] + expected[2] + expected[3] + expected[4];
            totalUsed += used;
            assertThat(year.get("year").asInt()).isEqualTo(entry.getKey());
            assertThat(year.get("pagu").asLong()).isEqualTo(expected[0]);
            assertThat(year.get("lingkungan").asLong()).isEqualTo(expected[1]);
            assertThat(year.get("ekonomi").asLong()).isEqualTo(expected[2]);
            assertThat(year.get("sosial").asLong()).isEqualTo(expected[3]);
            assertThat(year.get("bop").asLong()).isEqualTo(expected[4]);
            assertThat(year.get("total").asLong()).isEqualTo(used);
            assertThat(year.get("remaining").asLong()).isEqualTo(expected[0] - used);
            assertThat(year.get("pagu").isIntegralNumber()).isTrue();
        }
        assertThat(view.at("/totals/total").asLong()).isEqualTo(totalUsed);
        String csv = system.getWithAccept(system.queryUrl("/api/v1/kelurahan/" + code + "/blm"),
                system.token("AUDITOR"), "text/csv");
        assertThat(csv).startsWith("year,pagu,lingkungan,ekonomi,sosial,bop,total,remaining\n");
        assertThat(csv.lines()).hasSize(fold.size() + 1);
    }
}
