package id.siklus.command.platform;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Remembers which (client, Idempotency-Key) pairs were recorded and what was answered. The claim is written by a
 * command-bus interceptor inside the unit of work's transaction, beside the events: either both commit or neither.
 * Two concurrent requests with one key cannot both commit: the second waits on the primary key, then finds it taken.
 * Axon's InterceptorAutoConfiguration puts this bean on the command bus (registering it again would run it twice).
 */
@Component
public class IdempotencyStore implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String KEY = "idempotency.key";
    static final String FINGERPRINT = "idempotency.fingerprint";
    static final String STATUS = "idempotency.status";
    static final String LOCATION = "idempotency.location";
    static final String BODY = "idempotency.body";

    private final JdbcTemplate jdbc;

    IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Recorded> find(String clientId, String key) {
        List<Recorded> rows = jdbc.query("""
                        SELECT request_fingerprint, response_status, response_location, response_body
                        FROM idempotency_record WHERE client_id = ? AND idempotency_key = ?""",
                (rs, i) -> new Recorded(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4)),
                clientId, key);
        return rows.stream().findFirst();
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        MetaData metadata = unitOfWork.getMessage().getMetaData();
        Object key = metadata.get(KEY);
        if (key != null) {
            int inserted = jdbc.update("""
                            INSERT INTO idempotency_record (client_id, idempotency_key, request_fingerprint, command_type,
                                                            response_status, response_location, response_body)
                            VALUES (?, ?, ?, ?, ?, ?, ?)
                            ON CONFLICT (client_id, idempotency_key) DO NOTHING""",
                    metadata.get(id.siklus.api.AuditMetadata.CLIENT_ID), key, metadata.get(FINGERPRINT),
                    unitOfWork.getMessage().getPayloadType().getSimpleName(),
                    Integer.parseInt(String.valueOf(metadata.get(STATUS))), metadata.get(LOCATION),
                    metadata.get(BODY));
            if (inserted == 0) {
                throw new AlreadyRecorded();
            }
        }
        return interceptorChain.proceed();
    }

    public record Recorded(String fingerprint, int status, String location, String body) {
    }

    /** The key was recorded by an earlier or concurrent request; this one rolls back and replays that answer. */
    static final class AlreadyRecorded extends RuntimeException {
        AlreadyRecorded() {
            super("Idempotency-Key already recorded", null, false, false);
        }
    }
}
