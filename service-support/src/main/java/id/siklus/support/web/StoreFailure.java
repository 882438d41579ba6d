package id.siklus.support.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a store did not answer, told apart because the client should react differently: a store that is away (retry
 * in a few seconds; operators are alerted by the health endpoint) or a service whose connections are all busy with
 * other requests (retry in a second; the load is too high for this instance). Either way nothing was written.
 */
public enum StoreFailure {

    /** Every pooled connection is in use and none came free in time; the store itself answers. */
    BUSY(1, "SERVICE_BUSY", "Siklus is handling more requests than it can take right now, so this one was not "
            + "processed and nothing was written. Retry in a second."),
    /** The store cannot be reached, or a connection to it broke. */
    UNREACHABLE(5, "STORE_UNAVAILABLE", "The data store could not be reached, so this request was not processed "
            + "and nothing was written. Retry in a few seconds.");

    /** HikariCP's pool timeout: "... request timed out after 1000ms (total=16, active=16, idle=0, waiting=3)". */
    private static final Pattern POOL_STATE = Pattern.compile("total=(\\d+), active=(\\d+)");

    private final int retryAfterSeconds;
    private final String code;
    private final String detail;

    StoreFailure(int retryAfterSeconds, String code, String detail) {
        this.retryAfterSeconds = retryAfterSeconds;
        this.code = code;
        this.detail = detail;
    }

    /** The failure behind an exception, if it is a store that did not answer (and not, say, a constraint). */
    public static Optional<StoreFailure> of(Throwable e) {
        boolean unreachable = false;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout && poolExhausted(timeout)) {
                return Optional.of(BUSY);
            }
            if (cause instanceof CannotCreateTransactionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                unreachable = true;
            }
        }
        return unreachable ? Optional.of(UNREACHABLE) : Optional.empty();
    }

    /**
     * The pool gave up waiting while every connection it has was lent out, and no attempt to connect had failed (the
     * pool then names that failure as the cause): the store answers, this instance is saturated.
     */
    static boolean poolExhausted(SQLTransientConnectionException timeout) {
        if (timeout.getCause() != null || timeout.getMessage() == null) {
            return false;
        }
        Matcher state = POOL_STATE.matcher(timeout.getMessage());
        return state.find() && Integer.parseInt(state.group(1)) > 0 && state.group(1).equals(state.group(2));
    }

    /**
     * What the connection pool said, for the log: its timeout message holds only the pool's name and counts (and
     * the SQLState of a failed connect), never a statement or its values; empty when no pool timed out.
     */
    public static String poolState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException timeout && timeout.getMessage() != null) {
                Matcher state = POOL_STATE.matcher(timeout.getMessage());
                String counts = state.find() ? timeout.getMessage().substring(state.start()) : "";
                return "pool timed out " + counts + (timeout.getCause() instanceof java.sql.SQLException sql
                        ? ", after a failed connect (SQLState " + sql.getSQLState() + ")"
                        : timeout.getCause() != null ? ", after " + timeout.getCause().getClass().getSimpleName() : "");
            }
        }
        return "";
    }

    public String code() {
        return code;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The 503 problem a client sees, with {@code Retry-After}. */
    public ApiProblem problem() {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, code, detail,
                Map.of("retryAfterSeconds", retryAfterSeconds));
    }
}
