package id.siklus.query.kelurahan;

import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.platform.ReadModelCollections;
import id.siklus.api.kelurahan.KelurahanRegistered;
import id.siklus.query.platform.IdempotentUpsert;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** The kelurahan enrolled in the program, one document each, keyed by code. */
@Component
@ProcessingGroup(KelurahanDirectoryProjection.PROCESSING_GROUP)
public class KelurahanDirectoryProjection {

    public static final String PROCESSING_GROUP = "kelurahan-directory";
    public static final String COLLECTION = "kelurahan";

    private final MongoTemplate mongo;
    private final IdempotentUpsert upsert;

    KelurahanDirectoryProjection(MongoTemplate mongo, IdempotentUpsert upsert) {
        this.mongo = mongo;
        this.upsert = upsert;
    }

    @EventHandler
    void on(KelurahanRegistered event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
        upsert.apply(COLLECTION, event.code(), sequence, Map.of(
                "name", event.name(),
                "kecamatan", event.kecamatan(),
                "kota", event.kota(),
                "registeredAt", recordedAt));
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ReadModelCollections.target(COLLECTION));
    }

    /** The kelurahan as a view of the past knows it (empty when it was not registered yet). */
    public Optional<KelurahanDocument> find(MemoryReadModel past) {
        return past.find(COLLECTION, KelurahanDocument.class, mongo.getConverter()).stream().findFirst();
    }

    public Optional<KelurahanDocument> find(String code) {
        return Optional.ofNullable(mongo.findById(code, KelurahanDocument.class, COLLECTION));
    }

    /** The kelurahan of one kota, by code; the kota as registered, compared without regard to case. */
    public java.util.List<KelurahanDocument> inKota(String kota) {
        return mongo.find(new org.springframework.data.mongodb.core.query.Query(
                        org.springframework.data.mongodb.core.query.Criteria.where("kota")
                                .regex("^" + java.util.regex.Pattern.quote(kota) + "$", "i"))
                        .with(org.springframework.data.domain.Sort.by("_id")),
                KelurahanDocument.class, COLLECTION);
    }

    public record KelurahanDocument(String id, String name, String kecamatan, String kota, Instant registeredAt) {
    }
}
