package id.siklus.command.kelurahan;

/**
 * The examples in the OpenAPI description of KelurahanController: requests that pass its validation
 * (OpenApiDocumentTest posts each one), its answers, and the problem detail of each refusal it can give.
 */
final class KelurahanExamples {

    static final String IDEMPOTENCY_KEY = "Makes a retry safe: a request whose key is recorded gets the first answer "
            + "again (Idempotent-Replayed: true) and records nothing; the same key on a different request is 422 "
            + "IDEMPOTENCY_KEY_REUSED. A new key for each new request, e.g. a UUID kept with it";
    static final String IDEMPOTENCY_KEY_PATTERN = "^[A-Za-z0-9._:@-]{1,100}$";
    static final String IDEMPOTENCY_KEY_EXAMPLE = "3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0";

    /** The answer to a request without a valid token, from the security filter: it has no instance. */
    static final String UNAUTHENTICATED = """
            {"type": "https://siklus.id/problems/unauthenticated", "title": "Unauthorized", "status": 401, "detail": \
            "Send a valid, unexpired bearer token from the configured issuer in the Authorization header.", "code": \
            "UNAUTHENTICATED"}""";

    // --- POST /api/v1/kelurahan --------------------------------------------------------------------------------------

    static final String REGISTER_REQUEST = """
            {"code": "35.71.03.1001", "name": "Bandar Lor", "kecamatan": "Mojoroto", "kota": "Kediri"}""";

    static final String REGISTER_CREATED = """
            {"code": "35.71.03.1001"}""";

    static final String REGISTER_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "Invalid request: 'code' must be a Kemendagri area code PP.KK.CC.DDDD, e.g. 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan", "code": "INVALID_FIELD", "errors": [{"field": "code", "message": "must be a \
            Kemendagri area code PP.KK.CC.DDDD, e.g. 35.71.03.1001"}]}""";

    static final String REGISTER_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'name' cannot take the value 42; it must be a string.", "instance": "/api/v1/kelurahan", "code": \
            "INVALID_VALUE"}""";

    static final String REGISTER_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [kota, name, code, kecamatan].", \
            "instance": "/api/v1/kelurahan", "code": "UNKNOWN_FIELD"}""";

    static final String REGISTER_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": "/api/v1/kelurahan", \
            "code": "MALFORMED_JSON"}""";

    static final String REGISTER_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": "/api/v1/kelurahan", "code": "MISSING_BODY"}""";

    static final String REGISTER_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": "/api/v1/kelurahan", \
            "code": "INVALID_HEADER"}""";

    static final String REGISTER_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role ADMIN; your token has [LKM].", "instance": "/api/v1/kelurahan", "code": \
            "ROLE_NOT_PERMITTED"}""";

    static final String REGISTER_KELURAHAN_ALREADY_REGISTERED = """
            {"type": "https://siklus.id/problems/kelurahan-already-registered", "title": "Conflict", "status": 409, \
            "detail": "Kelurahan 35.71.03.1001 is already registered; nothing was changed.", "instance": \
            "/api/v1/kelurahan", "code": "KELURAHAN_ALREADY_REGISTERED"}""";

    static final String REGISTER_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/kelurahan", "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String REGISTER_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/kelurahan", "code": "STORE_UNAVAILABLE", "retryAfterSeconds": 5}""";

    private KelurahanExamples() {
    }
}
