package id.siklus.query.partnership;

import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.platform.ReadModelCollections;
import id.siklus.api.partnership.PartnershipRecorded;
import id.siklus.query.kelurahan.KelurahanAccess;
import id.siklus.query.platform.IdempotentUpsert;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Partnerships (kemitraan) of each kelurahan, one document each, and their view. */
@RestController
@ProcessingGroup(PartnershipProjection.PROCESSING_GROUP)
@Tag(name = "Partnerships", description = "What partner agencies bring to KSM activities")
public class PartnershipProjection {

    public static final String PROCESSING_GROUP = "partnerships";
    public static final String COLLECTION = "partnerships";

    private final MongoTemplate mongo;
    private final IdempotentUpsert upsert;
    private final KelurahanAccess access;

    PartnershipProjection(MongoTemplate mongo, IdempotentUpsert upsert, KelurahanAccess access) {
        this.mongo = mongo;
        this.upsert = upsert;
        ensureIndexes();
        this.access = access;
    }

    @EventHandler
    void on(PartnershipRecorded event, @SequenceNumber long sequence) {
        upsert.apply(COLLECTION, event.partnershipId(), sequence, new Update()
                .set("kelurahanCode", event.kelurahanCode())
                .set("agency", event.agency())
                .set("kind", event.kind().name())
                .set("ksmId", event.ksmId())
                .set("value", event.value() == null ? null : event.value().amount())
                .set("startedOn", event.startedOn().toString()));
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

    public List<Partnership> of(String kelurahanCode) {
        return mongo.find(new Query(Criteria.where("kelurahanCode").is(kelurahanCode))
                .with(Sort.by("startedOn", "_id")), Partnership.class, COLLECTION);
    }

    /** The same, from a view of the past. */
    public List<Partnership> of(MemoryReadModel past) {
        return past.find(COLLECTION, Partnership.class, mongo.getConverter(), "startedOn", "_id");
    }

    @GetMapping("/api/v1/kelurahan/{code}/partnerships")
    @Operation(summary = "Partnerships with agencies: agency, kind, KSM involved, value in whole rupiah, start date")
    List<PartnershipView> partnerships(@PathVariable String code) {
        access.requireKnownAndReadable(code);
        return of(code).stream().map(p -> new PartnershipView(p.id(), p.agency(), p.kind(), p.ksmId(), p.value(),
                p.startedOn())).toList();
    }

    public record Partnership(String id, String agency, String kind, String ksmId, Long value, String startedOn) {
    }

    record PartnershipView(String partnershipId, String agency, String kind, String ksmId, Long value,
                           String startedOn) {
    }
}
