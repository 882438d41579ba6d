package id.siklus.support.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.NonNull;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Every error leaves as {@code application/problem+json} with a stable {@code code}. */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return respond(Problems.of(problem.status(), problem.code(), problem.getMessage(), problem.properties()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return respond(Problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN",
                "Your token does not allow this request. Ask for a token with the role and kelurahan it needs."));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        String first = errors.isEmpty() ? "request" : errors.get(0).get("field") + " " + errors.get(0).get("message");
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_FIELD", "Invalid value: " + first + ".",
                Map.of("errors", errors)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        Class<?> type = e.getRequiredType();
        String expected = type == java.time.LocalDate.class ? " It must be a day as YYYY-MM-DD, e.g. 2025-03-01."
                : type == java.time.Instant.class ? " It must be an instant in ISO-8601 with its offset, e.g. "
                + "2025-03-01T10:00:00Z."
                : "";
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                "Parameter '" + e.getName() + "' has a value of the wrong type." + expected));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        java.util.Optional<StoreFailure> store = StoreFailure.of(e);
        if (store.isPresent()) {
            // a store that did not answer outside a command's own handling (a look-up, a read model): no stack trace,
            // whose messages can quote SQL or documents with personal data
            log.warn("Request refused, store {}: {}", store.get(), e.getClass().getName());
            return apiProblem(store.get().problem());
        }
        log.error("Unexpected error while handling a request", e);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Something went wrong on our side. Retry in a moment; a request sent with an Idempotency-Key is "
                        + "never recorded twice. If it persists, report the time of this request."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(@NonNull MethodArgumentNotValidException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(ProblemHandler::fieldError)
                .toList();
        String detail = errors.stream()
                .map(error -> "'" + error.get("field") + "' " + error.get("message"))
                .collect(Collectors.joining("; ", "Invalid request: ", "."));
        return respondObject(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_FIELD", detail, Map.of("errors", errors)));
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(@NonNull HttpMessageNotReadableException e,
                                                                  @NonNull HttpHeaders headers,
                                                                  @NonNull HttpStatusCode status,
                                                                  @NonNull WebRequest request) {
        Throwable cause = e.getCause();
        ProblemDetail problem;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD",
                    "Field '" + unknown.getPropertyName() + "' is not part of this request; remove it. Known fields: "
                            + unknown.getKnownPropertyIds() + ".");
        } else if (cause instanceof InvalidFormatException invalid) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_VALUE",
                    "Field '" + path(invalid) + "' cannot take the value " + quoted(invalid.getValue())
                            + "; it must be " + describe(invalid.getTargetType()) + ".");
        } else if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "INVALID_VALUE",
                    "Field '" + path(mismatched) + "' has a value of the wrong kind; it must be "
                            + describe(mismatched.getTargetType()) + ".");
        } else if (cause instanceof JsonProcessingException) {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON",
                    "The request body is not valid JSON; check quotes, commas and brackets.");
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "MISSING_BODY",
                    "The request needs a JSON body.");
        }
        return respondObject(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(@NonNull Exception ex, Object body,
                                                             @NonNull HttpHeaders headers,
                                                             @NonNull HttpStatusCode statusCode,
                                                             @NonNull WebRequest request) {
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : ex.getMessage();
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        return respondObject(Problems.of(status, status.name(), detail));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null
                        ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String quoted(Object value) {
        return value instanceof String ? "'" + value + "'" : String.valueOf(value);
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another kind";
        }
        if (type == id.siklus.api.money.Rupiah.class) {
            return "a whole number of rupiah from 0 to " + id.siklus.api.money.Rupiah.MAX
                    + ", written without decimals, exponent or quotes";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        return "a " + type.getSimpleName();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        Object retryAfter = problem.getProperties() == null ? null : problem.getProperties().get("retryAfterSeconds");
        if (retryAfter != null) {
            return ResponseEntity.status(problem.getStatus())
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static ResponseEntity<Object> respondObject(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
