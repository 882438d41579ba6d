package id.siklus.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event is chained to its aggregate's previous one when it is appended. Each of the four ways to alter the
 * history directly in PostgreSQL — change, remove, insert, reorder — is found, at the event where it happened.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TamperEvidenceIT {

    private static String newCode() {
        return "35.76.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
    }

    /** A kelurahan with its registration, two stages and three households: events #0 to #5. */
    private static String history(SiklusSystem system) throws Exception {
        String code = newCode();
        system.prepareKelurahan(code);
        for (int i = 0; i < 3; i++) {
            assertThat(system.post(system.commandUrl("/api/v1/kelurahan/" + code + "/households"),
                    system.token("LKM", code), """
                            {"rw":"01","rt":"00%d","headName":"Keluarga %d","members":3,"povertyStatus":"MISKIN"}"""
                            .formatted(i + 1, i)).status()).isEqualTo(201);
        }
        return code;
    }

    private static JsonNode verify(SiklusSystem system, String code) throws Exception {
        SiklusSystem.Response response = system.get(system.commandUrl("/api/v1/audit/verification"
                + (code == null ? "" : "?aggregate=" + code)), system.token("AUDITOR"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static void sql(SiklusSystem system, String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(system.infrastructure.jdbcUrl(),
                system.infrastructure.jdbcUsername(), system.infrastructure.jdbcPassword());
             Statement sql = connection.createStatement()) {
            sql.executeUpdate(statement);
        }
    }

    /** First, before this class alters anything: the whole store, every other test's history included, verifies. */
    @Test
    @Order(1)
    void anUntouchedHistoryVerifiesAndEveryStoredEventCarriesItsHash() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = history(system);

        JsonNode one = verify(system, code);
        assertThat(one.get("intact").asBoolean()).isTrue();
        assertThat(one.get("events").asLong()).isEqualTo(6);
        assertThat(verify(system, null).get("intact").asBoolean()).isTrue();
        // the hashes travel with the events to the query side, where auditors see the chain too
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode events = system.get(system.queryUrl("/api/v1/audit/entities/" + code + "/events"),
                    system.token("AUDITOR")).json();
            assertThat(events).hasSize(6);
            assertThat(events.get(0).get("previousEventHash").asText()).isEqualTo("0".repeat(64));
            for (int i = 1; i < events.size(); i++) {
                assertThat(events.get(i).get("previousEventHash").asText())
                        .isEqualTo(events.get(i - 1).get("eventHash").asText());
            }
        });
        assertThat(system.get(system.commandUrl("/api/v1/audit/verification"), system.token("MONITOR")).status())
                .isEqualTo(403);
        assertThat(system.get(system.commandUrl("/api/v1/audit/verification?aggregate=00.00.00.0000"),
                system.token("AUDITOR")).status()).isEqualTo(404);

        // the query side's copy verifies by the same rules; an edit in MongoDB breaks it where it was made
        JsonNode journal = system.get(system.queryUrl("/api/v1/audit/verification?aggregate=" + code),
                system.token("AUDITOR")).json();
        assertThat(journal.get("intact").asBoolean()).as(journal.toString()).isTrue();
        assertThat(journal.get("events").asLong()).isEqualTo(6);
        var mongo = system.queryService.getBean(org.springframework.data.mongodb.core.MongoTemplate.class);
        var fourth = new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("kelurahanCode").is(code)
                        .and("sequence").is(4));
        mongo.updateFirst(fourth, new org.springframework.data.mongodb.core.query.Update().set("payload.members", 9),
                "audit_journal");
        try {
            JsonNode altered = system.get(system.queryUrl("/api/v1/audit/verification?aggregate=" + code),
                    system.token("AUDITOR")).json();
            assertThat(altered.get("intact").asBoolean()).isFalse();
            assertThat(altered.at("/firstBrokenLink/sequence").asLong()).isEqualTo(4);
        } finally {
            // leave the journal as the topic would rebuild it: other tests compare read models with a rebuild
            mongo.updateFirst(fourth, new org.springframework.data.mongodb.core.query.Update()
                    .set("payload.members", 3), "audit_journal");
        }
    }

    @Test
    void aChangedPayloadIsFoundAtTheChangedEvent() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = history(system);

        sql(system, "UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"members\":3', '\"members\":9'), 'UTF8') WHERE aggregate_identifier = '" + code
                + "' AND sequence_number = 4");

        JsonNode result = verify(system, code);
        assertThat(result.get("intact").asBoolean()).isFalse();
        assertThat(result.at("/firstBrokenLink/sequence").asLong()).isEqualTo(4);
        assertThat(result.at("/firstBrokenLink/problem").asText()).contains("content differs");
    }

    @Test
    void aRemovedEventIsFoundWhereItIsMissing() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = history(system);

        sql(system, "DELETE FROM domain_event_entry WHERE aggregate_identifier = '" + code
                + "' AND sequence_number = 3");

        JsonNode result = verify(system, code);
        assertThat(result.at("/firstBrokenLink/sequence").asLong()).isEqualTo(3);
        assertThat(result.at("/firstBrokenLink/problem").asText()).contains("missing");
    }

    @Test
    void anInsertedEventDoesNotFollowTheChain() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = history(system);

        // a forged copy of event #4 appended as #6, with a fresh id: its recorded predecessor is #3's hash, not #5's
        sql(system, "INSERT INTO domain_event_entry (event_identifier, meta_data, payload, payload_revision, "
                + "payload_type, time_stamp, aggregate_identifier, sequence_number, type) SELECT '"
                + UUID.randomUUID() + "', meta_data, payload, payload_revision, payload_type, time_stamp, "
                + "aggregate_identifier, 6, type FROM domain_event_entry WHERE aggregate_identifier = '" + code
                + "' AND sequence_number = 4");

        JsonNode result = verify(system, code);
        assertThat(result.at("/firstBrokenLink/sequence").asLong()).isEqualTo(6);
        assertThat(result.at("/firstBrokenLink/problem").asText()).contains("does not follow");
    }

    @Test
    void reorderedEventsAreFoundAtTheFirstMovedEvent() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = history(system);

        sql(system, "UPDATE domain_event_entry SET sequence_number = CASE sequence_number WHEN 3 THEN 1003 "
                + "WHEN 4 THEN 3 END WHERE aggregate_identifier = '" + code + "' AND sequence_number IN (3, 4)");
        sql(system, "UPDATE domain_event_entry SET sequence_number = 4 WHERE aggregate_identifier = '" + code
                + "' AND sequence_number = 1003");

        JsonNode result = verify(system, code);
        assertThat(result.at("/firstBrokenLink/sequence").asLong()).isEqualTo(3);
        assertThat(result.get("intact").asBoolean()).isFalse();
    }
}
