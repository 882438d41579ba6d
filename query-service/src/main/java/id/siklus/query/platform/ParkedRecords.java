package id.siklus.query.platform;

import com.mongodb.client.result.UpdateResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records from the topic that cannot be read as program events. They are never skipped silently: each is kept with
 * its position and bytes, logged (without its content, which may hold personal data), counted, and shown by the
 * health endpoint, so that an operator can look at it and act.
 */
@Component
public class ParkedRecords implements HealthIndicator {

    public static final String COLLECTION = "parked_records";
    private static final Logger log = LoggerFactory.getLogger(ParkedRecords.class);

    private final MongoTemplate mongo;
    private final MeterRegistry meters;

    ParkedRecords(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
        Gauge.builder("siklus.projection.parked.records", this, ParkedRecords::count)
                .description("Records on the topic that could not be read and wait for an operator")
                .register(meters);
    }

    /** Parks a record once, whichever processor met it first; returns true when it was not parked before. */
    public boolean park(ConsumerRecord<String, byte[]> record, String reason) {
        String id = record.topic() + "/" + record.partition() + "/" + record.offset();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            // MongoDB field names may hold neither dots nor a leading dollar
            headers.put(header.key().replace('.', '_').replaceFirst("^\\$", "_"),
                    header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        Update update = new Update()
                .setOnInsert("topic", record.topic())
                .setOnInsert("partition", record.partition())
                .setOnInsert("offset", record.offset())
                .setOnInsert("key", record.key())
                .setOnInsert("recordTimestamp", Instant.ofEpochMilli(record.timestamp()))
                .setOnInsert("headers", headers)
                .setOnInsert("value", record.value() == null ? null : new Binary(record.value()))
                .setOnInsert("reason", reason)
                .setOnInsert("parkedAt", Instant.now())
                .setOnInsert("status", "PARKED");
        UpdateResult result = mongo.upsert(new Query(Criteria.where("_id").is(id)), update, COLLECTION);
        boolean first = result.getUpsertedId() != null;
        if (first) {
            meters.counter("siklus.projection.parked", "reason", reasonKind(reason)).increment();
            log.warn("Parked record {} (key {}): {}", id, record.key(), reason);
        }
        return first;
    }

    private static String reasonKind(String reason) {
        int colon = reason.indexOf(':');
        return colon < 0 ? reason : reason.substring(0, colon);
    }

    public long count() {
        return mongo.count(new Query(Criteria.where("status").is("PARKED")), COLLECTION);
    }

    @Override
    public Health health() {
        long parked;
        try {
            parked = count();
        } catch (RuntimeException e) {
            return Health.unknown().withDetail("error", "read-model store unreachable: "
                    + e.getClass().getSimpleName()).build();
        }
        Health.Builder health = Health.up().withDetail("parkedRecords", parked);
        if (parked > 0) {
            health.withDetail("action", "Records on the topic could not be read; see the parked_records collection.");
        }
        return health.build();
    }
}
