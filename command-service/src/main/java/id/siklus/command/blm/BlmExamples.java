package id.siklus.command.blm;

/**
 * The examples in the OpenAPI description of BlmController: requests that pass its validation
 * (OpenApiDocumentTest posts each one), its answers, and the problem detail of each refusal it can give.
 */
final class BlmExamples {

    static final String IDEMPOTENCY_KEY = "Makes a retry safe: a request whose key is recorded gets the first answer "
            + "again (Idempotent-Replayed: true) and records nothing; the same key on a different request is 422 "
            + "IDEMPOTENCY_KEY_REUSED. A new key for each new request, e.g. a UUID kept with it";
    static final String MONEY_IDEMPOTENCY_KEY = "Required: this records money, and a lost answer must never "
            + "lead to booking twice (400 IDEMPOTENCY_KEY_REQUIRED without it). " + IDEMPOTENCY_KEY;
    static final String RUPIAH = "Whole rupiah as a plain JSON integer (200000000 is Rp 200.000.000), 1 to 10^13: "
            + "no decimals, exponent or quotes";
    static final String IDEMPOTENCY_KEY_PATTERN = "^[A-Za-z0-9._:@-]{1,100}$";
    static final String IDEMPOTENCY_KEY_EXAMPLE = "3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0";

    /** The answer to a request without a valid token, from the security filter: it has no instance. */
    static final String UNAUTHENTICATED = """
            {"type": "https://siklus.id/problems/unauthenticated", "title": "Unauthorized", "status": 401, "detail": \
            "Send a valid, unexpired bearer token from the configured issuer in the Authorization header.", "code": \
            "UNAUTHENTICATED"}""";

    // --- POST /api/v1/kelurahan/{code}/blm/{year}/allocation ---------------------------------------------------------

    static final String ALLOCATE_REQUEST = """
            {"pagu": 200000000, "receivedOn": "2010-02-01"}""";

    static final String ALLOCATE_CREATED = """
            {"kelurahanCode": "35.71.03.1001", "year": 2010, "pagu": 200000000, "receivedOn": "2010-02-01"}""";

