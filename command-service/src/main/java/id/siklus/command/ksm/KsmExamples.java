package id.siklus.command.ksm;

/**
 * The examples in the OpenAPI description of KsmController: requests that pass its validation
 * (OpenApiDocumentTest posts each one), its answers, and the problem detail of each refusal it can give.
 */
final class KsmExamples {

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

    // --- POST /api/v1/kelurahan/{code}/ksm ---------------------------------------------------------------------------

    static final String FORM_EKONOMI_KSM = """
            {"ksmId": "6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4", "name": "Sumber Rejeki", "purpose": "EKONOMI", \
            "memberHouseholdIds": ["7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71", "a1d3f5b7-2c4e-4f60-8a9b-0c1d2e3f4a51", \
            "b2e4a6c8-3d5f-4a71-9b0c-1d2e3f4a5b62", "c3f5b7d9-4e6a-4b82-8c1d-2e3f4a5b6c73", \
            "d4a6c8e0-5f7b-4c93-9d2e-3f4a5b6c7d84"], "formedOn": "2010-03-10"}""";

    static final String FORM_SOSIAL_KSM = """
            {"name": "Peduli Pendidikan", "purpose": "SOSIAL", "memberHouseholdIds": \
            ["a1d3f5b7-2c4e-4f60-8a9b-0c1d2e3f4a51", "e5b7d9f1-6a8c-4da4-8e3f-4a5b6c7d8e95"], "formedOn": \
            "2010-03-20"}""";

    static final String FORM_CREATED = """
            {"ksmId": "6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4"}""";

    static final String FORM_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "'memberHouseholdIds' lists a household more than once.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "INVALID_FIELD"}""";

    static final String FORM_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'purpose' cannot take the value 'KOPERASI'; it must be one of [EKONOMI, LINGKUNGAN, SOSIAL].", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "INVALID_VALUE"}""";

    static final String FORM_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'formedOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String FORM_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": "/api/v1/kelurahan/35.71.3.1001/ksm", "code": "INVALID_KELURAHAN_CODE"}""";

