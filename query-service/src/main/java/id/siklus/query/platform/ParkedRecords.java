package id.siklus.query.platform;

import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records from the topic that cannot be read as program events, and the readable records of the same aggregate
 * (same Kafka key) that wait behind them. They are never skipped silently: each is kept with its position and bytes,
 * logged (without its content, which may hold personal data), counted, and shown by the health endpoint, so that an
 * operator can look at it and act (ADR 0008).
 *
 * <p>Every tracking processor has its own consumer and calls the converter for every record, so all decisions here
 * are idempotent per position and depend only on the record's position and the stored state of the blockers of its
 * key: every processor takes the same decision for the same record.
 */
@Component
public class ParkedRecords implements HealthIndicator {

    public static final String COLLECTION = "parked_records";

    /** A record that could not be read: it blocks the later records of its key. */
    public static final String UNREADABLE = "UNREADABLE";
    /** A readable record that waits behind an unreadable one of the same key. */
    public static final String HELD = "HELD";

    /** Waiting for an operator. */
    public static final String PARKED = "PARKED";
    /** An operator's retry or discard is re-delivering the records behind it right now. */
    public static final String RELEASING = "RELEASING";
    /** Read again successfully and re-delivered (a blocker). */
    public static final String REDELIVERED = "REDELIVERED";
    /** Dropped by an operator, kept for the audit (a blocker). */
    public static final String DISCARDED = "DISCARDED";
    /** Re-delivered after its blocker was resolved (a held record). */
    public static final String RELEASED = "RELEASED";

    /** Header on a record that the query service re-published: the position of the original. */
    public static final String REDELIVERY_OF = "siklus-redelivery-of";

    private static final Logger log = LoggerFactory.getLogger(ParkedRecords.class);
    private static final List<String> UNRESOLVED = List.of(PARKED, RELEASING);

    private final MongoTemplate mongo;
    private final MeterRegistry meters;
    /** topic/partition/key of every blocker ever parked: records of other keys need no look-up at all. */
    private final Set<String> blockedKeys = ConcurrentHashMap.newKeySet();
    private volatile boolean blockedKeysLoaded;
    private final Duration releaseWaitPoll;
    private final Instant createdAt = Instant.now();

    @org.springframework.beans.factory.annotation.Autowired
    ParkedRecords(MongoTemplate mongo, MeterRegistry meters) {
        this(mongo, meters, Duration.ofMillis(100));
    }

    ParkedRecords(MongoTemplate mongo, MeterRegistry meters, Duration releaseWaitPoll) {
        this.mongo = mongo;
        this.meters = meters;
        this.releaseWaitPoll = releaseWaitPoll;
        Gauge.builder("siklus.projection.parked.records", this, ParkedRecords::count)
                .description("Records on the topic that could not be read, or wait behind one, for an operator")
                .register(meters);
    }

    public static String id(String topic, int partition, long offset) {
        return topic + "/" + partition + "/" + offset;
    }

    private static String id(ConsumerRecord<String, byte[]> record) {
        return id(record.topic(), record.partition(), record.offset());
    }

    private static String keyId(String topic, int partition, String key) {
        return topic + "/" + partition + "/" + key;
    }

    /**
     * Parks an unreadable record once, whichever processor met it first; it then blocks the later records of its
     * key in its partition. Returns true when it was not parked before.
     */
    public boolean park(ConsumerRecord<String, byte[]> record, String reason) {
        boolean first = upsert(record, UNREADABLE, reason, null);
        if (record.key() != null) {
            blockedKeys.add(keyId(record.topic(), record.partition(), record.key()));
        }
        if (first) {
            meters.counter("siklus.projection.parked", "reason", reasonKind(reason)).increment();
            log.warn("Parked record {} (key {}): {}", id(record), record.key(), reason);
        }
        return first;
    }

    private boolean upsert(ConsumerRecord<String, byte[]> record, String kind, String reason, String heldBehind) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            // MongoDB field names may hold neither dots nor a leading dollar
            headers.put(header.key().replace('.', '_').replaceFirst("^\\$", "_"),
                    header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        Update update = new Update()
                .setOnInsert("topic", record.topic())
                .setOnInsert("partition", record.partition())
                .setOnInsert("offset", record.offset())
                .setOnInsert("key", record.key())
                .setOnInsert("kind", kind)
                .setOnInsert("recordTimestamp", Instant.ofEpochMilli(record.timestamp()))
                .setOnInsert("headers", headers)
                .setOnInsert("value", record.value() == null ? null : new Binary(record.value()))
                .setOnInsert("size", record.value() == null ? 0 : record.value().length)
                .setOnInsert("reason", reason)
                .setOnInsert("parkedAt", Instant.now())
                .setOnInsert("status", PARKED);
        if (heldBehind != null) {
            update.setOnInsert("heldBehind", heldBehind);
        }
        UpdateResult result = mongo.upsert(new Query(Criteria.where("_id").is(id(record))), update, COLLECTION);
        return result.getUpsertedId() != null;
    }

