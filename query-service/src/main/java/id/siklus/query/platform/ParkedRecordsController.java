package id.siklus.query.platform;

import id.siklus.support.security.Access;
import id.siklus.support.security.Role;
import id.siklus.support.security.SiklusClient;
import id.siklus.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** The operator's view of parked records, and the two ways out: retry and discard (ADMIN only; ADR 0008). */
@RestController
@Validated
@Tag(name = "Parked records", description = "Records on the topic that could not be read, and those waiting behind "
        + "them (ADMIN)")
class ParkedRecordsController {

    /** A position on the topic: partition-offset. */
    private static final String POSITION = "^[0-9]{1,5}-[0-9]{1,19}$";

    private final ParkedRecords parked;
    private final ParkedRecordRelease release;
    private final Access access;
    private final String topic;

    ParkedRecordsController(ParkedRecords parked, ParkedRecordRelease release, Access access,
                            @Value("${axon.kafka.default-topic}") String topic) {
        this.parked = parked;
        this.release = release;
        this.access = access;
        this.topic = topic;
    }

    @GetMapping("/api/v1/admin/parked-records")
    @Operation(summary = "Parked records in topic order: position, key (aggregate), kind (UNREADABLE or HELD behind "
            + "another), reason, status, when parked, size, and how each was resolved")
    List<ParkedRecordView> list(@RequestParam(required = false)
                                @Pattern(regexp = "^(PARKED|RELEASING|REDELIVERED|DISCARDED|RELEASED)$")
                                String status,
                                @RequestParam(defaultValue = "1000") @Min(1) @Max(10_000) int limit) {
        access.requireRole(Role.ADMIN);
        return parked.list(status, limit).stream().map(ParkedRecordView::of).toList();
    }

    @GetMapping("/api/v1/admin/parked-records/{id}")
    @Operation(summary = "One parked record by its position (partition-offset)")
    ParkedRecordView one(@PathVariable @Pattern(regexp = POSITION) String id) {
        access.requireRole(Role.ADMIN);
        return ParkedRecordView.of(find(id));
    }

    @PostMapping("/api/v1/admin/parked-records/{id}/retry")
    @Operation(summary = "Read an unreadable record again (for instance after deploying a version that knows its "
            + "type); if it now reads, re-deliver it and then the records of its aggregate held behind it, in order")
    ParkedRecordView retry(@PathVariable @Pattern(regexp = POSITION) String id) {
        SiklusClient admin = access.requireRole(Role.ADMIN);
        Document blocker = releasable(id);
        ConsumerRecord<String, byte[]> original;
        try {
            original = release.fetch(blocker.getString("topic"), blocker.getInteger("partition"),
                    ((Number) blocker.get("offset")).longValue());
        } catch (ParkedRecordRelease.ReleaseFailed | org.apache.kafka.common.KafkaException e) {
            throw unavailable(e);
        }
        if (original == null) {
            throw ApiProblem.conflict("PARKED_RECORD_GONE", "The record is no longer on the topic; discard it.");
        }
        String problem = release.problemReading(original);
        if (problem != null) {
            throw new ApiProblem(HttpStatus.CONFLICT, "PARKED_RECORD_STILL_UNREADABLE", "The record still cannot be "
                    + "read (" + problem + "). Deploy a version that can read it, or discard it.");
        }
        return resolve(blocker, original, ParkedRecords.REDELIVERED, admin, "read successfully on retry");
    }

    @PostMapping("/api/v1/admin/parked-records/{id}/discard")
    @Operation(summary = "Drop an unreadable record for good (kept as DISCARDED with who and why) and re-deliver the "
            + "records of its aggregate held behind it, in order")
    ParkedRecordView discard(@PathVariable @Pattern(regexp = POSITION) String id,
                             @Valid @RequestBody DiscardRequest request) {
        SiklusClient admin = access.requireRole(Role.ADMIN);
        Document blocker = releasable(id);
        return resolve(blocker, null, ParkedRecords.DISCARDED, admin, request.reason());
    }

    record DiscardRequest(@NotBlank @Size(max = 500) String reason) {
    }

