package id.siklus.command;

/**
 * A command that a program rule forbids. Thrown by aggregates before anything is applied, so nothing is written; the
 * HTTP edge turns it into a problem detail with this code and message.
 */
public class RuleViolation extends RuntimeException {

    /** What kind of refusal, which decides the HTTP status. */
    public enum Kind {
        /** The state does not allow it yet or any more (409): another step must come first, or it exists. */
        CONFLICT,
        /** The request is well-formed but its values break a rule against the recorded facts (422). */
        UNPROCESSABLE,
        /** It refers to something that is not recorded (404). */
        NOT_FOUND
    }

    private final String code;
    private final Kind kind;

    public RuleViolation(Kind kind, String code, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.code = code;
    }

    public static RuleViolation conflict(String code, String message) {
        return new RuleViolation(Kind.CONFLICT, code, message);
    }

    public static RuleViolation unprocessable(String code, String message) {
        return new RuleViolation(Kind.UNPROCESSABLE, code, message);
    }

    public static RuleViolation notFound(String code, String message) {
        return new RuleViolation(Kind.NOT_FOUND, code, message);
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }
}
