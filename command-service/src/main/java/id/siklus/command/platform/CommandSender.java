package id.siklus.command.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siklus.api.AuditMetadata;
import id.siklus.command.RuleViolation;
import id.siklus.command.privacy.PersonalDataVault;
import id.siklus.support.security.SiklusClient;
import id.siklus.support.web.ApiProblem;
import id.siklus.support.web.StoreFailure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.AxonException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.URI;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.HashMap;
import java.util.Optional;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The one way controllers send commands: it stamps who and which request on the command (Axon copies that onto every
 * event), counts the outcome, and turns Axon's refusals into problem details.
 */
@Component
public class CommandSender {

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";
    public static final String USER_ID = "X-User-Id";
    private static final Pattern SAFE_HEADER = Pattern.compile("^[A-Za-z0-9._:@-]{1,100}$");

    private static final Logger log = LoggerFactory.getLogger(CommandSender.class);

    private final CommandGateway gateway;
    private final MeterRegistry meters;
    private final IdempotencyStore idempotency;
    private final ObjectMapper json;
    private final StoreConnections connections;
    private final PersonalDataVault vault;
    private final KelurahanQueue queue;

    CommandSender(CommandGateway gateway, MeterRegistry meters, IdempotencyStore idempotency, ObjectMapper json,
                  StoreConnections connections, PersonalDataVault vault, KelurahanQueue queue) {
        this.vault = vault;
        this.queue = queue;
        this.gateway = gateway;
        this.meters = meters;
        this.idempotency = idempotency;
        this.json = json;
        this.connections = connections;
    }