    static final String ALLOCATE_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "'pagu' must be more than Rp 0.", "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", \
            "code": "INVALID_FIELD"}""";

    static final String ALLOCATE_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'pagu' has a value of the wrong kind; it must be a whole number of rupiah from 0 to 10000000000000, \
            written without decimals, exponent or quotes.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", "code": "INVALID_VALUE"}""";

    static final String ALLOCATE_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'receivedOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", "code": \
            "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String ALLOCATE_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": "/api/v1/kelurahan/35.71.3.1001/blm/2010/allocation", "code": "INVALID_KELURAHAN_CODE"}""";

    static final String ALLOCATE_INVALID_PARAMETER = """
            {"type": "https://siklus.id/problems/invalid-parameter", "title": "Bad Request", "status": 400, "detail": \
            "Parameter 'year' has a value of the wrong type.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2o10/allocation", "code": "INVALID_PARAMETER"}""";

    static final String ALLOCATE_INVALID_PARAMETER_YEAR_OUT_OF_RANGE = """
            {"type": "https://siklus.id/problems/invalid-parameter", "title": "Bad Request", "status": 400, "detail": \
            "The year in the path must lie between 2000 and 2100.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/1999/allocation", "code": "INVALID_PARAMETER"}""";

    static final String ALLOCATE_IDEMPOTENCY_KEY_REQUIRED = """
            {"type": "https://siklus.id/problems/idempotency-key-required", "title": "Bad Request", "status": 400, \
            "detail": "This records money: send an Idempotency-Key header (for example a UUID you keep with the \
            request) so that a retry is never booked twice.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", "code": "IDEMPOTENCY_KEY_REQUIRED"}""";

    static final String ALLOCATE_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [receivedOn, pagu].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", "code": "UNKNOWN_FIELD"}""";

    static final String ALLOCATE_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", "code": "MALFORMED_JSON"}""";

    static final String ALLOCATE_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", "code": \
            "MISSING_BODY"}""";

    static final String ALLOCATE_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", "code": "INVALID_HEADER"}""";

    static final String ALLOCATE_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role ADMIN; your token has [LKM].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", "code": "ROLE_NOT_PERMITTED"}""";

    static final String ALLOCATE_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", "code": "KELURAHAN_NOT_FOUND"}""";

    static final String ALLOCATE_BLM_ALREADY_ALLOCATED = """
            {"type": "https://siklus.id/problems/blm-already-allocated", "title": "Conflict", "status": 409, "detail": \
            "The BLM for 2010 was allocated already (Rp 200.000.000, received 2010-02-01); there is one allocation a \
            year.", "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", "code": \
            "BLM_ALREADY_ALLOCATED"}""";

    static final String ALLOCATE_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", "code": "CONCURRENT_CHANGE"}""";

    static final String ALLOCATE_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String ALLOCATE_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/allocation", "code": "STORE_UNAVAILABLE", \
            "retryAfterSeconds": 5}""";

    // --- POST /api/v1/kelurahan/{code}/blm/{year}/disbursements ------------------------------------------------------

    static final String DISBURSE_LINGKUNGAN = """
            {"disbursementId": "3f2e1d0c-9b8a-4776-8655-443322110099", "category": "LINGKUNGAN", "amount": 120750000, \
            "activity": "Perbaikan saluran drainase RW 03", "disbursedOn": "2010-03-01"}""";

    static final String DISBURSE_EKONOMI = """
            {"category": "EKONOMI", "amount": 60000000, "activity": "Modal ekonomi bergulir", "disbursedOn": \
            "2010-03-02"}""";

    static final String DISBURSE_SOSIAL_WITH_KSM = """
            {"category": "SOSIAL", "amount": 12500000, "activity": "Santunan pendidikan anak keluarga miskin", \
            "disbursedOn": "2010-04-05", "ksmId": "4c5d6e7f-8091-4a2b-8c3d-4e5f6a7b8c9d"}""";

    static final String DISBURSE_CREATED = """
            {"disbursementId": "3f2e1d0c-9b8a-4776-8655-443322110099", "year": 2010, "category": "LINGKUNGAN", \
            "amount": 120750000}""";

    static final String DISBURSE_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "'amount' must be more than Rp 0.", "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", \
            "code": "INVALID_FIELD"}""";

    static final String DISBURSE_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'amount' has a value of the wrong kind; it must be a whole number of rupiah from 0 to \
            10000000000000, written without decimals, exponent or quotes.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "INVALID_VALUE"}""";

    static final String DISBURSE_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'disbursedOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": \
            "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String DISBURSE_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": "/api/v1/kelurahan/35.71.3.1001/blm/2010/disbursements", "code": "INVALID_KELURAHAN_CODE"}""";

    static final String DISBURSE_INVALID_PARAMETER = """
            {"type": "https://siklus.id/problems/invalid-parameter", "title": "Bad Request", "status": 400, "detail": \
            "Parameter 'year' has a value of the wrong type.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2o10/disbursements", "code": "INVALID_PARAMETER"}""";

    static final String DISBURSE_INVALID_PARAMETER_YEAR_OUT_OF_RANGE = """
            {"type": "https://siklus.id/problems/invalid-parameter", "title": "Bad Request", "status": 400, "detail": \
            "The year in the path must lie between 2000 and 2100.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/1999/disbursements", "code": "INVALID_PARAMETER"}""";

    static final String DISBURSE_IDEMPOTENCY_KEY_REQUIRED = """
            {"type": "https://siklus.id/problems/idempotency-key-required", "title": "Bad Request", "status": 400, \
            "detail": "This records money: send an Idempotency-Key header (for example a UUID you keep with the \
            request) so that a retry is never booked twice.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "IDEMPOTENCY_KEY_REQUIRED"}""";

    static final String DISBURSE_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [disbursedOn, amount, \
            disbursementId, category, activity, ksmId].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "UNKNOWN_FIELD"}""";

    static final String DISBURSE_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "MALFORMED_JSON"}""";

    static final String DISBURSE_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": \
            "MISSING_BODY"}""";

    static final String DISBURSE_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "INVALID_HEADER"}""";

    static final String DISBURSE_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role LKM; your token has [MONITOR].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "ROLE_NOT_PERMITTED"}""";

    static final String DISBURSE_KELURAHAN_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/kelurahan-not-permitted", "title": "Forbidden", "status": 403, \
            "detail": "Your token may write for [35.71.03.1002], not for kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "KELURAHAN_NOT_PERMITTED"}""";

    static final String DISBURSE_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "KELURAHAN_NOT_FOUND"}""";

    static final String DISBURSE_KSM_NOT_FOUND = """
            {"type": "https://siklus.id/problems/ksm-not-found", "title": "Not Found", "status": 404, "detail": "No \
            KSM 4c5d6e7f-8091-4a2b-8c3d-4e5f6a7b8c9d is formed in kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "KSM_NOT_FOUND"}""";

    static final String DISBURSE_BLM_NOT_ALLOCATED = """
            {"type": "https://siklus.id/problems/blm-not-allocated", "title": "Conflict", "status": 409, "detail": "No \
            BLM is allocated to kelurahan 35.71.03.1001 for 2010; an ADMIN records the year's pagu first.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "BLM_NOT_ALLOCATED"}""";

    static final String DISBURSE_CYCLE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-order", "title": "Conflict", "status": 409, "detail": "BLM of \
            2010 cannot be used before a PJM Pronangkis covering 2010 is recorded.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "CYCLE_ORDER"}""";

    static final String DISBURSE_KSM_DISSOLVED = """
            {"type": "https://siklus.id/problems/ksm-dissolved", "title": "Conflict", "status": 409, "detail": "KSM \
            Peduli Pendidikan was dissolved.", "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", \
            "code": "KSM_DISSOLVED"}""";

    static final String DISBURSE_DISBURSEMENT_ALREADY_RECORDED = """
            {"type": "https://siklus.id/problems/disbursement-already-recorded", "title": "Conflict", "status": 409, \
            "detail": "Disbursement 3f2e1d0c-9b8a-4776-8655-443322110099 is already recorded; nothing was changed.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": \
            "DISBURSEMENT_ALREADY_RECORDED"}""";

    static final String DISBURSE_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "CONCURRENT_CHANGE"}""";

    static final String DISBURSE_CYCLE_DATE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-date-order", "title": "Unprocessable Entity", "status": 422, \
            "detail": "A disbursement on 2010-01-15 cannot come before the BLM was received on 2010-02-01.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "CYCLE_DATE_ORDER"}""";

    static final String DISBURSE_BLM_PAGU_EXCEEDED = """
            {"type": "https://siklus.id/problems/blm-pagu-exceeded", "title": "Unprocessable Entity", "status": 422, \
            "detail": "Rp 80.000.000 exceeds what is left of the 2010 pagu of Rp 200.000.000: Rp 79.250.000 (79250000) \
            remains.", "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": \
            "BLM_PAGU_EXCEEDED"}""";

    static final String DISBURSE_KSM_NOT_ALLOWED = """
            {"type": "https://siklus.id/problems/ksm-not-allowed", "title": "Unprocessable Entity", "status": 422, \
            "detail": "EKONOMI is not booked to a KSM: it becomes capital of the revolving fund, lent to KSM as loans; \
            remove ksmId.", "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": \
            "KSM_NOT_ALLOWED"}""";

    static final String DISBURSE_KSM_PURPOSE_MISMATCH = """
            {"type": "https://siklus.id/problems/ksm-purpose-mismatch", "title": "Unprocessable Entity", "status": \
            422, "detail": "KSM Sumber Rejeki is a EKONOMI KSM; a SOSIAL use is booked to a SOSIAL KSM.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "KSM_PURPOSE_MISMATCH"}""";

    static final String DISBURSE_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String DISBURSE_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/blm/2010/disbursements", "code": "STORE_UNAVAILABLE", \
            "retryAfterSeconds": 5}""";

    private BlmExamples() {
    }
}
