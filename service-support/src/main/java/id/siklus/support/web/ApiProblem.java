package id.siklus.support.web;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A refusal that leaves as an RFC 9457 problem detail: a stable {@code code} that client systems may branch on, and a
 * sentence a person can act on.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final transient Map<String, Object> properties;

    public ApiProblem(HttpStatus status, String code, String detail) {
        this(status, code, detail, Map.of());
    }

    public ApiProblem(HttpStatus status, String code, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public static ApiProblem notFound(String code, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, code, detail);
    }

    public static ApiProblem conflict(String code, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, code, detail);
    }

    public static ApiProblem badRequest(String code, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ApiProblem forbidden(String code, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, code, detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