    /**
     * Sends and waits for the outcome, and answers {@code success} when the command was recorded.
     *
     * <p>With an {@code Idempotency-Key} header the request is safe to retry: the key is recorded with the events in
     * one transaction, and a later request with the same key gets the first answer again (marked
     * {@code Idempotent-Replayed: true}) without recording anything; the same key on a different request is refused.
     *
     * @param request  what the client asked for, as received (before server-generated ids): it identifies a retry
     * @param success  the answer when the command is recorded
     * @param refusals maps what the aggregate or the event store threw to a refusal the caller can act on; return
     *                 null to fall back to the general mapping
     */
    public ResponseEntity<?> submit(Object command, Object request, ResponseEntity<?> success, SiklusClient client,
                                    HttpServletRequest http, Function<RuntimeException, ApiProblem> refusals) {
        String commandType = command.getClass().getSimpleName();
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        String key = null;
        String fingerprint = null;
        try {
            try {
                key = header(http, IDEMPOTENCY_KEY);
                // every header is checked before a recorded answer may be replayed
                header(http, CORRELATION_ID);
                header(http, USER_ID);
                fingerprint = key == null ? null : fingerprint(http, request);
                if (key != null) {
                    Optional<IdempotencyStore.Recorded> recorded = idempotency.find(client.clientId(), key);
                    if (recorded.isPresent()) {
                        outcome = "refused";
                        ResponseEntity<?> replayed = replay(recorded.get(), fingerprint, key);
                        outcome = "replayed";
                        return replayed;
                    }
                }
                CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command)
                        .withMetaData(metadata(client, http, key, fingerprint, success));
                // wait for the kelurahan's other commands here, not holding a connection inside the transaction
                queue.run(message, () -> gateway.sendAndWait(message));
                outcome = "accepted";
                return success;
            } catch (IdempotencyStore.AlreadyRecorded concurrent) {
                outcome = "refused";
                ResponseEntity<?> replayed = replay(idempotency.find(client.clientId(), key).orElseThrow(),
                        fingerprint, key);
                outcome = "replayed";
                return replayed;
            } catch (ApiProblem problem) {
                outcome = problem.status().is5xxServerError() ? "failed" : "refused";
                throw problem;
            } catch (RuntimeException e) {
                ApiProblem problem = refusals.apply(e);
                if (problem == null) {
                    problem = generalRefusal(e);
                }
                outcome = problem.status().is5xxServerError() ? "failed" : "refused";
                throw problem;
            }
        } finally {
            sample.stop(meters.timer("siklus.commands", "command", commandType, "outcome", outcome));
        }
    }

    private static ResponseEntity<?> replay(IdempotencyStore.Recorded recorded, String fingerprint, String key) {
        if (!recorded.fingerprint().equals(fingerprint)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key '"
                    + key + "' was used for a different request; nothing was recorded. Use a new key for a new "
                    + "request, and the same key only to retry the same request.");
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(recorded.status())
                .header("Idempotent-Replayed", "true")
                .contentType(MediaType.APPLICATION_JSON);
        if (recorded.location() != null) {
            answer.location(URI.create(recorded.location()));
        }
        return answer.body(recorded.body());
    }

    /**
     * The method, the path and the request as parsed (as JSON, every field: the requests' text forms leave personal
     * data out), so whitespace and field order do not make a new request. Keyed with the personal-data pepper: the
     * fingerprint travels in the event metadata, and a plain hash of a request holding a name and a NIK could be
     * tested against guesses (ADR 0009).
     */
    private String fingerprint(HttpServletRequest http, Object request) {
        try {
            return vault.digest(http.getMethod() + " " + http.getRequestURI() + "\n"
                    + json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A request to " + http.getRequestURI() + " cannot be written as JSON", e);
        }
    }

    /** Money commands are only taken with an Idempotency-Key: a lost answer must never lead to paying twice. */
    public static void requireIdempotencyKey(HttpServletRequest http) {
        if (header(http, IDEMPOTENCY_KEY) == null) {
            throw ApiProblem.badRequest("IDEMPOTENCY_KEY_REQUIRED", "This records money: send an Idempotency-Key "
                    + "header (for example a UUID you keep with the request) so that a retry is never booked twice.");
        }
    }

    /** The event store refused to create a stream that exists: the same identity was registered before. */
    public static boolean isDuplicate(RuntimeException e) {
        return e instanceof AggregateStreamCreationException;
    }

    /** PostgreSQL away: no connection for the transaction, or the connection broke. */
    private static boolean storeUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A connection to PostgreSQL broke or could not be made (SQLState class 08), as opposed to a pool that is only
     * busy: evicting the pool's connections under load would make the overload worse (the benchmark saw a pool of one
     * connection with 159 requests waiting), so only a broken connection replaces them.
     */
    static boolean connectionBroken(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLNonTransientConnectionException
                    || cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private ApiProblem generalRefusal(RuntimeException e) {
        if (e instanceof ApiProblem problem) {
            return problem;
        }
        if (e instanceof RuleViolation violation) {
            HttpStatus status = switch (violation.kind()) {
                case CONFLICT -> HttpStatus.CONFLICT;
                case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_ENTITY;
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
            };
            return new ApiProblem(status, violation.code(), violation.getMessage());
        }
        if (e instanceof AggregateNotFoundException notFound) {
            return ApiProblem.notFound("NOT_FOUND", "Nothing is registered under " + notFound.getAggregateIdentifier()
                    + "; register it first.");
        }
        if (isDuplicate(e)) {
            return ApiProblem.conflict("ALREADY_REGISTERED", "This identity is already registered; nothing was changed.");
        }
        if (e instanceof ConcurrencyException) {
            return ApiProblem.conflict("CONCURRENT_CHANGE",
                    "Another request changed the same record at the same moment; read it again and retry.");
        }
        if (connectionBroken(e)) {
            connections.evictIdle();
        }
        if (StoreFailure.of(e).orElse(null) == StoreFailure.BUSY) {
            // not an outage: every connection is busy with other commands; the client may retry soon
            log.warn("Command refused as busy: {} {}", e.getClass().getName(), StoreFailure.poolState(e));
            return StoreFailure.BUSY.problem();
        }
        if (e instanceof AxonException || storeUnreachable(e)) {
            // the class only: the message can quote the SQL with the event's payload, which may hold personal data
            log.warn("Command refused as unavailable: {} {}", e.getClass().getName(), StoreFailure.poolState(e));
            return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE",
                    "The event store could not record this request; nothing was written. Retry in a few seconds.",
                    Map.of("retryAfterSeconds", 5));
        }
        throw e;
    }

    private MetaData metadata(SiklusClient client, HttpServletRequest http, String key, String fingerprint,
                              ResponseEntity<?> success) {
        Map<String, String> values = new HashMap<>();
        values.put(AuditMetadata.CLIENT_ID, client.clientId());
        values.put(AuditMetadata.REQUEST_ID, key != null ? key : UUID.randomUUID().toString());
        String correlationId = header(http, CORRELATION_ID);
        values.put(AuditMetadata.CORRELATION_ID, correlationId != null ? correlationId : values.get(AuditMetadata.REQUEST_ID));
        String userId = header(http, USER_ID);
        if (userId != null) {
            values.put(AuditMetadata.USER_ID, userId);
        }
        if (key != null) {
            values.put(IdempotencyStore.KEY, key);
            values.put(IdempotencyStore.FINGERPRINT, fingerprint);
            values.put(IdempotencyStore.STATUS, String.valueOf(success.getStatusCode().value()));
            if (success.getHeaders().getLocation() != null) {
                values.put(IdempotencyStore.LOCATION, success.getHeaders().getLocation().toString());
            }
            try {
                values.put(IdempotencyStore.BODY, json.writeValueAsString(success.getBody()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The answer to " + http.getRequestURI() + " cannot be written as JSON", e);
            }
        }
        return MetaData.from(values);
    }

    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!SAFE_HEADER.matcher(value).matches()) {
            throw ApiProblem.badRequest("INVALID_HEADER", "Header " + name
                    + " must be 1 to 100 letters, digits or . _ : @ -");
        }
        return value;
    }
}
