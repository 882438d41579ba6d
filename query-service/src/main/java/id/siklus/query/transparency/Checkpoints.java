package id.siklus.query.transparency;

import id.siklus.query.audit.AuditJournalProjection;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checkpoints of the history: a SHA-256 digest over every aggregate's latest event hash, as the query side has
 * received them. Published for anyone to copy: a copy kept outside later proves the history up to it was not
 * rewritten, because rewriting any event changes its aggregate's chain from there on, and so the digest.
 */
@Component
public class Checkpoints {

    public static final String COLLECTION = "checkpoints";
    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    private final MongoTemplate mongo;

    Checkpoints(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * @param heads every aggregate's latest sequence and hash at the checkpoint: with them anyone can recompute the
     *              digest, and later check that the events up to those sequences still hash the same
     */
    public record Checkpoint(String id, Instant takenAt, long aggregates, long events, String digest,
                             List<Head> heads) {
    }

    public record Head(String aggregate, long sequence, String eventHash) {
    }

    /** The latest hash of every aggregate, from the audit journal. */
    Map<String, Document> latestHashes() {
        Map<String, Document> latest = new TreeMap<>();
        Query everything = new Query().with(Sort.by("kelurahanCode", "sequence"));
        everything.fields().include("kelurahanCode", "sequence", "eventHash");
        for (Document event : mongo.find(everything, Document.class, AuditJournalProjection.COLLECTION)) {
            latest.put(event.getString("kelurahanCode"), event);
        }
        return latest;
    }

    /** Takes a checkpoint under {@code id} (a day, or a moment); an existing checkpoint is never overwritten. */
    public Checkpoint take(String id) {
        Map<String, Document> latest = latestHashes();
        StringBuilder lines = new StringBuilder();
        long events = 0;
        List<Head> heads = new java.util.ArrayList<>();
        for (Map.Entry<String, Document> aggregate : latest.entrySet()) {
            long sequence = ((Number) aggregate.getValue().get("sequence")).longValue();
            String hash = aggregate.getValue().getString("eventHash");
            events += sequence + 1;
            heads.add(new Head(aggregate.getKey(), sequence, hash));
            // the digest is over these lines, in aggregate order: "<aggregate> <sequence> <eventHash>\n"
            lines.append(aggregate.getKey()).append(' ').append(sequence).append(' ').append(hash).append('\n');
        }
        Checkpoint checkpoint = new Checkpoint(id, Instant.now(), latest.size(), events, sha256(lines.toString()),
                heads);
        try {
            mongo.insert(checkpoint, COLLECTION);
            log.info("Checkpoint {}: {} aggregates, {} events, digest {}", id, latest.size(), events,
                    checkpoint.digest());
            return checkpoint;
        } catch (DuplicateKeyException taken) {
            return mongo.findById(id, Checkpoint.class, COLLECTION);
        }
    }

    public List<Checkpoint> all() {
        return mongo.find(new Query().with(Sort.by("takenAt")), Checkpoint.class, COLLECTION);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
