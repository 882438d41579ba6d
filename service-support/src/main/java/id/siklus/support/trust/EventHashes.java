package id.siklus.support.trust;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * How an event's hash is computed, in one place for the appender and the verifier: SHA-256 over the previous event's
 * hash in the same aggregate, the event's id, aggregate, sequence, type, recording time, and its payload and metadata
 * as canonical JSON (keys sorted, the hash keys themselves left out).
 */
public final class EventHashes {

    /** Metadata key of the event's own hash. */
    public static final String HASH = id.siklus.api.AuditMetadata.EVENT_HASH;
    /** Metadata key of the hash of the aggregate's previous event. */
    public static final String PREVIOUS = id.siklus.api.AuditMetadata.PREVIOUS_EVENT_HASH;
    /** The previous hash of an aggregate's first event. */
    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventHashes() {
    }

    public static String hash(String previousHash, String eventId, String aggregateId, long sequence, String type,
                              String recordedAt, byte[] payloadJson, byte[] metadataJson) throws IOException {
        String input = String.join("\n", previousHash, eventId, aggregateId, Long.toString(sequence), type,
                recordedAt, canonical(payloadJson, List.of()), canonical(metadataJson, List.of(HASH, PREVIOUS)));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(input.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The recording time as hashed: milliseconds, the precision the event store keeps. */
    public static String recordingTime(java.time.Instant timestamp) {
        return java.time.Instant.ofEpochMilli(timestamp.toEpochMilli()).toString();
    }

    /** The hash recorded in an event's metadata JSON, or null when it has none. */
    public static String recorded(byte[] metadataJson, String key) throws IOException {
        if (metadataJson == null) {
            return null;
        }
        JsonNode value = JSON.readTree(metadataJson).get(key);
        return value == null || value.isNull() ? null : value.asText();
    }

    public static String canonical(byte[] json, List<String> without) throws IOException {
        if (json == null || json.length == 0) {
            return "null";
        }
        JsonNode tree = JSON.readTree(json);
        if (tree instanceof ObjectNode object) {
            object.remove(without);
        }
        return JSON.writeValueAsString(sorted(tree));
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, Object> fields = new TreeMap<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                fields.put(name, sorted(node.get(name)));
            }
            return fields;
        }
        if (node.isArray()) {
            return java.util.stream.StreamSupport.stream(node.spliterator(), false).map(EventHashes::sorted).toList();
        }
        return node;
    }
}
