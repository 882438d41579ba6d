package id.siklus.query.audit;

import id.siklus.support.security.Access;
import id.siklus.support.security.Role;
import id.siklus.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bson.Document;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

@RestController
@Validated
@Tag(name = "Audit", description = "Every event with who and when (AUDITOR, ADMIN)")
class AuditController {

    private static final String SAFE = "^[A-Za-z0-9._:@/-]{1,100}$";

    private final AuditJournalProjection journal;
    private final JournalVerifier verifier;
    private final Access access;

    AuditController(AuditJournalProjection journal, JournalVerifier verifier, Access access) {
        this.journal = journal;
        this.verifier = verifier;
        this.access = access;
    }

    @GetMapping("/api/v1/audit/verification")
    @Operation(summary = "Recompute the hash chain over the audit journal (the query side's copy of the history) for "
            + "one aggregate or all, and report the first broken link")
    JournalVerifier.Verification verify(@RequestParam(required = false) @Pattern(regexp = SAFE) String aggregate) {
        access.requireRole(Role.AUDITOR, Role.ADMIN);
        JournalVerifier.Verification result = verifier.verify(aggregate);
        if (aggregate != null && result.events() == 0) {
            throw ApiProblem.notFound("AGGREGATE_NOT_FOUND", "No events of " + aggregate + " are in the journal; "
                    + "check the kelurahan code.");
        }
        return result;
    }

    @GetMapping("/api/v1/audit/entities/{id}/events")
    @Operation(summary = "Every event of one entity (a kelurahan code, or a household, KSM, loan… id) in order, "
            + "with type, sequence, payload, effective date, recording time, client, user, idempotency key and "
            + "correlation id")
    List<AuditEvent> entity(@PathVariable @Pattern(regexp = SAFE) String id) {
        access.requireRole(Role.AUDITOR, Role.ADMIN);
        return journal.eventsOf(id).stream().map(AuditEvent::of).toList();
    }

    @GetMapping("/api/v1/audit/events")
    @Operation(summary = "Search the events by kelurahan, client, event type and recording-time window [from, to)")
    AuditPage search(@RequestParam(required = false) @Pattern(regexp = SAFE) String kelurahan,
                     @RequestParam(required = false) @Pattern(regexp = SAFE) String client,
                     @RequestParam(required = false) @Pattern(regexp = "^[A-Za-z]{1,60}$") String type,
                     @RequestParam(required = false) @Size(max = 40) String from,
                     @RequestParam(required = false) @Size(max = 40) String to,
                     @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                     @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        access.requireRole(Role.AUDITOR, Role.ADMIN);
        AuditJournalProjection.Page found = journal.search(new AuditJournalProjection.AuditSearch(kelurahan, client,
                type, instant(from, "from"), instant(to, "to")), page, size);
        return new AuditPage(found.items().stream().map(AuditEvent::of).toList(), page, size, found.total());
    }

    private static Instant instant(String value, String name) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "'" + name + "' must be an instant such as "
                    + "2026-11-28T00:00:00Z.");
        }
    }

    record AuditEvent(String eventId, String kelurahanCode, long sequence, String type, Object payload,
                      String effectiveDate, Instant recordedAt, String clientId, String userId, String requestId,
                      String correlationId, String eventHash, String previousEventHash) {

        static AuditEvent of(Document d) {
            Object recorded = d.get("recordedAt");
            return new AuditEvent(d.getString("_id"), d.getString("kelurahanCode"),
                    ((Number) d.get("sequence")).longValue(), d.getString("type"), d.get("payload"),
                    d.getString("effectiveDate"),
                    recorded instanceof java.util.Date date ? date.toInstant() : (Instant) recorded,
                    d.getString("clientId"), d.getString("userId"), d.getString("requestId"),
                    d.getString("correlationId"), d.getString("eventHash"), d.getString("previousEventHash"));
        }
    }

    record AuditPage(List<AuditEvent> items, int page, int size, long totalItems) {
    }
}
