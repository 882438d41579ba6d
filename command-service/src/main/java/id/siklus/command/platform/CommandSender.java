package id.siklus.command.platform;

import id.siklus.api.AuditMetadata;
import id.siklus.support.security.SiklusClient;
import id.siklus.support.web.ApiProblem;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.AxonException;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.HashMap;
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

    CommandSender(CommandGateway gateway, MeterRegistry meters) {
        this.gateway = gateway;
        this.meters = meters;
    }

    /**
     * Sends and waits for the outcome.
     *
     * @param refusals maps what the aggregate or the event store threw to a refusal the caller can act on; return
     *                 null to fall back to the general mapping
     */
    public <R> R send(Object command, SiklusClient client, HttpServletRequest request,
                      Function<RuntimeException, ApiProblem> refusals) {
        String commandType = command.getClass().getSimpleName();
        Timer.Sample sample = Timer.start(meters);
        String outcome = "accepted";
        try {
            return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .withMetaData(metadata(client, request)));
        } catch (RuntimeException e) {
            // counted as failed unless it maps to a refusal; generalRefusal rethrows what it does not know
            outcome = "failed";
            ApiProblem problem = refusals.apply(e);
            if (problem == null) {
                problem = generalRefusal(e);
            }
            outcome = problem.status().is5xxServerError() ? "failed" : "refused";
            throw problem;
        } finally {
            sample.stop(meters.timer("siklus.commands", "command", commandType, "outcome", outcome));
        }
    }

    /** The event store refused to create a stream that exists: the same identity was registered before. */
    public static boolean isDuplicate(RuntimeException e) {
        return e instanceof AggregateStreamCreationException;
    }

    private static ApiProblem generalRefusal(RuntimeException e) {
        if (e instanceof ApiProblem problem) {
            return problem;
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
        if (e instanceof AxonException) {
            // the class only: the message can quote the SQL with the event's payload, which may hold personal data
            log.warn("Command refused as unavailable: {}", e.getClass().getName());
            return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "STORE_UNAVAILABLE",
                    "The event store could not record this request; nothing was written. Retry in a few seconds.",
                    Map.of("retryAfterSeconds", 5));
        }
        throw e;
    }

    private static MetaData metadata(SiklusClient client, HttpServletRequest request) {
        Map<String, String> values = new HashMap<>();
        values.put(AuditMetadata.CLIENT_ID, client.clientId());
        String requestId = header(request, IDEMPOTENCY_KEY);
        values.put(AuditMetadata.REQUEST_ID, requestId != null ? requestId : UUID.randomUUID().toString());
        String correlationId = header(request, CORRELATION_ID);
        values.put(AuditMetadata.CORRELATION_ID, correlationId != null ? correlationId : values.get(AuditMetadata.REQUEST_ID));
        String userId = header(request, USER_ID);
        if (userId != null) {
            values.put(AuditMetadata.USER_ID, userId);
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
