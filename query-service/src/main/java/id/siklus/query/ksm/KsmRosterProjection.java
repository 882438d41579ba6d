package id.siklus.query.ksm;

import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.platform.ReadModelCollections;
import id.siklus.api.ksm.KsmDissolved;
import id.siklus.api.ksm.KsmFormed;
import id.siklus.api.ksm.KsmMemberAdded;
import id.siklus.api.ksm.KsmMemberRemoved;
import id.siklus.query.platform.IdempotentUpsert;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.List;

/** The KSM of each kelurahan: purpose, status and members, one document per KSM. */
@Component
@ProcessingGroup(KsmRosterProjection.PROCESSING_GROUP)
public class KsmRosterProjection {

    public static final String PROCESSING_GROUP = "ksm-roster";
    public static final String COLLECTION = "ksm";

    private final MongoTemplate mongo;
    private final IdempotentUpsert upsert;

    KsmRosterProjection(MongoTemplate mongo, IdempotentUpsert upsert) {
        this.mongo = mongo;
        this.upsert = upsert;
        ensureIndexes();
    }

    @EventHandler
    void on(KsmFormed event, @SequenceNumber long sequence) {
        upsert.apply(COLLECTION, event.ksmId(), sequence, new Update()
                .set("kelurahanCode", event.kelurahanCode())
                .set("name", event.name())
                .set("purpose", event.purpose().name())
                .set("status", "ACTIVE")
                .set("formedOn", event.formedOn().toString())
                .set("members", event.memberHouseholdIds()));
    }

    @EventHandler
    void on(KsmMemberAdded event, @SequenceNumber long sequence) {
        upsert.apply(COLLECTION, event.ksmId(), sequence, new Update().addToSet("members", event.householdId()));
    }

    @EventHandler
    void on(KsmMemberRemoved event, @SequenceNumber long sequence) {
        upsert.apply(COLLECTION, event.ksmId(), sequence, new Update().pull("members", event.householdId()));
    }

    @EventHandler
    void on(KsmDissolved event, @SequenceNumber long sequence) {
        upsert.apply(COLLECTION, event.ksmId(), sequence, new Update()
                .set("status", "DISSOLVED")
                .set("dissolvedOn", event.dissolvedOn().toString()));
    }

    private void ensureIndexes() {
        mongo.indexOps(ReadModelCollections.target(COLLECTION)).ensureIndex(new org.springframework.data.mongodb.core.index.Index()
                .on("kelurahanCode", org.springframework.data.domain.Sort.Direction.ASC));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ReadModelCollections.target(COLLECTION));
        ensureIndexes();
    }

    public List<KsmDocument> of(String kelurahanCode) {
        return mongo.find(new Query(Criteria.where("kelurahanCode").is(kelurahanCode)).with(Sort.by("formedOn", "_id")),
                KsmDocument.class, COLLECTION);
    }

    /** The same, from a view of the past. */
    public List<KsmDocument> of(MemoryReadModel past) {
        return past.find(COLLECTION, KsmDocument.class, mongo.getConverter(), "formedOn", "_id");
    }

    public record KsmDocument(String id, String kelurahanCode, String name, String purpose, String status,
                              String formedOn, String dissolvedOn, List<String> members) {
    }
}