    static final String FORM_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [ksmId, formedOn, name, purpose, \
            memberHouseholdIds].", "instance": "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "UNKNOWN_FIELD"}""";

    static final String FORM_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "MALFORMED_JSON"}""";

    static final String FORM_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "MISSING_BODY"}""";

    static final String FORM_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "INVALID_HEADER"}""";

    static final String FORM_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role LKM; your token has [MONITOR].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "ROLE_NOT_PERMITTED"}""";

    static final String FORM_KELURAHAN_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/kelurahan-not-permitted", "title": "Forbidden", "status": 403, \
            "detail": "Your token may write for [35.71.03.1002], not for kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "KELURAHAN_NOT_PERMITTED"}""";

    static final String FORM_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "KELURAHAN_NOT_FOUND"}""";

    static final String FORM_HOUSEHOLD_NOT_FOUND = """
            {"type": "https://siklus.id/problems/household-not-found", "title": "Not Found", "status": 404, "detail": \
            "Not registered in kelurahan 35.71.03.1001: [d4a6c8e0-5f7b-4c93-9d2e-3f4a5b6c7d84]. Members are registered \
            households of the same kelurahan.", "instance": "/api/v1/kelurahan/35.71.03.1001/ksm", "code": \
            "HOUSEHOLD_NOT_FOUND"}""";

    static final String FORM_CYCLE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-order", "title": "Conflict", "status": 409, "detail": "A KSM \
            cannot be recorded before PEMBENTUKAN_LKM; record PEMBENTUKAN_LKM for kelurahan 35.71.03.1001 first.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "CYCLE_ORDER"}""";

    static final String FORM_KSM_ALREADY_FORMED = """
            {"type": "https://siklus.id/problems/ksm-already-formed", "title": "Conflict", "status": 409, "detail": \
            "KSM 6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4 is formed already.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "KSM_ALREADY_FORMED"}""";

    static final String FORM_HOUSEHOLD_IN_ANOTHER_KSM = """
            {"type": "https://siklus.id/problems/household-in-another-ksm", "title": "Conflict", "status": 409, \
            "detail": "Household b2e4a6c8-3d5f-4a71-9b0c-1d2e3f4a5b62 belongs to EKONOMI KSM \
            1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b already; a household is in at most one active EKONOMI KSM.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "HOUSEHOLD_IN_ANOTHER_KSM"}""";

    static final String FORM_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "CONCURRENT_CHANGE"}""";

    static final String FORM_CYCLE_DATE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-date-order", "title": "Unprocessable Entity", "status": 422, \
            "detail": "2009-05-01 is before PEMBENTUKAN_LKM on 2009-06-06.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "CYCLE_DATE_ORDER"}""";

    static final String FORM_KSM_SIZE = """
            {"type": "https://siklus.id/problems/ksm-size", "title": "Unprocessable Entity", "status": 422, "detail": \
            "An EKONOMI KSM has 3 to 10 members, not 2.", "instance": "/api/v1/kelurahan/35.71.03.1001/ksm", "code": \
            "KSM_SIZE"}""";

    static final String FORM_KSM_TOO_FEW_POOR = """
            {"type": "https://siklus.id/problems/ksm-too-few-poor", "title": "Unprocessable Entity", "status": 422, \
            "detail": "At least 50% of an EKONOMI KSM's members are MISKIN households; 2 of 5 are.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "KSM_TOO_FEW_POOR"}""";

    static final String FORM_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String FORM_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/ksm", "code": "STORE_UNAVAILABLE", "retryAfterSeconds": 5}""";

    // --- POST /api/v1/kelurahan/{code}/ksm/{ksmId}/members -----------------------------------------------------------

    static final String ADD_MEMBER_REQUEST = """
            {"householdId": "e5b7d9f1-6a8c-4da4-8e3f-4a5b6c7d8e95", "joinedOn": "2010-07-01"}""";

    static final String ADD_MEMBER_OK = """
            {"ksmId": "6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4", "householdId": "e5b7d9f1-6a8c-4da4-8e3f-4a5b6c7d8e95", \
            "on": "2010-07-01"}""";

    static final String ADD_MEMBER_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "Invalid request: 'householdId' must not be null.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "INVALID_FIELD", "errors": [{"field": "householdId", "message": "must not be null"}]}""";

    static final String ADD_MEMBER_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'householdId' cannot take the value 'rumah-7'; it must be a UUID.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "INVALID_VALUE"}""";

    static final String ADD_MEMBER_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'joinedOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String ADD_MEMBER_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": "/api/v1/kelurahan/35.71.3.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "INVALID_KELURAHAN_CODE"}""";

    static final String ADD_MEMBER_INVALID_PARAMETER = """
            {"type": "https://siklus.id/problems/invalid-parameter", "title": "Bad Request", "status": 400, "detail": \
            "Parameter 'ksmId' has a value of the wrong type.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/ksm-1/members", "code": "INVALID_PARAMETER"}""";

    static final String ADD_MEMBER_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [joinedOn, householdId].", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "UNKNOWN_FIELD"}""";

    static final String ADD_MEMBER_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "MALFORMED_JSON"}""";

    static final String ADD_MEMBER_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "MISSING_BODY"}""";

    static final String ADD_MEMBER_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "INVALID_HEADER"}""";

    static final String ADD_MEMBER_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role LKM; your token has [MONITOR].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "ROLE_NOT_PERMITTED"}""";

    static final String ADD_MEMBER_KELURAHAN_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/kelurahan-not-permitted", "title": "Forbidden", "status": 403, \
            "detail": "Your token may write for [35.71.03.1002], not for kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "KELURAHAN_NOT_PERMITTED"}""";

    static final String ADD_MEMBER_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "KELURAHAN_NOT_FOUND"}""";

    static final String ADD_MEMBER_KSM_NOT_FOUND = """
            {"type": "https://siklus.id/problems/ksm-not-found", "title": "Not Found", "status": 404, "detail": "No \
            KSM 6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4 is formed in kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "KSM_NOT_FOUND"}""";

    static final String ADD_MEMBER_HOUSEHOLD_NOT_FOUND = """
            {"type": "https://siklus.id/problems/household-not-found", "title": "Not Found", "status": 404, "detail": \
            "Not registered in kelurahan 35.71.03.1001: [e5b7d9f1-6a8c-4da4-8e3f-4a5b6c7d8e95]. Members are registered \
            households of the same kelurahan.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "HOUSEHOLD_NOT_FOUND"}""";

    static final String ADD_MEMBER_KSM_DISSOLVED = """
            {"type": "https://siklus.id/problems/ksm-dissolved", "title": "Conflict", "status": 409, "detail": "KSM \
            Sumber Rejeki was dissolved.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "KSM_DISSOLVED"}""";

    static final String ADD_MEMBER_ALREADY_A_MEMBER = """
            {"type": "https://siklus.id/problems/already-a-member", "title": "Conflict", "status": 409, "detail": \
            "Household e5b7d9f1-6a8c-4da4-8e3f-4a5b6c7d8e95 is a member of Sumber Rejeki already.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "ALREADY_A_MEMBER"}""";

    static final String ADD_MEMBER_HOUSEHOLD_IN_ANOTHER_KSM = """
            {"type": "https://siklus.id/problems/household-in-another-ksm", "title": "Conflict", "status": 409, \
            "detail": "Household e5b7d9f1-6a8c-4da4-8e3f-4a5b6c7d8e95 belongs to EKONOMI KSM \
            1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b already; a household is in at most one active EKONOMI KSM.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "HOUSEHOLD_IN_ANOTHER_KSM"}""";

    static final String ADD_MEMBER_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "CONCURRENT_CHANGE"}""";

    static final String ADD_MEMBER_CYCLE_DATE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-date-order", "title": "Unprocessable Entity", "status": 422, \
            "detail": "2010-03-01 is before Sumber Rejeki was formed on 2010-03-10.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "CYCLE_DATE_ORDER"}""";

    static final String ADD_MEMBER_KSM_SIZE = """
            {"type": "https://siklus.id/problems/ksm-size", "title": "Unprocessable Entity", "status": 422, "detail": \
            "An EKONOMI KSM has 3 to 10 members, not 11.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": "KSM_SIZE"}""";

    static final String ADD_MEMBER_KSM_TOO_FEW_POOR = """
            {"type": "https://siklus.id/problems/ksm-too-few-poor", "title": "Unprocessable Entity", "status": 422, \
            "detail": "At least 50% of an EKONOMI KSM's members are MISKIN households; 2 of 6 are.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "KSM_TOO_FEW_POOR"}""";

    static final String ADD_MEMBER_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "IDEMPOTENCY_KEY_REUSED"}""";

    static final String ADD_MEMBER_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members", "code": \
            "STORE_UNAVAILABLE", "retryAfterSeconds": 5}""";

    // --- POST /api/v1/kelurahan/{code}/ksm/{ksmId}/members/{householdId}/removal -------------------------------------

    static final String REMOVE_MEMBER_REQUEST = """
            {"reason": "Pindah domisili ke Kelurahan Campurejo", "leftOn": "2010-09-15"}""";

    static final String REMOVE_MEMBER_OK = """
            {"ksmId": "6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4", "householdId": "7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71", \
            "on": "2010-09-15"}""";

    static final String REMOVE_MEMBER_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "Invalid request: 'reason' must not be blank.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "INVALID_FIELD", "errors": [{"field": "reason", \
            "message": "must not be blank"}]}""";

    static final String REMOVE_MEMBER_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'leftOn' cannot take the value '15-09-2010'; it must be a LocalDate.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "INVALID_VALUE"}""";

    static final String REMOVE_MEMBER_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'leftOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String REMOVE_MEMBER_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": \
            "/api/v1/kelurahan/35.71.3.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "INVALID_KELURAHAN_CODE"}""";

    static final String REMOVE_MEMBER_INVALID_PARAMETER = """
            {"type": "https://siklus.id/problems/invalid-parameter", "title": "Bad Request", "status": 400, "detail": \
            "Parameter 'householdId' has a value of the wrong type.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/household-1/removal", \
            "code": "INVALID_PARAMETER"}""";

    static final String REMOVE_MEMBER_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [reason, leftOn].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "UNKNOWN_FIELD"}""";

    static final String REMOVE_MEMBER_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "MALFORMED_JSON"}""";

    static final String REMOVE_MEMBER_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "MISSING_BODY"}""";

    static final String REMOVE_MEMBER_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "INVALID_HEADER"}""";

    static final String REMOVE_MEMBER_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role LKM; your token has [MONITOR].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "ROLE_NOT_PERMITTED"}""";

    static final String REMOVE_MEMBER_KELURAHAN_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/kelurahan-not-permitted", "title": "Forbidden", "status": 403, \
            "detail": "Your token may write for [35.71.03.1002], not for kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "KELURAHAN_NOT_PERMITTED"}""";

    static final String REMOVE_MEMBER_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "KELURAHAN_NOT_FOUND"}""";

    static final String REMOVE_MEMBER_KSM_NOT_FOUND = """
            {"type": "https://siklus.id/problems/ksm-not-found", "title": "Not Found", "status": 404, "detail": "No \
            KSM 6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4 is formed in kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "KSM_NOT_FOUND"}""";

    static final String REMOVE_MEMBER_NOT_A_MEMBER = """
            {"type": "https://siklus.id/problems/not-a-member", "title": "Not Found", "status": 404, "detail": \
            "Household 7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71 is not a member of Sumber Rejeki.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "NOT_A_MEMBER"}""";

    static final String REMOVE_MEMBER_KSM_DISSOLVED = """
            {"type": "https://siklus.id/problems/ksm-dissolved", "title": "Conflict", "status": 409, "detail": "KSM \
            Sumber Rejeki was dissolved.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "KSM_DISSOLVED"}""";

    static final String REMOVE_MEMBER_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "CONCURRENT_CHANGE"}""";

    static final String REMOVE_MEMBER_CYCLE_DATE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-date-order", "title": "Unprocessable Entity", "status": 422, \
            "detail": "2010-03-01 is before Sumber Rejeki was formed on 2010-03-10.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "CYCLE_DATE_ORDER"}""";

    static final String REMOVE_MEMBER_KSM_SIZE = """
            {"type": "https://siklus.id/problems/ksm-size", "title": "Unprocessable Entity", "status": 422, "detail": \
            "An EKONOMI KSM has 3 to 10 members, not 2.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "KSM_SIZE"}""";

    static final String REMOVE_MEMBER_KSM_TOO_FEW_POOR = """
            {"type": "https://siklus.id/problems/ksm-too-few-poor", "title": "Unprocessable Entity", "status": 422, \
            "detail": "At least 50% of an EKONOMI KSM's members are MISKIN households; 1 of 4 are.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "KSM_TOO_FEW_POOR"}""";

    static final String REMOVE_MEMBER_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String REMOVE_MEMBER_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/members/\
            7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71/removal", "code": "STORE_UNAVAILABLE", "retryAfterSeconds": 5}""";

    // --- POST /api/v1/kelurahan/{code}/ksm/{ksmId}/dissolution -------------------------------------------------------

    static final String DISSOLVE_REQUEST = """
            {"reason": "Rapat anggota sepakat membubarkan KSM setelah pinjaman lunas", "dissolvedOn": "2011-04-15"}""";

    static final String DISSOLVE_OK = """
            {"ksmId": "6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4", "dissolvedOn": "2011-04-15"}""";

    static final String DISSOLVE_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "Invalid request: 'reason' must not be blank.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "INVALID_FIELD", "errors": [{"field": "reason", "message": "must not be blank"}]}""";

    static final String DISSOLVE_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'dissolvedOn' cannot take the value '15-04-2011'; it must be a LocalDate.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "INVALID_VALUE"}""";

    static final String DISSOLVE_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'dissolvedOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String DISSOLVE_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": "/api/v1/kelurahan/35.71.3.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "INVALID_KELURAHAN_CODE"}""";

    static final String DISSOLVE_INVALID_PARAMETER = """
            {"type": "https://siklus.id/problems/invalid-parameter", "title": "Bad Request", "status": 400, "detail": \
            "Parameter 'ksmId' has a value of the wrong type.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/ksm-1/dissolution", "code": "INVALID_PARAMETER"}""";

    static final String DISSOLVE_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [dissolvedOn, reason].", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", \
            "code": "UNKNOWN_FIELD"}""";

    static final String DISSOLVE_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "MALFORMED_JSON"}""";

    static final String DISSOLVE_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "MISSING_BODY"}""";

    static final String DISSOLVE_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "INVALID_HEADER"}""";

    static final String DISSOLVE_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role LKM; your token has [MONITOR].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "ROLE_NOT_PERMITTED"}""";

    static final String DISSOLVE_KELURAHAN_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/kelurahan-not-permitted", "title": "Forbidden", "status": 403, \
            "detail": "Your token may write for [35.71.03.1002], not for kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "KELURAHAN_NOT_PERMITTED"}""";

    static final String DISSOLVE_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "KELURAHAN_NOT_FOUND"}""";

    static final String DISSOLVE_KSM_NOT_FOUND = """
            {"type": "https://siklus.id/problems/ksm-not-found", "title": "Not Found", "status": 404, "detail": "No \
            KSM 6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4 is formed in kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "KSM_NOT_FOUND"}""";

    static final String DISSOLVE_KSM_DISSOLVED = """
            {"type": "https://siklus.id/problems/ksm-dissolved", "title": "Conflict", "status": 409, "detail": "KSM \
            Sumber Rejeki was dissolved.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "KSM_DISSOLVED"}""";

    static final String DISSOLVE_KSM_HAS_OUTSTANDING_LOAN = """
            {"type": "https://siklus.id/problems/ksm-has-outstanding-loan", "title": "Conflict", "status": 409, \
            "detail": "Sumber Rejeki still owes on loan 0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a; it can be dissolved once \
            the loan is repaid or written off.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "KSM_HAS_OUTSTANDING_LOAN"}""";

    static final String DISSOLVE_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "CONCURRENT_CHANGE"}""";

    static final String DISSOLVE_CYCLE_DATE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-date-order", "title": "Unprocessable Entity", "status": 422, \
            "detail": "2010-03-01 is before Sumber Rejeki was formed on 2010-03-10.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", "code": \
            "CYCLE_DATE_ORDER"}""";

    static final String DISSOLVE_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", \
            "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String DISSOLVE_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/ksm/6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4/dissolution", \
            "code": "STORE_UNAVAILABLE", "retryAfterSeconds": 5}""";

    private KsmExamples() {
    }
}