    /**
     * Whether a readable record may be applied now. It may not when its own position is parked (it is a blocker
     * that now happens to read, or a held record whose copy comes later), when an unresolved blocker of its key lies
     * before it (it is then parked as held), or when a resolved blocker re-delivered it already (its position lies
     * below the blocker's {@code releasedUpTo}). While an operator's release runs, the decision waits for it to end.
     */
    public boolean mayApply(ConsumerRecord<String, byte[]> record) {
        if (record.key() == null || !mayBeBlocked(record)) {
            return true;
        }
        String id = id(record);
        while (true) {
            if (mongo.exists(new Query(Criteria.where("_id").is(id)), COLLECTION)) {
                return false;
            }
            List<Document> blockers = mongo.find(new Query(Criteria.where("topic").is(record.topic())
                    .and("partition").is(record.partition())
                    .and("key").is(record.key())
                    .and("kind").ne(HELD)
                    .and("offset").lt(record.offset()))
                    .with(Sort.by("offset")), Document.class, COLLECTION);
            Decision decision = decide(record.offset(), blockers);
            switch (decision.verdict()) {
                case APPLY:
                    return true;
                case SKIP_RELEASED:
                    return false;
                case HOLD:
                    hold(record, decision.blocker());
                    return false;
                case WAIT:
                    sleep();
                    break;
                default:
                    throw new IllegalStateException(decision.verdict().name());
            }
        }
    }

    enum Verdict { APPLY, HOLD, SKIP_RELEASED, WAIT }

    record Decision(Verdict verdict, Document blocker) {
    }

    /** The rule, over the blockers of the record's key that lie before it, in offset order. */
    static Decision decide(long offset, List<Document> blockers) {
        for (Document blocker : blockers) {
            String status = blocker.getString("status");
            if (RELEASING.equals(status)) {
                return new Decision(Verdict.WAIT, blocker);
            }
            if (PARKED.equals(status)) {
                return new Decision(Verdict.HOLD, blocker);
            }
            Number releasedUpTo = (Number) blocker.get("releasedUpTo");
            if (releasedUpTo != null && offset < releasedUpTo.longValue()) {
                return new Decision(Verdict.SKIP_RELEASED, blocker);
            }
        }
        return new Decision(Verdict.APPLY, null);
    }

    private void hold(ConsumerRecord<String, byte[]> record, Document blocker) {
        String blockerId = blocker.getString("_id");
        if (upsert(record, HELD, "waiting behind " + blockerId, blockerId)) {
            meters.counter("siklus.projection.parked", "reason", "waiting behind").increment();
            log.warn("Holding record {} (key {}) behind parked record {}", id(record), record.key(), blockerId);
        }
        // the blocker may have been released between the look-up and the upsert; its copy covers this record then
        Document now = mongo.findById(blockerId, Document.class, COLLECTION);
        if (now != null && !UNRESOLVED.contains(now.getString("status"))) {
            markReleased(blockerId, ((Number) now.get("releasedUpTo")).longValue());
        }
    }

    private boolean mayBeBlocked(ConsumerRecord<String, byte[]> record) {
        if (!blockedKeysLoaded) {
            loadBlockedKeys();
        }
        return blockedKeys.contains(keyId(record.topic(), record.partition(), record.key()));
    }

    private synchronized void loadBlockedKeys() {
        if (blockedKeysLoaded) {
            return;
        }
        for (Document blocker : mongo.find(new Query(Criteria.where("kind").ne(HELD)), Document.class,
                COLLECTION)) {
            if (blocker.getString("key") != null) {
                blockedKeys.add(keyId(blocker.getString("topic"), blocker.getInteger("partition"),
                        blocker.getString("key")));
            }
        }
        // a release started before this instance existed was cut short when its service stopped: parked again
        mongo.updateMulti(new Query(Criteria.where("status").is(RELEASING).and("releaseStartedAt").lt(createdAt)),
                new Update().set("status", PARKED).set("lastReleaseError", "the service stopped during the release"),
                COLLECTION);
        blockedKeysLoaded = true;
    }

