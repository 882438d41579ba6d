package id.siklus.query.household;

import id.siklus.api.household.HouseholdReclassified;
import id.siklus.api.household.HouseholdRegistered;
import id.siklus.query.platform.IdempotentUpsert;
import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.platform.ReadModelCollections;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.SourceId;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Households and poor households per RW and RT of each kelurahan, one document per event stream (ADR 0014): the
 * kelurahan's, plus one per household recorded in its own stream before ADR 0005. The poverty map, the kelurahan's
 * counts and the kota summary read these small documents instead of every household (6,000 in a large kelurahan).
 * The counters are safe under redelivery and replay because every update is guarded by the stream's sequence
 * ({@link IdempotentUpsert}): a stream's events reach a processor in its order, so each is counted at most once. A reclassification moves a household between poor
 * and not poor by the previous status the event carries; its RW and RT, which never change, come from the household's
 * own document.
 * <p>
 * Same processing group as {@link HouseholdRegistryProjection}: rebuilt, replayed and folded into views of the past
 * together.
 */
@Component
@ProcessingGroup(HouseholdRegistryProjection.PROCESSING_GROUP)
public class HouseholdPlacesProjection {

    public static final String COLLECTION = "household_places";
    private static final String KELURAHAN = "kelurahanCode";
    private static final Logger log = LoggerFactory.getLogger(HouseholdPlacesProjection.class);

    private final MongoTemplate mongo;
    private final IdempotentUpsert upsert;

    HouseholdPlacesProjection(MongoTemplate mongo, IdempotentUpsert upsert) {
        this.mongo = mongo;
        this.upsert = upsert;
        ensureIndexes();
        countExistingHouseholds();
    }

    @EventHandler
    void on(HouseholdRegistered event, @SourceId String stream, @SequenceNumber long sequence) {
        count(stream, event.kelurahanCode(), event.rw(), event.rt(), 1, event.povertyStatus().isPoor() ? 1 : 0,
                sequence);
    }

    @EventHandler
    void on(HouseholdReclassified event, @SourceId String stream, @SequenceNumber long sequence) {
        int poor = (event.povertyStatus().isPoor() ? 1 : 0) - (event.previousStatus().isPoor() ? 1 : 0);
        if (poor == 0) {
            return;
        }
        Document household = upsert.current(HouseholdRegistryProjection.COLLECTION, event.householdId());
        if (household == null || household.getString("rw") == null || household.getString("rt") == null) {
            // only when the registration itself could not be read (it is parked and reported): nothing to place
            log.warn("Household {} of {} was reclassified but its registration is not in the read model; the "
                    + "poverty map cannot place it", event.householdId(), event.kelurahanCode());
            return;
        }
        count(stream, event.kelurahanCode(), household.getString("rw"), household.getString("rt"), 0, poor,
                sequence);
    }

