package id.siklus.command.complaint;

/**
 * The examples in the OpenAPI description of ComplaintController: requests that pass its validation
 * (OpenApiDocumentTest posts each one), its answers, and the problem detail of each refusal it can give.
 */
final class ComplaintExamples {

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

    // --- POST /api/v1/kelurahan/{code}/complaints --------------------------------------------------------------------

    static final String FILE_REQUEST = """
            {"complaintId": "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091", "channel": "Kotak pengaduan", "category": \
            "Penyaluran BLM", "text": "Warga RT 010 RW 03 menanyakan mengapa perbaikan saluran drainase belum \
            selesai.", "concernsId": "3f2e1d0c-9b8a-4776-8655-443322110099", "receivedOn": "2010-04-12"}""";

    static final String FILE_CREATED = """
            {"complaintId": "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091"}""";

    static final String FILE_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "Invalid request: 'text' must not be blank.", "instance": "/api/v1/kelurahan/35.71.03.1001/complaints", \
            "code": "INVALID_FIELD", "errors": [{"field": "text", "message": "must not be blank"}]}""";

    static final String FILE_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'channel' cannot take the value 42; it must be a string.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints", "code": "INVALID_VALUE"}""";

    static final String FILE_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'receivedOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": "/api/v1/kelurahan/35.71.03.1001/complaints", "code": \
            "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String FILE_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": "/api/v1/kelurahan/35.71.3.1001/complaints", "code": "INVALID_KELURAHAN_CODE"}""";

    static final String FILE_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [receivedOn, channel, complaintId, \
            text, category, concernsId].", "instance": "/api/v1/kelurahan/35.71.03.1001/complaints", "code": \
            "UNKNOWN_FIELD"}""";

    static final String FILE_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints", "code": "MALFORMED_JSON"}""";

    static final String FILE_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": "/api/v1/kelurahan/35.71.03.1001/complaints", "code": \
            "MISSING_BODY"}""";

    static final String FILE_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints", "code": "INVALID_HEADER"}""";

    static final String FILE_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role LKM or ADMIN; your token has [MONITOR].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints", "code": "ROLE_NOT_PERMITTED"}""";

    static final String FILE_KELURAHAN_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/kelurahan-not-permitted", "title": "Forbidden", "status": 403, \
            "detail": "Your token may write for [35.71.03.1002], not for kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints", "code": "KELURAHAN_NOT_PERMITTED"}""";

    static final String FILE_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints", "code": "KELURAHAN_NOT_FOUND"}""";

    static final String FILE_COMPLAINT_ALREADY_FILED = """
            {"type": "https://siklus.id/problems/complaint-already-filed", "title": "Conflict", "status": 409, \
            "detail": "Complaint 2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091 is filed already.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints", "code": "COMPLAINT_ALREADY_FILED"}""";

    static final String FILE_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints", "code": "CONCURRENT_CHANGE"}""";

    static final String FILE_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/complaints", "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String FILE_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/complaints", "code": "STORE_UNAVAILABLE", \
            "retryAfterSeconds": 5}""";

    // --- POST /api/v1/kelurahan/{code}/complaints/{complaintId}/resolution -------------------------------------------

    static final String RESOLVE_REQUEST = """
            {"resolution": "Pelaksana menjelaskan jadwal pekerjaan dalam rembug warga; saluran selesai 30 April \
            2010.", "resolvedOn": "2010-05-03"}""";

    static final String RESOLVE_OK = """
            {"complaintId": "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091", "resolvedOn": "2010-05-03"}""";

    static final String RESOLVE_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "Invalid request: 'resolution' must not be blank.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", "code": \
            "INVALID_FIELD", "errors": [{"field": "resolution", "message": "must not be blank"}]}""";

    static final String RESOLVE_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'resolvedOn' cannot take the value '03-05-2010'; it must be a LocalDate.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", "code": \
            "INVALID_VALUE"}""";

    static final String RESOLVE_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'resolvedOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", "code": \
            "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String RESOLVE_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": "/api/v1/kelurahan/35.71.3.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", \
            "code": "INVALID_KELURAHAN_CODE"}""";

    static final String RESOLVE_INVALID_PARAMETER = """
            {"type": "https://siklus.id/problems/invalid-parameter", "title": "Bad Request", "status": 400, "detail": \
            "Parameter 'complaintId' has a value of the wrong type.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/pengaduan-1/resolution", "code": "INVALID_PARAMETER"}""";

    static final String RESOLVE_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [resolution, resolvedOn].", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", \
            "code": "UNKNOWN_FIELD"}""";

    static final String RESOLVE_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", "code": \
            "MALFORMED_JSON"}""";

    static final String RESOLVE_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", "code": \
            "MISSING_BODY"}""";

    static final String RESOLVE_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", "code": \
            "INVALID_HEADER"}""";

    static final String RESOLVE_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role LKM or ADMIN; your token has [MONITOR].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", "code": \
            "ROLE_NOT_PERMITTED"}""";

    static final String RESOLVE_KELURAHAN_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/kelurahan-not-permitted", "title": "Forbidden", "status": 403, \
            "detail": "Your token may write for [35.71.03.1002], not for kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", "code": \
            "KELURAHAN_NOT_PERMITTED"}""";

    static final String RESOLVE_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", "code": \
            "KELURAHAN_NOT_FOUND"}""";

    static final String RESOLVE_COMPLAINT_NOT_FOUND = """
            {"type": "https://siklus.id/problems/complaint-not-found", "title": "Not Found", "status": 404, "detail": \
            "No complaint 2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091 in kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", "code": \
            "COMPLAINT_NOT_FOUND"}""";

    static final String RESOLVE_COMPLAINT_ALREADY_RESOLVED = """
            {"type": "https://siklus.id/problems/complaint-already-resolved", "title": "Conflict", "status": 409, \
            "detail": "Complaint 2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091 is resolved already.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", "code": \
            "COMPLAINT_ALREADY_RESOLVED"}""";

    static final String RESOLVE_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", "code": \
            "CONCURRENT_CHANGE"}""";

    static final String RESOLVE_CYCLE_DATE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-date-order", "title": "Unprocessable Entity", "status": 422, \
            "detail": "A complaint received on 2010-04-12 cannot be resolved on 2010-04-01.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", "code": \
            "CYCLE_DATE_ORDER"}""";

    static final String RESOLVE_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", \
            "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String RESOLVE_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/complaints/2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091/resolution", \
            "code": "STORE_UNAVAILABLE", "retryAfterSeconds": 5}""";

    private ComplaintExamples() {
    }
}
