package id.siklus.query.blm;

import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.platform.ReadModelCollections;
import id.siklus.api.blm.BlmAllocated;
import id.siklus.api.blm.BlmDisbursed;
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
import java.util.Locale;

/**
 * BLM per kelurahan and year: the pagu and what was used under each of Tridaya and BOP, in whole rupiah. Additions are
 * {@code $inc}, applied once per event by the sequence guard.
 */
@Component
@ProcessingGroup(BlmUseProjection.PROCESSING_GROUP)
public class BlmUseProjection {

    public static final String PROCESSING_GROUP = "blm-use";
    public static final String COLLECTION = "blm_years";

    private final MongoTemplate mongo;
    private final IdempotentUpsert upsert;

    BlmUseProjection(MongoTemplate mongo, IdempotentUpsert upsert) {
        this.mongo = mongo;
        this.upsert = upsert;
        ensureIndexes();
    }

    private static String id(String kelurahanCode, int year) {
        return kelurahanCode + "/" + year;
    }

    @EventHandler
    void on(BlmAllocated event, @SequenceNumber long sequence) {
        upsert.apply(COLLECTION, id(event.kelurahanCode(), event.year()), sequence, new Update()
                .set("kelurahanCode", event.kelurahanCode())
                .set("year", event.year())
                .set("pagu", event.pagu().amount())
                .set("receivedOn", event.receivedOn().toString()));
    }

    @EventHandler
    void on(BlmDisbursed event, @SequenceNumber long sequence) {
        upsert.apply(COLLECTION, id(event.kelurahanCode(), event.year()), sequence, new Update()
                .set("kelurahanCode", event.kelurahanCode())
                .set("year", event.year())
                .inc(event.category().name().toLowerCase(Locale.ROOT), event.amount().amount()));
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

    public List<BlmYearDocument> years(String kelurahanCode) {
        return mongo.find(new Query(Criteria.where("kelurahanCode").is(kelurahanCode)).with(Sort.by("year")),
                BlmYearDocument.class, COLLECTION);
    }

    /** The years of several kelurahan in one read (the kota summary), by kelurahan code, each sorted by year. */
    public java.util.Map<String, List<BlmYearDocument>> yearsOf(java.util.Collection<String> kelurahanCodes) {
        java.util.Map<String, List<BlmYearDocument>> years = new java.util.HashMap<>();
        for (BlmYearDocument year : mongo.find(new Query(Criteria.where("kelurahanCode").in(kelurahanCodes))
                .with(Sort.by("year")), BlmYearDocument.class, COLLECTION)) {
            years.computeIfAbsent(year.kelurahanCode(), k -> new java.util.ArrayList<>()).add(year);
        }
        return years;
    }

    /** The same, from a view of the past. */
    public List<BlmYearDocument> years(MemoryReadModel past) {
        return past.find(COLLECTION, BlmYearDocument.class, mongo.getConverter(), "year");
    }

    public record BlmYearDocument(String id, String kelurahanCode, int year, Long pagu, String receivedOn,
                                  Long lingkungan, Long ekonomi, Long sosial, Long bop) {
    }
}