    /** One document per event stream: the kelurahan's, or (households recorded before ADR 0005) the household's. */
    private void count(String stream, String kelurahanCode, String rw, String rt, int households, int poor,
                       long sequence) {
        String place = "rw." + rw + "." + rt + ".";
        upsert.apply(COLLECTION, stream, sequence, new Update()
                .set(KELURAHAN, kelurahanCode)
                // as longs: MongoDB keeps an int's $inc as an int, the rebuild's and the fold's sums are longs, and a
                // rebuilt read model must equal the live one document for document (ReplayIT)
                .inc(place + "households", (long) households)
                .inc(place + "poor", (long) poor));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ReadModelCollections.target(COLLECTION));
        ensureIndexes();
    }

    private void ensureIndexes() {
        mongo.indexOps(ReadModelCollections.target(COLLECTION))
                .ensureIndex(new Index().on(KELURAHAN, Sort.Direction.ASC));
    }

    /** Counts per RW and RT of one kelurahan (RW → RT → {households, poor}, in order); empty when none. */
    public Map<String, Map<String, long[]>> places(String kelurahanCode) {
        Map<String, Map<String, long[]>> places = new TreeMap<>();
        mongo.find(new Query(Criteria.where(KELURAHAN).is(kelurahanCode)), Document.class, COLLECTION)
                .forEach(document -> add(places, document));
        return places;
    }

    /** Counts per RW and RT of one kelurahan in a view of the past folded with this processing group. */
    public static Map<String, Map<String, long[]>> places(MemoryReadModel past, String kelurahanCode) {
        Map<String, Map<String, long[]>> places = new TreeMap<>();
        past.documents(COLLECTION).stream().filter(document -> kelurahanCode.equals(document.getString(KELURAHAN)))
                .forEach(document -> add(places, document));
        return places;
    }

    /** Households and poor households of each of several kelurahan, in one read; absent kelurahan have none. */
    public Map<String, long[]> totals(Collection<String> kelurahanCodes) {
        Map<String, Map<String, Map<String, long[]>>> byKelurahan = new HashMap<>();
        for (Document document : mongo.find(new Query(Criteria.where(KELURAHAN).in(kelurahanCodes)), Document.class,
                COLLECTION)) {
            add(byKelurahan.computeIfAbsent(document.getString(KELURAHAN), code -> new TreeMap<>()), document);
        }
        Map<String, long[]> totals = new HashMap<>();
        byKelurahan.forEach((code, places) -> totals.put(code, total(places)));
        return totals;
    }

    /** {households, poor households} of one kelurahan's places. */
    public static long[] total(Map<String, Map<String, long[]>> places) {
        long[] total = new long[2];
        places.values().forEach(rts -> rts.values().forEach(counts -> {
            total[0] += counts[0];
            total[1] += counts[1];
        }));
        return total;
    }

    /** Adds one stream's counts to a kelurahan's. */
    private static void add(Map<String, Map<String, long[]>> places, Document document) {
        Document rws = document.get("rw", Document.class);
        if (rws == null) {
            return;
        }
        rws.forEach((rw, rts) -> ((Document) rts).forEach((rt, counts) -> {
            Document c = (Document) counts;
            long[] sum = places.computeIfAbsent(rw, k -> new TreeMap<>()).computeIfAbsent(rt, k -> new long[2]);
            sum[0] += ((Number) c.get("households")).longValue();
            sum[1] += ((Number) c.get("poor")).longValue();
        }));
    }

    /**
     * A read model kept before this projection existed has households but no places: they are counted once from the
     * households at start-up, before any processor runs, each kelurahan guarded by the highest sequence its households
     * have seen. Inserted, never overwritten: of two instances starting together, the second finds the first's.
     */
    private void countExistingHouseholds() {
        if (mongo.getCollection(COLLECTION).estimatedDocumentCount() > 0
                || mongo.getCollection(HouseholdRegistryProjection.COLLECTION).estimatedDocumentCount() == 0) {
            return;
        }
        Query all = new Query();
        all.fields().include(KELURAHAN, "rw", "rt", "poor", IdempotentUpsert.SOURCE_SEQUENCE);
        Map<String, Document> byKelurahan = new HashMap<>();
        for (Document household : mongo.find(all, Document.class, HouseholdRegistryProjection.COLLECTION)) {
            String code = household.getString(KELURAHAN);
            String rw = household.getString("rw");
            String rt = household.getString("rt");
            if (code == null || rw == null || rt == null) {
                continue;
            }
            Document places = byKelurahan.computeIfAbsent(code, c -> new Document("_id", c).append(KELURAHAN, c)
                    .append("rw", new Document()).append(IdempotentUpsert.SOURCE_SEQUENCE, -1L));
            Document rts = (Document) places.get("rw", Document.class).computeIfAbsent(rw, k -> new Document());
            Document counts = (Document) rts.computeIfAbsent(rt, k -> new Document("households", 0L)
                    .append("poor", 0L));
            counts.put("households", counts.getLong("households") + 1);
            if (Boolean.TRUE.equals(household.getBoolean("poor"))) {
                counts.put("poor", counts.getLong("poor") + 1);
            }
            Number seen = household.get(IdempotentUpsert.SOURCE_SEQUENCE, Number.class);
            if (seen != null && seen.longValue() > places.getLong(IdempotentUpsert.SOURCE_SEQUENCE)) {
                places.put(IdempotentUpsert.SOURCE_SEQUENCE, seen.longValue());
            }
        }
        int inserted = 0;
        for (Document places : byKelurahan.values()) {
            try {
                mongo.insert(places, COLLECTION);
                inserted++;
            } catch (DuplicateKeyException countedByAnotherInstance) {
                // already there
            }
        }
        log.info("Counted the households of {} kelurahan into {} (a read model kept before it existed)", inserted,
                COLLECTION);
    }
}
