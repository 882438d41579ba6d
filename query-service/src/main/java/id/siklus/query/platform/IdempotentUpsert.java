package id.siklus.query.platform;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.UpdateMapper;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * The one way projections write: an upsert that applies only if the document has not yet seen this or a later event
 * of its source aggregate. Redelivery and replay therefore never apply an event twice, and no Mongo transaction is
 * needed: each write is a single-document operation. Writes go to the live collection, to its rebuild while a replay
 * runs on this thread ({@link ReadModelCollections}), or to a {@link MemoryReadModel} while a view of the past is
 * folded on this thread.
 */
@Component
public class IdempotentUpsert {

    public static final String SOURCE_SEQUENCE = "sourceSequence";

    private final MongoTemplate mongo;
    private final UpdateMapper updateMapper;

    IdempotentUpsert(MongoTemplate mongo) {
        this.mongo = mongo;
        this.updateMapper = new UpdateMapper(mongo.getConverter());
    }

    /**
     * A document as a projection handler on this thread must see it: in the view of the past or the rebuild being
     * folded on this thread, else in the collection this thread writes to. Null when there is none.
     */
    public Document current(String collection, String id) {
        MemoryReadModel memory = MemoryReadModel.current();
        if (memory != null) {
            return memory.get(collection, id);
        }
        return mongo.findById(id, Document.class, ReadModelCollections.target(collection));
    }

    /**
     * @return true when applied; false when the document already reflects this event (or a later one)
     */
    public boolean apply(String collection, String id, long sourceSequence, Map<String, Object> fields) {
        Update update = new Update();
        fields.forEach(update::set);
        return apply(collection, id, sourceSequence, update);
    }

    /**
     * Any single-document update ({@code $inc}, {@code $push}, …), applied at most once per source event: the guard
     * makes even non-idempotent operators safe under redelivery and replay.
     */
    public boolean apply(String collection, String id, long sourceSequence, Update update) {
        MemoryReadModel memory = MemoryReadModel.current();
        if (memory != null) {
            // values mapped as MongoTemplate maps an update (records with their type hint, Instant as a date), so
            // documents folded in memory are the documents MongoDB would hold; plain values without Spring's mapper
            Document values = PlainUpdate.of(update.getUpdateObject());
            if (values == null) {
                values = updateMapper.getMappedObject(update.getUpdateObject(), (MongoPersistentEntity<?>) null);
            }
            return memory.upsert(collection, id, sourceSequence, values);
        }
        Query notYetApplied = new Query(Criteria.where("_id").is(id).orOperator(
                Criteria.where(SOURCE_SEQUENCE).lt(sourceSequence),
                Criteria.where(SOURCE_SEQUENCE).exists(false)));
        update.set(SOURCE_SEQUENCE, sourceSequence);
        try {
            mongo.upsert(notYetApplied, update, ReadModelCollections.target(collection));
            return true;
        } catch (DuplicateKeyException alreadyApplied) {
            // the document exists with this or a later sequence: the filter missed it and the insert collided
            return false;
        }
    }
}
