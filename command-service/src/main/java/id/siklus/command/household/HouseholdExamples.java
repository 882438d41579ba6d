package id.siklus.command.household;

/**
 * The examples in the OpenAPI description of HouseholdController: requests that pass its validation
 * (OpenApiDocumentTest posts each one), its answers, and the problem detail of each refusal it can give.
 */
final class HouseholdExamples {

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

    // --- POST /api/v1/kelurahan/{code}/households --------------------------------------------------------------------

    static final String REGISTER_WITH_OWN_ID_AND_NIK = """
            {"householdId": "7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71", "rw": "03", "rt": "010", "headName": "Siti \
            Aminah", "members": 4, "povertyStatus": "MISKIN", "nik": "3571034506780001", "registeredOn": \
            "2009-05-02"}""";

    static final String REGISTER_SERVER_CHOSEN_ID = """
            {"rw": "03", "rt": "011", "headName": "Bambang Sutrisno", "members": 3, "povertyStatus": \
            "HAMPIR_MISKIN"}""";

    static final String REGISTER_CREATED = """
            {"householdId": "7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71"}""";

    static final String REGISTER_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "Invalid request: 'rw' must be a 2 or 3 digit RW number, e.g. 03.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households", "code": "INVALID_FIELD", "errors": [{"field": "rw", \
            "message": "must be a 2 or 3 digit RW number, e.g. 03"}]}""";

    static final String REGISTER_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'povertyStatus' cannot take the value 'KAYA'; it must be one of [MISKIN, HAMPIR_MISKIN, \
            TIDAK_MISKIN].", "instance": "/api/v1/kelurahan/35.71.03.1001/households", "code": "INVALID_VALUE"}""";

    static final String REGISTER_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'registeredOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": "/api/v1/kelurahan/35.71.03.1001/households", "code": \
            "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String REGISTER_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": "/api/v1/kelurahan/35.71.3.1001/households", "code": "INVALID_KELURAHAN_CODE"}""";

    static final String REGISTER_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [nik, registeredOn, rt, rw, \
            members, householdId, headName, povertyStatus].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households", "code": "UNKNOWN_FIELD"}""";

    static final String REGISTER_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households", "code": "MALFORMED_JSON"}""";

    static final String REGISTER_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": "/api/v1/kelurahan/35.71.03.1001/households", "code": \
            "MISSING_BODY"}""";

    static final String REGISTER_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households", "code": "INVALID_HEADER"}""";

    static final String REGISTER_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role LKM; your token has [MONITOR].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households", "code": "ROLE_NOT_PERMITTED"}""";

    static final String REGISTER_KELURAHAN_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/kelurahan-not-permitted", "title": "Forbidden", "status": 403, \
            "detail": "Your token may write for [35.71.03.1002], not for kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households", "code": "KELURAHAN_NOT_PERMITTED"}""";

    static final String REGISTER_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households", "code": "KELURAHAN_NOT_FOUND"}""";

    static final String REGISTER_HOUSEHOLD_ID_TAKEN = """
            {"type": "https://siklus.id/problems/household-id-taken", "title": "Conflict", "status": 409, "detail": \
            "Household id 7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71 belongs to another kelurahan; let the server choose an \
            id, or send a new UUID.", "instance": "/api/v1/kelurahan/35.71.03.1001/households", "code": \
            "HOUSEHOLD_ID_TAKEN"}""";

    static final String REGISTER_CYCLE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-order", "title": "Conflict", "status": 409, "detail": "A \
            household cannot be recorded before PEMETAAN_SWADAYA; record PEMETAAN_SWADAYA for kelurahan 35.71.03.1001 \
            first.", "instance": "/api/v1/kelurahan/35.71.03.1001/households", "code": "CYCLE_ORDER"}""";

    static final String REGISTER_HOUSEHOLD_ALREADY_REGISTERED = """
            {"type": "https://siklus.id/problems/household-already-registered", "title": "Conflict", "status": 409, \
            "detail": "Household 7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71 is already registered; nothing was changed.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/households", "code": "HOUSEHOLD_ALREADY_REGISTERED"}""";

    static final String REGISTER_NIK_ALREADY_REGISTERED = """
            {"type": "https://siklus.id/problems/nik-already-registered", "title": "Conflict", "status": 409, \
            "detail": "A household with this NIK is already registered in kelurahan 35.71.03.1001; reclassify that \
            household instead of registering it again.", "instance": "/api/v1/kelurahan/35.71.03.1001/households", \
            "code": "NIK_ALREADY_REGISTERED"}""";

    static final String REGISTER_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households", "code": "CONCURRENT_CHANGE"}""";

    static final String REGISTER_CYCLE_DATE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-date-order", "title": "Unprocessable Entity", "status": 422, \
            "detail": "A household registered on 2009-04-01 cannot come before the pemetaan swadaya of 2009-04-20.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/households", "code": "CYCLE_DATE_ORDER"}""";

    static final String REGISTER_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/households", "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String REGISTER_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/households", "code": "STORE_UNAVAILABLE", \
            "retryAfterSeconds": 5}""";

    // --- POST /api/v1/kelurahan/{code}/households/{householdId}/reclassifications ------------------------------------

    static final String RECLASSIFY_REQUEST = """
            {"povertyStatus": "HAMPIR_MISKIN", "reason": "Review partisipatif 2010: usaha warung berkembang", \
            "effectiveOn": "2010-05-20"}""";

    static final String RECLASSIFY_OK = """
            {"householdId": "7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71", "povertyStatus": "HAMPIR_MISKIN", "effectiveOn": \
            "2010-05-20"}""";

    static final String RECLASSIFY_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "Invalid request: 'reason' must not be blank.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "INVALID_FIELD", "errors": [{"field": "reason", "message": "must not be blank"}]}""";

    static final String RECLASSIFY_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'povertyStatus' cannot take the value 'KAYA'; it must be one of [MISKIN, HAMPIR_MISKIN, \
            TIDAK_MISKIN].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "INVALID_VALUE"}""";

    static final String RECLASSIFY_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'effectiveOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String RECLASSIFY_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": \
            "/api/v1/kelurahan/35.71.3.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "INVALID_KELURAHAN_CODE"}""";

    static final String RECLASSIFY_INVALID_PARAMETER = """
            {"type": "https://siklus.id/problems/invalid-parameter", "title": "Bad Request", "status": 400, "detail": \
            "Parameter 'householdId' has a value of the wrong type.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/household-1/reclassifications", "code": "INVALID_PARAMETER"}""";

    static final String RECLASSIFY_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [povertyStatus, reason, \
            effectiveOn].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "UNKNOWN_FIELD"}""";

    static final String RECLASSIFY_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "MALFORMED_JSON"}""";

    static final String RECLASSIFY_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "MISSING_BODY"}""";

    static final String RECLASSIFY_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "INVALID_HEADER"}""";

    static final String RECLASSIFY_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role LKM; your token has [MONITOR].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "ROLE_NOT_PERMITTED"}""";

    static final String RECLASSIFY_KELURAHAN_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/kelurahan-not-permitted", "title": "Forbidden", "status": 403, \
            "detail": "Your token may write for [35.71.03.1002], not for kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "KELURAHAN_NOT_PERMITTED"}""";

    static final String RECLASSIFY_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "KELURAHAN_NOT_FOUND"}""";

    static final String RECLASSIFY_HOUSEHOLD_NOT_FOUND = """
            {"type": "https://siklus.id/problems/household-not-found", "title": "Not Found", "status": 404, "detail": \
            "No household 7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71 is registered in kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "HOUSEHOLD_NOT_FOUND"}""";

    static final String RECLASSIFY_STATUS_UNCHANGED = """
            {"type": "https://siklus.id/problems/status-unchanged", "title": "Conflict", "status": 409, "detail": \
            "Household 7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71 is HAMPIR_MISKIN already; nothing was changed.", \
            "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "STATUS_UNCHANGED"}""";

    static final String RECLASSIFY_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "CONCURRENT_CHANGE"}""";

    static final String RECLASSIFY_CYCLE_DATE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-date-order", "title": "Unprocessable Entity", "status": 422, \
            "detail": "A reclassification effective 2009-04-01 cannot come before the household's registration on \
            2009-05-02.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "CYCLE_DATE_ORDER"}""";

    static final String RECLASSIFY_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String RECLASSIFY_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/reclassifications", \
            "code": "STORE_UNAVAILABLE", "retryAfterSeconds": 5}""";

    // --- POST /api/v1/kelurahan/{code}/households/{householdId}/personal-data/forget ---------------------------------

    static final String FORGET_REQUEST = """
            {"legalBasis": "UU PDP 27/2022 Pasal 8: permintaan penghapusan oleh subjek data, surat LKM no. \
            17/LKM/XI/2026"}""";

    static final String FORGET_OK = """
            {"householdId": "7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71", "personalData": "ERASED", "forgottenOn": \
            "2026-11-28"}""";

    static final String FORGET_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "Invalid request: 'legalBasis' must not be blank.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/personal-data/forget", \
            "code": "INVALID_FIELD", "errors": [{"field": "legalBasis", "message": "must not be blank"}]}""";

    static final String FORGET_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": \
            "/api/v1/kelurahan/35.71.3.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/personal-data/forget", \
            "code": "INVALID_KELURAHAN_CODE"}""";

    static final String FORGET_INVALID_PARAMETER = """
            {"type": "https://siklus.id/problems/invalid-parameter", "title": "Bad Request", "status": 400, "detail": \
            "Parameter 'householdId' has a value of the wrong type.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/household-1/personal-data/forget", "code": \
            "INVALID_PARAMETER"}""";

    static final String FORGET_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [legalBasis].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/personal-data/forget", \
            "code": "UNKNOWN_FIELD"}""";

    static final String FORGET_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/personal-data/forget", \
            "code": "MALFORMED_JSON"}""";

    static final String FORGET_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/personal-data/forget", \
            "code": "MISSING_BODY"}""";

    static final String FORGET_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/personal-data/forget", \
            "code": "INVALID_HEADER"}""";

    static final String FORGET_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role ADMIN; your token has [LKM].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/personal-data/forget", \
            "code": "ROLE_NOT_PERMITTED"}""";

    static final String FORGET_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/personal-data/forget", \
            "code": "KELURAHAN_NOT_FOUND"}""";

    static final String FORGET_HOUSEHOLD_NOT_FOUND = """
            {"type": "https://siklus.id/problems/household-not-found", "title": "Not Found", "status": 404, "detail": \
            "No household 7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71 is registered in kelurahan 35.71.03.1001.", \
            "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/personal-data/forget", \
            "code": "HOUSEHOLD_NOT_FOUND"}""";

    static final String FORGET_ALREADY_FORGOTTEN = """
            {"type": "https://siklus.id/problems/personal-data-already-forgotten", "title": "Conflict", "status": \
            409, "detail": "The personal data of household 7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71 was erased on \
            2026-11-28; nothing was changed.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/personal-data/forget", \
            "code": "PERSONAL_DATA_ALREADY_FORGOTTEN"}""";

    static final String FORGET_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/personal-data/forget", \
            "code": "CONCURRENT_CHANGE"}""";

    static final String FORGET_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/personal-data/forget", \
            "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String FORGET_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": \
            "/api/v1/kelurahan/35.71.03.1001/households/7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/personal-data/forget", \
            "code": "STORE_UNAVAILABLE", "retryAfterSeconds": 5}""";

    private HouseholdExamples() {
    }
}
