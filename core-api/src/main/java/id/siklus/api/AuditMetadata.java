package id.siklus.api;

/**
 * Keys of the metadata every command and event carries: who submitted it and under which request. The recording
 * time is the event's own timestamp. Values are strings.
 */
public final class AuditMetadata {

    /** The authenticated client (the token's subject): an LKM system, an admin console. */
    public static final String CLIENT_ID = "clientId";
    /** The person at that client who submitted it, when the client says so ({@code X-User-Id}). */
    public static final String USER_ID = "userId";
    /** The idempotency key of the request ({@code Idempotency-Key}), or one the server generated. */
    public static final String REQUEST_ID = "requestId";
    /**
     * Ties together everything caused by one business request ({@code X-Correlation-Id}). Not named
     * {@code correlationId}: Axon uses that key for its own message lineage (the id of the causing message).
     */
    public static final String CORRELATION_ID = "requestCorrelationId";

    /** The event's own hash in its aggregate's chain, set when it is appended to the event store. */
    public static final String EVENT_HASH = "eventHash";
    /** The hash of the aggregate's previous event (64 zeros for the first). */
    public static final String PREVIOUS_EVENT_HASH = "previousEventHash";

    private AuditMetadata() {
    }
}
