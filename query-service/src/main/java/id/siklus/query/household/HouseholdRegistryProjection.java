package id.siklus.query.household;

import id.siklus.api.household.HouseholdPersonalDataForgotten;
import id.siklus.query.platform.ReadModelCollections;
import id.siklus.api.household.HouseholdReclassified;
import id.siklus.api.household.HouseholdRegistered;
import id.siklus.api.household.Sealed;
import id.siklus.query.platform.IdempotentUpsert;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every registered household, one document each. The kelurahan's counts and its poverty map are counted per RW and RT
 * beside them, in the same processing group ({@link HouseholdPlacesProjection}).
 */
@Component
@ProcessingGroup(HouseholdRegistryProjection.PROCESSING_GROUP)
public class HouseholdRegistryProjection {

    public static final String PROCESSING_GROUP = "household-registry";
    public static final String COLLECTION = "households";
    private static final String KELURAHAN = "kelurahanCode";
    public static final String ERASED = "ERASED";

    private final MongoTemplate mongo;
    private final IdempotentUpsert upsert;

    HouseholdRegistryProjection(MongoTemplate mongo, IdempotentUpsert upsert) {
        this.mongo = mongo;
        this.upsert = upsert;
        ensureIndexes();
    }

    private void ensureIndexes() {
        mongo.indexOps(ReadModelCollections.target(COLLECTION)).ensureIndex(new Index().on(KELURAHAN, Sort.Direction.ASC));
    }

    @EventHandler
    void on(HouseholdRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(KELURAHAN, event.kelurahanCode());
        fields.put("rw", event.rw());
        fields.put("rt", event.rt());
        // sealed with the household's key (ADR 0009): the read model never holds the name in plaintext; the NIK,
        // which no view shows, is not kept at all
        fields.put("headName", event.headName());
        fields.put("members", event.members());
        fields.put("povertyStatus", event.povertyStatus().name());
        fields.put("poor", event.povertyStatus().isPoor());
        fields.put("registeredOn", event.registeredOn() == null ? null : event.registeredOn().toString());
        fields.put("registeredAt", recordedAt);
        upsert.apply(COLLECTION, event.householdId(), sequence, fields);
    }

    /** Status and poor flag follow the latest reclassification; the sequence guard keeps a replay from undoing it. */
    @EventHandler
    void on(HouseholdReclassified event, @SequenceNumber long sequence) {
        upsert.apply(COLLECTION, event.householdId(), sequence, Map.of(
                KELURAHAN, event.kelurahanCode(),
                "povertyStatus", event.povertyStatus().name(),
                "poor", event.povertyStatus().isPoor(),
                "reclassifiedOn", event.effectiveOn().toString()));
    }

    /**
     * The key is destroyed: the sealed name goes too (it could not be opened anyway), the household and its counts
     * stay. A replay of the registration (lower sequence) cannot bring it back.
     */
    @EventHandler
    void on(HouseholdPersonalDataForgotten event, @SequenceNumber long sequence) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(KELURAHAN, event.kelurahanCode());
        fields.put("headName", null);
        fields.put("personalData", ERASED);
        fields.put("personalDataErasedOn", event.forgottenOn().toString());
        upsert.apply(COLLECTION, event.householdId(), sequence, fields);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ReadModelCollections.target(COLLECTION));
        ensureIndexes();
    }

    public java.util.Optional<HouseholdDocument> find(String householdId) {
        return java.util.Optional.ofNullable(mongo.findById(householdId, HouseholdDocument.class, COLLECTION));
    }

    public long countHouseholds(String kelurahanCode) {
        return mongo.count(new Query(Criteria.where(KELURAHAN).is(kelurahanCode)), COLLECTION);
    }

    public long countPoor(String kelurahanCode) {
        return mongo.count(new Query(Criteria.where(KELURAHAN).is(kelurahanCode).and("poor").is(true)), COLLECTION);
    }

    public List<HouseholdDocument> page(String kelurahanCode, int page, int size) {
        Query query = new Query(Criteria.where(KELURAHAN).is(kelurahanCode))
                .with(Sort.by("rw", "rt", "_id"))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(query, HouseholdDocument.class, COLLECTION);
    }

    /** Which of the given households are poor (MISKIN) now, in one read by id. */
    public java.util.Set<String> poorAmong(java.util.Collection<String> householdIds) {
        java.util.Set<String> poor = new java.util.HashSet<>();
        if (householdIds.isEmpty()) {
            return poor;
        }
        // by id only, the poor flag read back: a look-up in the _id index on either store
        Query query = new Query(Criteria.where("_id").in(householdIds));
        query.fields().include("poor");
        for (org.bson.Document household : mongo.find(query, org.bson.Document.class, COLLECTION)) {
            if (Boolean.TRUE.equals(household.getBoolean("poor"))) {
                poor.add(household.getString("_id"));
            }
        }
        return poor;
    }

    /** @param personalData {@link #ERASED} once the household's personal data is forgotten, else null */
    public record HouseholdDocument(String id, String kelurahanCode, String rw, String rt, Sealed headName,
                                    Integer members, String povertyStatus, Boolean poor, String registeredOn,
                                    Instant registeredAt, String personalData, String personalDataErasedOn) {
    }
}