    private ParkedRecordView resolve(Document blocker, ConsumerRecord<String, byte[]> original, String status,
                                     SiklusClient admin, String why) {
        String storedId = blocker.getString("_id");
        if (!parked.startRelease(storedId, status, admin.clientId())) {
            throw ApiProblem.conflict("PARKED_RECORD_BUSY", "Another retry or discard of this record is running or "
                    + "has just ended; look at it again.");
        }
        try {
            release.release(blocker, original, status, admin.clientId(), why);
        } catch (RuntimeException e) {
            parked.abandonRelease(storedId, e.getClass().getSimpleName() + ": " + e.getMessage());
            if (e instanceof ParkedRecordRelease.ReleaseFailed || e instanceof org.apache.kafka.common.KafkaException) {
                throw unavailable(e);
            }
            throw e;
        }
        return ParkedRecordView.of(parked.find(storedId));
    }

    private static ApiProblem unavailable(RuntimeException e) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "TOPIC_UNAVAILABLE", "The topic could not be read or "
                + "written in time (" + e.getMessage() + "); the record stays parked. Try again in a moment.",
                Map.of("retryAfterSeconds", 10));
    }

    private Document find(String id) {
        String[] position = id.split("-");
        Document document = parked.find(ParkedRecords.id(topic, Integer.parseInt(position[0]),
                Long.parseLong(position[1])));
        if (document == null) {
            throw ApiProblem.notFound("PARKED_RECORD_NOT_FOUND", "No record at position " + id + " of " + topic
                    + " is parked; list them at /api/v1/admin/parked-records.");
        }
        return document;
    }

    private Document releasable(String id) {
        Document document = find(id);
        if (ParkedRecords.HELD.equals(document.getString("kind"))) {
            throw ApiProblem.conflict("PARKED_RECORD_HELD", "This record is readable and waits behind "
                    + position(document.getString("heldBehind")) + "; retry or discard that one.");
        }
        if (!ParkedRecords.PARKED.equals(document.getString("status"))) {
            throw ApiProblem.conflict("PARKED_RECORD_RESOLVED", "This record is " + document.getString("status")
                    + " already.");
        }
        Document earlier = parked.earlierBlocker(document);
        if (earlier != null) {
            throw ApiProblem.conflict("PARKED_RECORD_BEHIND_ANOTHER", "An earlier record of the same aggregate, "
                    + position(earlier.getString("_id")) + ", is parked too; resolve that one first so that the "
                    + "aggregate's order is kept.");
        }
        return document;
    }

    /** topic/partition/offset → partition-offset */
    static String position(String storedId) {
        if (storedId == null) {
            return null;
        }
        String[] parts = storedId.split("/");
        return parts[parts.length - 2] + "-" + parts[parts.length - 1];
    }

    record ParkedRecordView(String id, String topic, int partition, long offset, String key, String kind,
                            String reason, String status, Instant parkedAt, int size, String heldBehind,
                            String resolvedBy, String resolution, Instant resolvedAt, Long releasedUpTo,
                            Integer redelivered) {

        static ParkedRecordView of(Document d) {
            Number size = (Number) d.get("size");
            Number releasedUpTo = (Number) d.get("releasedUpTo");
            Number redelivered = (Number) d.get("redelivered");
            return new ParkedRecordView(position(d.getString("_id")), d.getString("topic"), d.getInteger("partition"),
                    ((Number) d.get("offset")).longValue(), d.getString("key"), kind(d), d.getString("reason"),
                    d.getString("status"), instant(d.get("parkedAt")), size == null ? sizeOf(d) : size.intValue(),
                    position(d.getString("heldBehind")), d.getString("resolvedBy"), d.getString("resolution"),
                    instant(d.get("resolvedAt")), releasedUpTo == null ? null : releasedUpTo.longValue(),
                    redelivered == null ? null : redelivered.intValue());
        }

        private static String kind(Document d) {
            return d.getString("kind") == null ? ParkedRecords.UNREADABLE : d.getString("kind");
        }

        private static int sizeOf(Document d) {
            Object value = d.get("value");
            return value instanceof org.bson.types.Binary binary ? binary.length() : 0;
        }

        private static Instant instant(Object value) {
            return value instanceof Date date ? date.toInstant() : (Instant) value;
        }
    }
}
