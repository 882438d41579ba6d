package id.siklus.command.trust;

import id.siklus.support.trust.EventHashes;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Walks the stored events and recomputes the chain: the first place where an event was changed, removed, inserted or
 * moved is reported, with what was found there.
 */
@Component
public class ChainVerifier {

    private final JdbcTemplate jdbc;

    public ChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The outcome: how much was checked, and the first broken link, if any. */
    public record Verification(boolean intact, long aggregates, long events, BrokenLink firstBrokenLink) {

        static Verification of(long aggregates, long events, BrokenLink broken) {
            return new Verification(broken == null, aggregates, events, broken);
        }
    }

    public record BrokenLink(String aggregateId, long sequence, String problem) {
    }

    private record Row(String eventId, long sequence, String type, String recordedAt, byte[] payload,
                       byte[] metadata) {
    }

    public Verification verify(String aggregateId) {
        return verify(List.of(aggregateId));
    }

    public Verification verifyAll() {
        return verify(jdbc.queryForList("SELECT DISTINCT aggregate_identifier FROM domain_event_entry "
                + "ORDER BY aggregate_identifier", String.class));
    }

    private Verification verify(List<String> aggregateIds) {
        long events = 0;
        for (String aggregateId : aggregateIds) {
            List<Row> rows = jdbc.query("SELECT event_identifier, sequence_number, payload_type, time_stamp, payload, "
                            + "meta_data FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                    (rs, i) -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getBytes(5), rs.getBytes(6)), aggregateId);
            String previous = EventHashes.GENESIS;
            long expected = 0;
            for (Row row : rows) {
                events++;
                BrokenLink broken = check(aggregateId, row, expected, previous);
                if (broken != null) {
                    return Verification.of(aggregateIds.size(), events, broken);
                }
                previous = recorded(row.metadata(), EventHashes.HASH);
                expected++;
            }
        }
        return Verification.of(aggregateIds.size(), events, null);
    }

    private static BrokenLink check(String aggregateId, Row row, long expectedSequence, String previous) {
        if (row.sequence() != expectedSequence) {
            return new BrokenLink(aggregateId, expectedSequence, "event #" + expectedSequence + " is missing (the "
                    + "next stored event is #" + row.sequence() + ")");
        }
        String recordedHash = recorded(row.metadata(), EventHashes.HASH);
        String recordedPrevious = recorded(row.metadata(), EventHashes.PREVIOUS);
        if (recordedHash == null) {
            return new BrokenLink(aggregateId, row.sequence(), "the event carries no hash");
        }
        if (!previous.equals(recordedPrevious)) {
            return new BrokenLink(aggregateId, row.sequence(), "the event does not follow the aggregate's previous "
                    + "event (an event was inserted, removed or moved before it)");
        }
        try {
            String recomputed = EventHashes.hash(previous, row.eventId(), aggregateId, row.sequence(), row.type(),
                    EventHashes.recordingTime(Instant.parse(row.recordedAt())), row.payload(), row.metadata());
            if (!recomputed.equals(recordedHash)) {
                return new BrokenLink(aggregateId, row.sequence(), "the event's content differs from what was "
                        + "recorded (payload, metadata, type, time or id changed)");
            }
        } catch (IOException | RuntimeException e) {
            return new BrokenLink(aggregateId, row.sequence(), "the event cannot be read: " + e.getClass().getSimpleName());
        }
        return null;
    }

    private static String recorded(byte[] metadata, String key) {
        try {
            return EventHashes.recorded(metadata, key);
        } catch (IOException e) {
            return null;
        }
    }
}
