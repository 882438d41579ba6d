package id.siklus.support.trust;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class EventHashesTest {

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String hash(String previous, String payload, String metadata) throws Exception {
        return EventHashes.hash(previous, "e1", "35.71.03.1001", 4, "id.siklus.api.household.HouseholdRegistered",
                "2026-11-28T02:41:22.597Z", bytes(payload), bytes(metadata));
    }

    @Test
    void theHashDoesNotDependOnKeyOrderOrOnTheHashKeysThemselves() throws Exception {
        String a = hash(EventHashes.GENESIS, "{\"a\":1,\"b\":{\"y\":2,\"x\":[1,2]}}", "{\"clientId\":\"c\",\"userId\":\"u\"}");
        String b = hash(EventHashes.GENESIS, "{\"b\":{\"x\":[1,2],\"y\":2},\"a\":1}",
                "{\"userId\":\"u\",\"eventHash\":\"f00\",\"clientId\":\"c\",\"previousEventHash\":\"ba5\"}");

        assertThat(a).isEqualTo(b).hasSize(64);
    }

    @Test
    void anyChangeOfPayloadMetadataOrPredecessorChangesTheHash() throws Exception {
        String original = hash(EventHashes.GENESIS, "{\"members\":3}", "{\"clientId\":\"c\"}");

        assertThat(hash(EventHashes.GENESIS, "{\"members\":9}", "{\"clientId\":\"c\"}")).isNotEqualTo(original);
        assertThat(hash(EventHashes.GENESIS, "{\"members\":3}", "{\"clientId\":\"d\"}")).isNotEqualTo(original);
        assertThat(hash("1".repeat(64), "{\"members\":3}", "{\"clientId\":\"c\"}")).isNotEqualTo(original);
        assertThat(hash(EventHashes.GENESIS, "{\"members\":[3]}", "{\"clientId\":\"c\"}")).isNotEqualTo(original);
    }

    @Test
    void theRecordingTimeIsHashedAtTheMillisecondsTheStoreKeeps() {
        assertThat(EventHashes.recordingTime(java.time.Instant.parse("2026-11-28T02:41:22.597812Z")))
                .isEqualTo("2026-11-28T02:41:22.597Z");
    }
}
