package id.siklus.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Checkpoints of the history, public so that copies can be kept outside. */
class TransparencyIT {

    private static JsonNode checkpoint(SiklusSystem system) throws Exception {
        SiklusSystem.Response taken = system.post(system.queryUrl("/api/v1/admin/checkpoints"), system.token("ADMIN"),
                "");
        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        return taken.json();
    }

    @Test
    void aCheckpointIsPublicAndChangesWhenTheHistoryGrows() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = "35.77.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        system.prepareKelurahan(code);
        await().atMost(Duration.ofSeconds(15)).until(() -> system.get(system.queryUrl("/api/v1/audit/entities/"
                + code + "/events"), system.token("AUDITOR")).json().size() == 3);

        JsonNode first = checkpoint(system);
        JsonNode again = checkpoint(system);
        assertThat(first.get("digest").asText()).matches("^[0-9a-f]{64}$");
        assertThat(again.get("digest").asText()).isEqualTo(first.get("digest").asText());

        assertThat(system.post(system.commandUrl("/api/v1/kelurahan/" + code + "/households"),
                system.token("LKM", code), """
                        {"rw":"01","rt":"001","headName":"Keluarga Baru","members":2,"povertyStatus":"MISKIN"}""")
                .status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> system.get(system.queryUrl("/api/v1/audit/entities/"
                + code + "/events"), system.token("AUDITOR")).json().size() == 4);
        JsonNode later = checkpoint(system);
        assertThat(later.get("digest").asText()).isNotEqualTo(first.get("digest").asText());
        assertThat(later.get("events").asLong()).isEqualTo(first.get("events").asLong() + 1);

        // anyone can recompute the digest from the published heads
        StringBuilder lines = new StringBuilder();
        for (JsonNode head : later.get("heads")) {
            lines.append(head.get("aggregate").asText()).append(' ').append(head.get("sequence").asLong())
                    .append(' ').append(head.get("eventHash").asText()).append('\n');
        }
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isEqualTo(later.get("digest").asText());

        SiklusSystem.Response published = system.get(system.queryUrl("/api/v1/transparency/checkpoints"), null);
        assertThat(published.status()).isEqualTo(200);
        assertThat(published.body()).contains(first.get("digest").asText(), later.get("digest").asText());
        assertThat(system.post(system.queryUrl("/api/v1/admin/checkpoints"), system.token("MONITOR"), "").status())
                .isEqualTo(403);
    }
}
