package id.siklus.query.audit;

import id.siklus.query.platform.ReadModelCollections;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siklus.api.AuditMetadata;
import id.siklus.query.platform.IdempotentUpsert;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every program event as auditors read it: type, sequence, payload, effective date, recording time, and who
 * submitted it under which request. One document per event, keyed by the event's id and written once (the sequence
 * guard): redelivery and replay neither duplicate nor rewrite it. Each event is findable by every entity it names
 * (the kelurahan, a household, a KSM, a
 * loan…).
 */
@Component
@ProcessingGroup(AuditJournalProjection.PROCESSING_GROUP)
public class AuditJournalProjection {

    public static final String PROCESSING_GROUP = "audit-journal";
    public static final String COLLECTION = "audit_journal";
    /** Payload fields that carry the day a fact happened, in the order they are looked for. */
    private static final List<String> EFFECTIVE_DATE_FIELDS = List.of("heldOn", "registeredOn", "effectiveOn",
            "receivedOn", "disbursedOn", "paidOn", "formedOn", "joinedOn", "leftOn", "dissolvedOn", "writtenOffOn",
            "startedOn", "resolvedOn", "repaidOn");

    private final MongoTemplate mongo;
    private final ObjectMapper json;
    private final IdempotentUpsert upsert;

    AuditJournalProjection(MongoTemplate mongo, ObjectMapper json, IdempotentUpsert upsert) {
        this.mongo = mongo;
        this.json = json;
        this.upsert = upsert;
        ensureIndexes();
    }

    private void ensureIndexes() {
        var indexes = mongo.indexOps(ReadModelCollections.target(COLLECTION));
        indexes.ensureIndex(new Index().on("entityIds", Sort.Direction.ASC));
        // a kelurahan's entries in sequence order: its journal, its head, and the entries after a sequence (views of
        // the past check only those). The index on kelurahanCode alone, made before, is its prefix: dropped.
        indexes.ensureIndex(new Index().on("kelurahanCode", Sort.Direction.ASC).on("sequence", Sort.Direction.ASC));
        if (indexes.getIndexInfo().stream().anyMatch(index -> index.getName().equals("kelurahanCode_1"))) {
            indexes.dropIndex("kelurahanCode_1");
        }
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) throws JsonProcessingException {
        JsonNode body = json.valueToTree(payload);
        Map<String, ?> metadata = event.getMetaData();
        Update update = new Update()
                .set("kelurahanCode", event.getAggregateIdentifier())
                .set("sequence", event.getSequenceNumber())
                .set("type", event.getPayloadType().getSimpleName())
                .set("payloadType", event.getPayloadType().getName())
                .set("metadata", new Document(new java.util.TreeMap<String, Object>(metadata)))
                .set("payload", payloadDocument(body))
                .set("effectiveDate", effectiveDate(body))
                .set("recordedAt", event.getTimestamp())
                .set("clientId", metadata.get(AuditMetadata.CLIENT_ID))
                .set("userId", metadata.get(AuditMetadata.USER_ID))
                .set("requestId", metadata.get(AuditMetadata.REQUEST_ID))
                .set("correlationId", metadata.get(AuditMetadata.CORRELATION_ID))
                .set("eventHash", metadata.get(AuditMetadata.EVENT_HASH))
                .set("previousEventHash", metadata.get(AuditMetadata.PREVIOUS_EVENT_HASH))
                .set("entityIds", entityIds(event.getAggregateIdentifier(), body));
        upsert.apply(COLLECTION, event.getIdentifier(), event.getSequenceNumber(), update);
    }

    /** The payload as the document its JSON text parses to (the journal has always stored it so). */
    private Document payloadDocument(JsonNode body) throws JsonProcessingException {
        Document direct = JsonDocument.of(body);
        return direct != null ? direct : Document.parse(json.writeValueAsString(body));
    }

    private static String effectiveDate(JsonNode body) {
        for (String field : EFFECTIVE_DATE_FIELDS) {
            if (body.hasNonNull(field)) {
                return body.get(field).asText();
            }
        }
        return null;
    }

    /** The aggregate and every id the payload names (fields ending in Id or Ids). */
    private static List<String> entityIds(String aggregateId, JsonNode body) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(aggregateId);
        for (Iterator<Map.Entry<String, JsonNode>> fields = body.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().endsWith("Id") && field.getValue().isTextual()) {
                ids.add(field.getValue().asText());
            } else if (field.getKey().endsWith("Ids") && field.getValue().isArray()) {
                field.getValue().forEach(id -> ids.add(id.asText()));
            }
        }
        return new ArrayList<>(ids);
    }

    @ResetHandler
    void reset() {
        mongo.dropCollection(ReadModelCollections.target(COLLECTION));
        ensureIndexes();
    }

    public List<Document> eventsOf(String entityId) {
        return mongo.find(new Query(Criteria.where("entityIds").is(entityId))
                .with(Sort.by("kelurahanCode", "sequence")), Document.class, COLLECTION);
    }

    public Page search(AuditSearch search, int page, int size) {
        Criteria criteria = new Criteria();
        List<Criteria> conditions = new ArrayList<>();
        if (search.kelurahan() != null) {
            conditions.add(Criteria.where("kelurahanCode").is(search.kelurahan()));
        }
        if (search.client() != null) {
            conditions.add(Criteria.where("clientId").is(search.client()));
        }
        if (search.type() != null) {
            conditions.add(Criteria.where("type").is(search.type()));
        }
        if (search.from() != null) {
            conditions.add(Criteria.where("recordedAt").gte(search.from()));
        }
        if (search.to() != null) {
            conditions.add(Criteria.where("recordedAt").lt(search.to()));
        }
        if (!conditions.isEmpty()) {
            criteria.andOperator(conditions);
        }
        Query query = new Query(criteria);
        long total = mongo.count(query, COLLECTION);
        List<Document> items = mongo.find(query.with(Sort.by("recordedAt", "kelurahanCode", "sequence"))
                .skip((long) page * size).limit(size), Document.class, COLLECTION);
        return new Page(items, total);
    }

    /** What an auditor may filter on; null means any. {@code to} is exclusive. */
    public record AuditSearch(String kelurahan, String client, String type, Instant from, Instant to) {
    }

    public record Page(List<Document> items, long total) {
    }
}
