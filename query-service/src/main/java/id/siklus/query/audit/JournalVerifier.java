package id.siklus.query.audit;

import id.siklus.support.trust.EventHashes;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The hash chain recomputed over the audit journal, the copy of the history auditors read on the query side: an
 * event changed, removed, inserted or reordered in MongoDB (or received from Kafka altered) breaks it where it
 * happened, with the same rules as the event store's verifier.
 */
@Component
class JournalVerifier {

    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private final MongoTemplate mongo;

    JournalVerifier(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record BrokenLink(String aggregateId, long sequence, String problem) {
    }

    record Verification(boolean intact, long aggregates, long events, BrokenLink firstBrokenLink) {
    }

    Verification verify(String aggregateId) {
        List<String> aggregates = aggregateId != null ? List.of(aggregateId)
                : mongo.findDistinct(new Query(), "kelurahanCode", AuditJournalProjection.COLLECTION, String.class)
                .stream().sorted().toList();
        long events = 0;
        for (String aggregate : aggregates) {
            String previous = EventHashes.GENESIS;
            long expected = 0;
            for (Document event : mongo.find(new Query(Criteria.where("kelurahanCode").is(aggregate))
                    .with(Sort.by("sequence")), Document.class, AuditJournalProjection.COLLECTION)) {
                events++;
                long sequence = ((Number) event.get("sequence")).longValue();
                BrokenLink broken = check(aggregate, event, sequence, expected, previous);
                if (broken != null) {
                    return new Verification(false, aggregates.size(), events, broken);
                }
                previous = event.getString("eventHash");
                expected++;
            }
        }
        return new Verification(true, aggregates.size(), events, null);
    }

    private static BrokenLink check(String aggregate, Document event, long sequence, long expected, String previous) {
        if (sequence != expected) {
            return new BrokenLink(aggregate, expected, "event #" + expected + " is missing from the journal (the next "
                    + "is #" + sequence + ")");
        }
        String hash = event.getString("eventHash");
        if (hash == null) {
            return new BrokenLink(aggregate, sequence, "the event carries no hash");
        }
        if (!previous.equals(event.getString("previousEventHash"))) {
            return new BrokenLink(aggregate, sequence, "the event does not follow the aggregate's previous event");
        }
        try {
            Object recorded = event.get("recordedAt");
            Instant recordedAt = recorded instanceof Date date ? date.toInstant() : (Instant) recorded;
            Document payload = event.get("payload", Document.class);
            Document metadata = event.get("metadata", Document.class);
            String recomputed = EventHashes.hash(previous, event.getString("_id"), aggregate, sequence,
                    event.getString("payloadType"), EventHashes.recordingTime(recordedAt),
                    payload.toJson(RELAXED).getBytes(StandardCharsets.UTF_8),
                    metadata == null ? null : metadata.toJson(RELAXED).getBytes(StandardCharsets.UTF_8));
            if (!recomputed.equals(hash)) {
                return new BrokenLink(aggregate, sequence, "the event's content in the journal differs from what "
                        + "was recorded");
            }
        } catch (IOException | RuntimeException e) {
            return new BrokenLink(aggregate, sequence, "the event cannot be read: " + e.getClass().getSimpleName());
        }
        return null;
    }
}
