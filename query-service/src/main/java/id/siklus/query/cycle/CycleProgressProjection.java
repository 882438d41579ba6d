package id.siklus.query.cycle;

import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.platform.ReadModelCollections;
import id.siklus.api.cycle.CycleStage;
import id.siklus.api.cycle.CycleStageRecorded;
import id.siklus.query.platform.IdempotentUpsert;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Each kelurahan's progress through the cycle, one document each: the date of every once-only stage, every
 * plan and every yearly review, with participants. Pushes are applied once per event by the sequence guard.
 */
@Component
@ProcessingGroup(CycleProgressProjection.PROCESSING_GROUP)
public class CycleProgressProjection {

    public static final String PROCESSING_GROUP = "cycle-progress";
    public static final String COLLECTION = "cycle_progress";

    private final MongoTemplate mongo;
    private final IdempotentUpsert upsert;

    CycleProgressProjection(MongoTemplate mongo, IdempotentUpsert upsert) {
        this.mongo = mongo;
        this.upsert = upsert;
    }

    @EventHandler
    void on(CycleStageRecorded event, @SequenceNumber long sequence) {
        Document meeting = new Document("heldOn", event.heldOn().toString())
                .append("men", event.participants().men())
                .append("women", event.participants().women())
                .append("poor", event.participants().poor());
        Update update = new Update();
        if (event.stage() == CycleStage.PJM_PRONANGKIS) {
            update.push("plans", meeting.append("fromYear", event.fromYear()).append("toYear", event.toYear()));
        } else if (event.stage() == CycleStage.REVIEW_PARTISIPATIF) {
            update.push("reviews", meeting.append("year", event.heldOn().getYear()));
        } else {
            update.set("stages." + event.stage().name(), meeting);
        }
        if (event.lkmName() != null) {
            update.set("lkmName", event.lkmName());
        }
        upsert.apply(COLLECTION, event.kelurahanCode(), sequence, update);
    }

    /**
     * Whether a kelurahan that has a plan (PJM) has held no review partisipatif in {@code year}: the yearly review is
     * due once a plan exists.
     */
    public static boolean reviewMissing(Document progress, int year) {
        return !progress.getList("plans", Document.class, List.of()).isEmpty()
                && progress.getList("reviews", Document.class, List.of()).stream()
                .noneMatch(review -> LocalDate.parse(review.getString("heldOn")).getYear() == year);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ReadModelCollections.target(COLLECTION));
    }

    /** The same, from a view of the past. */
    public Optional<Document> find(MemoryReadModel past) {
        return past.documents(COLLECTION).stream().findFirst();
    }

    /** The progress of several kelurahan in one read by id (the kota summary), by kelurahan code. */
    public java.util.Map<String, Document> findAll(java.util.Collection<String> kelurahanCodes) {
        java.util.Map<String, Document> progress = new java.util.HashMap<>();
        for (Document document : mongo.find(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").in(kelurahanCodes)),
                Document.class, COLLECTION)) {
            progress.put(document.getString("_id"), document);
        }
        return progress;
    }

    public Optional<Document> find(String kelurahanCode) {
        return Optional.ofNullable(mongo.findById(kelurahanCode, Document.class, COLLECTION));
    }
}
