package id.siklus.query.complaint;

import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.platform.ReadModelCollections;
import id.siklus.api.complaint.ComplaintFiled;
import id.siklus.api.complaint.ComplaintResolved;
import id.siklus.query.kelurahan.KelurahanAccess;
import id.siklus.query.platform.IdempotentUpsert;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Complaints of each kelurahan and their view: open or resolved, and their age in days (to the resolution, or to
 * today while open). The complaint's text is not kept here: it may name people; auditors read it in the journal.
 */
@RestController
@ProcessingGroup(ComplaintProjection.PROCESSING_GROUP)
@Tag(name = "Complaints", description = "Complaints received by the LKM: open, resolved, age")
public class ComplaintProjection {

    public static final String PROCESSING_GROUP = "complaints";
    public static final String COLLECTION = "complaints";

    private final MongoTemplate mongo;
    private final IdempotentUpsert upsert;
    private final KelurahanAccess access;
    private final ZoneId zone;

    ComplaintProjection(MongoTemplate mongo, IdempotentUpsert upsert, KelurahanAccess access,
                        @Value("${siklus.time-zone:Asia/Jakarta}") ZoneId zone) {
        this.mongo = mongo;
        this.upsert = upsert;
        ensureIndexes();
        this.access = access;
        this.zone = zone;
    }

    @EventHandler
    void on(ComplaintFiled event, @SequenceNumber long sequence) {
        upsert.apply(COLLECTION, event.complaintId(), sequence, new Update()
                .set("kelurahanCode", event.kelurahanCode())
                .set("channel", event.channel())
                .set("category", event.category())
                .set("concernsId", event.concernsId())
                .set("receivedOn", event.receivedOn().toString())
                .set("status", "OPEN"));
    }

    @EventHandler
    void on(ComplaintResolved event, @SequenceNumber long sequence) {
        upsert.apply(COLLECTION, event.complaintId(), sequence, new Update()
                .set("status", "RESOLVED")
                .set("resolvedOn", event.resolvedOn().toString()));
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

    public List<ComplaintDocument> of(String kelurahanCode) {
        return mongo.find(new Query(Criteria.where("kelurahanCode").is(kelurahanCode))
                .with(Sort.by("receivedOn", "_id")), ComplaintDocument.class, COLLECTION);
    }

    /** The complaints of several kelurahan in one read (the kota summary), by kelurahan code. */
    public java.util.Map<String, List<ComplaintDocument>> ofAll(java.util.Collection<String> kelurahanCodes) {
        java.util.Map<String, List<ComplaintDocument>> complaints = new java.util.HashMap<>();
        for (ComplaintDocument complaint : mongo.find(new Query(Criteria.where("kelurahanCode").in(kelurahanCodes))
                .with(Sort.by("receivedOn", "_id")), ComplaintDocument.class, COLLECTION)) {
            complaints.computeIfAbsent(complaint.kelurahanCode(), k -> new java.util.ArrayList<>()).add(complaint);
        }
        return complaints;
    }

    /** The same, from a view of the past. */
    public List<ComplaintDocument> of(MemoryReadModel past) {
        return past.find(COLLECTION, ComplaintDocument.class, mongo.getConverter(), "receivedOn", "_id");
    }

    @GetMapping("/api/v1/kelurahan/{code}/complaints")
    @Operation(summary = "Complaints: channel, category, status, received and resolved dates, age in days; and how "
            + "many are open and resolved")
    ComplaintsView complaints(@PathVariable String code) {
        access.requireKnownAndReadable(code);
        LocalDate today = LocalDate.now(zone);
        List<ComplaintView> items = of(code).stream().map(c -> {
            LocalDate received = LocalDate.parse(c.receivedOn());
            LocalDate end = c.resolvedOn() == null ? today : LocalDate.parse(c.resolvedOn());
            return new ComplaintView(c.id(), c.channel(), c.category(), c.concernsId(), c.status(), c.receivedOn(),
                    c.resolvedOn(), ChronoUnit.DAYS.between(received, end));
        }).toList();
        long open = items.stream().filter(c -> "OPEN".equals(c.status())).count();
        return new ComplaintsView(code, open, items.size() - open, items);
    }

    public record ComplaintDocument(String id, String channel, String category, String concernsId, String status,
                                    String receivedOn, String resolvedOn, String kelurahanCode) {
    }

    record ComplaintView(String complaintId, String channel, String category, String concernsId, String status,
                         String receivedOn, String resolvedOn, long ageDays) {
    }

    record ComplaintsView(String kelurahanCode, long open, long resolved, List<ComplaintView> complaints) {
    }
}