    private void sleep() {
        try {
            Thread.sleep(releaseWaitPoll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a release of parked records", e);
        }
    }

    // --- what the operator's actions need ---------------------------------------------------------------------------

    public Document find(String id) {
        return mongo.findById(id, Document.class, COLLECTION);
    }

    public List<Document> list(String status, int limit) {
        Query query = status == null ? new Query() : new Query(Criteria.where("status").is(status));
        return mongo.find(query.with(Sort.by("topic", "partition", "offset")).limit(limit), Document.class,
                COLLECTION);
    }

    /** The first unresolved blocker of the same key before this one, if any: it must be resolved first. */
    public Document earlierBlocker(Document blocker) {
        return mongo.findOne(new Query(Criteria.where("topic").is(blocker.getString("topic"))
                .and("partition").is(blocker.get("partition"))
                .and("key").is(blocker.getString("key"))
                .and("kind").ne(HELD)
                .and("status").in(UNRESOLVED)
                .and("offset").lt(blocker.get("offset")))
                .with(Sort.by("offset")), Document.class, COLLECTION);
    }

    /** Claims a parked blocker for a release; false when it is not (or no longer) parked. */
    public boolean startRelease(String id, String action, String by) {
        UpdateResult claimed = mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("kind").ne(HELD)
                        .and("status").is(PARKED)),
                new Update().set("status", RELEASING).set("releaseStartedAt", Instant.now())
                        .set("releaseAction", action).set("releaseBy", by), COLLECTION);
        return claimed.getModifiedCount() == 1;
    }

    /** A release that failed leaves its blocker parked, as before; copies made so far are harmless duplicates. */
    public void abandonRelease(String id, String error) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("status").is(RELEASING)),
                new Update().set("status", PARKED).set("lastReleaseError", error).set("lastReleaseAt", Instant.now()),
                COLLECTION);
    }

    /**
     * Ends a release: the blocker is resolved, the records of its key below {@code releasedUpTo} have their copies
     * on the topic, and the held records behind it are released.
     */
    public void finishRelease(String id, String status, String by, String why, long releasedUpTo, int redelivered,
                              String nextBlocker) {
        mongo.updateFirst(new Query(Criteria.where("_id").is(id).and("status").is(RELEASING)),
                new Update().set("status", status).set("releasedUpTo", releasedUpTo).set("resolvedBy", by)
                        .set("resolution", why).set("resolvedAt", Instant.now()).set("redelivered", redelivered),
                COLLECTION);
        markReleased(id, releasedUpTo);
        if (nextBlocker != null) {
            mongo.updateMulti(new Query(Criteria.where("heldBehind").is(id).and("status").is(PARKED)),
                    new Update().set("heldBehind", nextBlocker).set("reason", "waiting behind " + nextBlocker),
                    COLLECTION);
        }
        log.warn("Parked record {} {} by {}: {} records re-delivered, positions below {} replaced by their copies",
                id, status, by, redelivered, releasedUpTo);
    }

    private void markReleased(String blockerId, long releasedUpTo) {
        mongo.updateMulti(new Query(Criteria.where("heldBehind").is(blockerId).and("status").is(PARKED)
                        .and("offset").lt(releasedUpTo)),
                new Update().set("status", RELEASED).set("releasedAt", Instant.now()), COLLECTION);
    }

    /** Whether a record at this position is an unresolved blocker (a release stops in front of it). */
    public boolean isUnresolvedBlocker(String id) {
        return mongo.exists(new Query(Criteria.where("_id").is(id).and("kind").ne(HELD)
                .and("status").in(UNRESOLVED)), COLLECTION);
    }

    private static String reasonKind(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    /** Records that wait for an operator: unreadable ones and those held behind them. */
    public long count() {
        return mongo.count(new Query(Criteria.where("status").in(UNRESOLVED)), COLLECTION);
    }

    private long countUnreadable() {
        return mongo.count(new Query(Criteria.where("status").in(UNRESOLVED).and("kind").ne(HELD)), COLLECTION);
    }

    @Override
    public Health health() {
        long parked;
        long unreadable;
        try {
            parked = count();
            unreadable = parked == 0 ? 0 : countUnreadable();
        } catch (RuntimeException e) {
            return Health.unknown().withDetail("error", "read-model store unreachable: "
                    + e.getClass().getSimpleName()).build();
        }
        Health.Builder health = Health.up().withDetail("parkedRecords", parked);
        if (parked > 0) {
            health.withDetail("unreadableRecords", unreadable)
                    .withDetail("heldRecords", parked - unreadable)
                    .withDetail("action", "Records on the topic could not be read, and later records of their "
                            + "aggregates wait behind them; see GET /api/v1/admin/parked-records.");
        }
        return health.build();
    }
}
