package id.siklus.command.partnership;

/**
 * The examples in the OpenAPI description of PartnershipController: requests that pass its validation
 * (OpenApiDocumentTest posts each one), its answers, and the problem detail of each refusal it can give.
 */
final class PartnershipExamples {

    static final String IDEMPOTENCY_KEY = "Makes a retry safe: a request whose key is recorded gets the first answer "
            + "again (Idempotent-Replayed: true) and records nothing; the same key on a different request is 422 "
            + "IDEMPOTENCY_KEY_REUSED. A new key for each new request, e.g. a UUID kept with it";
    static final String RUPIAH = "Whole rupiah as a plain JSON integer (200000000 is Rp 200.000.000), 1 to 10^13: "
            + "no decimals, exponent or quotes";
    static final String IDEMPOTENCY_KEY_PATTERN = "^[A-Za-z0-9._:@-]{1,100}$";
    static final String IDEMPOTENCY_KEY_EXAMPLE = "3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0";

    /** The answer to a request without a valid token, from the security filter: it has no instance. */
    static final String UNAUTHENTICATED = """
            {"type": "https://siklus.id/problems/unauthenticated", "title": "Unauthorized", "status": 401, "detail": \
            "Send a valid, unexpired bearer token from the configured issuer in the Authorization header.", "code": \
            "UNAUTHENTICATED"}""";

    // --- POST /api/v1/kelurahan/{code}/partnerships ------------------------------------------------------------------

    static final String RECORD_TRAINING_FOR_A_KSM = """
            {"partnershipId": "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", "agency": "Dinas Koperasi dan UMKM Kota Kediri", \
            "kind": "TRAINING", "ksmId": "6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4", "value": 15000000, "startedOn": \
            "2010-06-01"}""";

    static final String RECORD_VENUE_WITHOUT_VALUE = """
            {"agency": "SD Negeri Bandar Lor 2", "kind": "VENUE", "startedOn": "2010-07-10"}""";

    static final String RECORD_CREATED = """
            {"partnershipId": "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d"}""";

    static final String RECORD_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "'value' is more than Rp 0 when given; leave it out when the contribution has no rupiah value.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": "INVALID_FIELD"}""";

    static final String RECORD_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'kind' cannot take the value 'HIBAH'; it must be one of [TRAINING, SEED_STOCK, VENUE, FUNDING, \
            OTHER].", "instance": "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": "INVALID_VALUE"}""";

    static final String RECORD_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'startedOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": \
            "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String RECORD_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": "/api/v1/kelurahan/35.71.3.1001/partnerships", "code": "INVALID_KELURAHAN_CODE"}""";

    static final String RECORD_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [ksmId, value, kind, agency, \
            partnershipId, startedOn].", "instance": "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": \
            "UNKNOWN_FIELD"}""";

    static final String RECORD_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": "MALFORMED_JSON"}""";

    static final String RECORD_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": \
            "MISSING_BODY"}""";

    static final String RECORD_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": "INVALID_HEADER"}""";

    static final String RECORD_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role LKM; your token has [MONITOR].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": "ROLE_NOT_PERMITTED"}""";

    static final String RECORD_KELURAHAN_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/kelurahan-not-permitted", "title": "Forbidden", "status": 403, \
            "detail": "Your token may write for [35.71.03.1002], not for kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": "KELURAHAN_NOT_PERMITTED"}""";

    static final String RECORD_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": "KELURAHAN_NOT_FOUND"}""";

    static final String RECORD_KSM_NOT_FOUND = """
            {"type": "https://siklus.id/problems/ksm-not-found", "title": "Not Found", "status": 404, "detail": "No \
            KSM 6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4 is formed in kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": "KSM_NOT_FOUND"}""";

    static final String RECORD_KSM_DISSOLVED = """
            {"type": "https://siklus.id/problems/ksm-dissolved", "title": "Conflict", "status": 409, "detail": "KSM \
            Sumber Rejeki was dissolved.", "instance": "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": \
            "KSM_DISSOLVED"}""";

    static final String RECORD_PARTNERSHIP_ALREADY_RECORDED = """
            {"type": "https://siklus.id/problems/partnership-already-recorded", "title": "Conflict", "status": 409, \
            "detail": "Partnership 9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d is recorded already.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": "PARTNERSHIP_ALREADY_RECORDED"}""";

    static final String RECORD_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": "CONCURRENT_CHANGE"}""";

    static final String RECORD_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String RECORD_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/partnerships", "code": "STORE_UNAVAILABLE", \
            "retryAfterSeconds": 5}""";

    private PartnershipExamples() {
    }
}
