package id.siklus.command.cycle;

/**
 * The examples in the OpenAPI description of CycleController: requests that pass its validation
 * (OpenApiDocumentTest posts each one), its answers, and the problem detail of each refusal it can give.
 */
final class CycleExamples {

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

    // --- POST /api/v1/kelurahan/{code}/cycle-stages ------------------------------------------------------------------

    static final String RECORD_REFLEKSI_KEMISKINAN = """
            {"stage": "REFLEKSI_KEMISKINAN", "heldOn": "2009-03-14", "participants": {"men": 40, "women": 35, "poor": \
            30}, "notes": "FGD di balai RW 03"}""";

    static final String RECORD_PEMETAAN_SWADAYA = """
            {"stage": "PEMETAAN_SWADAYA", "heldOn": "2009-04-20", "participants": {"men": 20, "women": 25, "poor": \
            15}, "notes": "Pemetaan swadaya oleh relawan di 12 RT"}""";

    static final String RECORD_PEMBENTUKAN_LKM = """
            {"stage": "PEMBENTUKAN_LKM", "heldOn": "2009-06-06", "participants": {"men": 30, "women": 28, "poor": 20}, \
            "lkmName": "LKM Maju Bersama"}""";

    static final String RECORD_PJM_PRONANGKIS = """
            {"stage": "PJM_PRONANGKIS", "heldOn": "2009-08-15", "participants": {"men": 30, "women": 28, "poor": 20}, \
            "fromYear": 2010, "toYear": 2012}""";

    static final String RECORD_REVIEW_PARTISIPATIF = """
            {"stage": "REVIEW_PARTISIPATIF", "heldOn": "2010-05-15", "participants": {"men": 35, "women": 30, "poor": \
            22}, "notes": "Review tahun pertama PJM 2010-2012"}""";

    static final String RECORD_OK = """
            {"kelurahanCode": "35.71.03.1001", "stage": "REFLEKSI_KEMISKINAN", "heldOn": "2009-03-14"}""";

    static final String RECORD_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "'lkmName' is required for PEMBENTUKAN_LKM: the name of the elected LKM.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "INVALID_FIELD"}""";

    static final String RECORD_PARTICIPANTS_INCONSISTENT = """
            {"type": "https://siklus.id/problems/participants-inconsistent", "title": "Bad Request", "status": 400, \
            "detail": "'participants.poor' (80) cannot exceed men + women (75).", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "PARTICIPANTS_INCONSISTENT"}""";

    static final String RECORD_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'stage' cannot take the value 'SOSIALISASI'; it must be one of [REFLEKSI_KEMISKINAN, \
            PEMETAAN_SWADAYA, PEMBENTUKAN_LKM, PJM_PRONANGKIS, REVIEW_PARTISIPATIF].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "INVALID_VALUE"}""";

    static final String RECORD_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'heldOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": \
            "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String RECORD_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": "/api/v1/kelurahan/35.71.3.1001/cycle-stages", "code": "INVALID_KELURAHAN_CODE"}""";

    static final String RECORD_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [participants, notes, heldOn, \
            fromYear, toYear, lkmName, stage].", "instance": "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": \
            "UNKNOWN_FIELD"}""";

    static final String RECORD_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "MALFORMED_JSON"}""";

    static final String RECORD_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": \
            "MISSING_BODY"}""";

    static final String RECORD_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "INVALID_HEADER"}""";

    static final String RECORD_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role LKM; your token has [MONITOR].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "ROLE_NOT_PERMITTED"}""";

    static final String RECORD_KELURAHAN_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/kelurahan-not-permitted", "title": "Forbidden", "status": 403, \
            "detail": "Your token may write for [35.71.03.1002], not for kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "KELURAHAN_NOT_PERMITTED"}""";

    static final String RECORD_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "KELURAHAN_NOT_FOUND"}""";

    static final String RECORD_CYCLE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-order", "title": "Conflict", "status": 409, "detail": \
            "PJM_PRONANGKIS cannot be recorded before PEMBENTUKAN_LKM; record PEMBENTUKAN_LKM for kelurahan \
            35.71.03.1001 first.", "instance": "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": \
            "CYCLE_ORDER"}""";

    static final String RECORD_CYCLE_STAGE_ALREADY_RECORDED = """
            {"type": "https://siklus.id/problems/cycle-stage-already-recorded", "title": "Conflict", "status": 409, \
            "detail": "REFLEKSI_KEMISKINAN was recorded for kelurahan 35.71.03.1001 on 2009-03-14; it is recorded \
            once. Changes to the poor families are recorded as reclassifications.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "CYCLE_STAGE_ALREADY_RECORDED"}""";

    static final String RECORD_PJM_PERIOD_OVERLAPS = """
            {"type": "https://siklus.id/problems/pjm-period-overlaps", "title": "Conflict", "status": 409, "detail": \
            "A PJM Pronangkis for 2010–2012 is recorded; a new plan must start in 2013 or later, not 2012.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "PJM_PERIOD_OVERLAPS"}""";

    static final String RECORD_REVIEW_ALREADY_HELD_THIS_YEAR = """
            {"type": "https://siklus.id/problems/review-already-held-this-year", "title": "Conflict", "status": 409, \
            "detail": "A review partisipatif for 2010 is recorded already; it is held at most once a calendar year.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "REVIEW_ALREADY_HELD_THIS_YEAR"}""";

    static final String RECORD_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "CONCURRENT_CHANGE"}""";

    static final String RECORD_CYCLE_DATE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-date-order", "title": "Unprocessable Entity", "status": 422, \
            "detail": "PEMETAAN_SWADAYA held on 2009-03-01 cannot be earlier than REFLEKSI_KEMISKINAN, held on \
            2009-03-14.", "instance": "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "CYCLE_DATE_ORDER"}""";

    static final String RECORD_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String RECORD_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/cycle-stages", "code": "STORE_UNAVAILABLE", \
            "retryAfterSeconds": 5}""";

    private CycleExamples() {
    }
}
