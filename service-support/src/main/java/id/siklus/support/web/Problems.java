package id.siklus.support.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Map;

/** Builds problem details in one shape everywhere: type URI from the code, the code itself as a property. */
public final class Problems {

    public static final String TYPE_BASE = "https://siklus.id/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        return of(status, code, detail, Map.of());
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')));
        problem.setProperty("code", code);
        properties.forEach(problem::setProperty);
        return problem;
    }
}
