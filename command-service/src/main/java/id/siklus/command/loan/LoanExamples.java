package id.siklus.command.loan;

/**
 * The examples in the OpenAPI description of LoanController: requests that pass its validation
 * (OpenApiDocumentTest posts each one), its answers, and the problem detail of each refusal it can give.
 */
final class LoanExamples {

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

    // --- POST /api/v1/kelurahan/{code}/loans -------------------------------------------------------------------------

    static final String DISBURSE_REQUEST = """
            {"loanId": "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a", "ksmId": "6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4", \
            "principal": 2400000, "termMonths": 6, "monthlyFeeBasisPoints": 150, "disbursedOn": "2010-04-01"}""";

    static final String DISBURSE_CREATED = """
            {"loanId": "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a", "principal": 2400000, "schedule": [{"number": 1, \
            "dueOn": "2010-05-01", "principal": 400000, "fee": 36000}, {"number": 2, "dueOn": "2010-06-01", \
            "principal": 400000, "fee": 36000}, {"number": 3, "dueOn": "2010-07-01", "principal": 400000, "fee": \
            36000}, {"number": 4, "dueOn": "2010-08-01", "principal": 400000, "fee": 36000}, {"number": 5, "dueOn": \
            "2010-09-01", "principal": 400000, "fee": 36000}, {"number": 6, "dueOn": "2010-10-01", "principal": \
            400000, "fee": 36000}]}""";

    static final String DISBURSE_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "Invalid request: 'termMonths' must be less than or equal to 60.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/loans", "code": "INVALID_FIELD", "errors": [{"field": "termMonths", \
            "message": "must be less than or equal to 60"}]}""";

    static final String DISBURSE_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'principal' has a value of the wrong kind; it must be a whole number of rupiah from 0 to \
            10000000000000, written without decimals, exponent or quotes.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/loans", "code": "INVALID_VALUE"}""";

    static final String DISBURSE_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'disbursedOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": "/api/v1/kelurahan/35.71.03.1001/loans", "code": "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String DISBURSE_INVALID_KELURAHAN_CODE = """
            {"type": "https://siklus.id/problems/invalid-kelurahan-code", "title": "Bad Request", "status": 400, \
            "detail": "'35.71.3.1001' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.", \
            "instance": "/api/v1/kelurahan/35.71.3.1001/loans", "code": "INVALID_KELURAHAN_CODE"}""";

    static final String DISBURSE_IDEMPOTENCY_KEY_REQUIRED = """
            {"type": "https://siklus.id/problems/idempotency-key-required", "title": "Bad Request", "status": 400, \
            "detail": "This records money: send an Idempotency-Key header (for example a UUID you keep with the \
            request) so that a retry is never booked twice.", "instance": "/api/v1/kelurahan/35.71.03.1001/loans", \
            "code": "IDEMPOTENCY_KEY_REQUIRED"}""";

    static final String DISBURSE_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [ksmId, monthlyFeeBasisPoints, \
            loanId, principal, termMonths, disbursedOn].", "instance": "/api/v1/kelurahan/35.71.03.1001/loans", \
            "code": "UNKNOWN_FIELD"}""";

    static final String DISBURSE_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/loans", "code": "MALFORMED_JSON"}""";

    static final String DISBURSE_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": "/api/v1/kelurahan/35.71.03.1001/loans", "code": \
            "MISSING_BODY"}""";

    static final String DISBURSE_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/loans", "code": "INVALID_HEADER"}""";

    static final String DISBURSE_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role LKM; your token has [MONITOR].", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/loans", "code": "ROLE_NOT_PERMITTED"}""";

    static final String DISBURSE_KELURAHAN_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/kelurahan-not-permitted", "title": "Forbidden", "status": 403, \
            "detail": "Your token may write for [35.71.03.1002], not for kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/loans", "code": "KELURAHAN_NOT_PERMITTED"}""";

    static final String DISBURSE_KELURAHAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/kelurahan-not-found", "title": "Not Found", "status": 404, "detail": \
            "Kelurahan 35.71.03.1001 is not registered; an ADMIN must register it first.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/loans", "code": "KELURAHAN_NOT_FOUND"}""";

    static final String DISBURSE_KSM_NOT_FOUND = """
            {"type": "https://siklus.id/problems/ksm-not-found", "title": "Not Found", "status": 404, "detail": "No \
            KSM 6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4 is formed in kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/loans", "code": "KSM_NOT_FOUND"}""";

    static final String DISBURSE_LOAN_ID_TAKEN = """
            {"type": "https://siklus.id/problems/loan-id-taken", "title": "Conflict", "status": 409, "detail": "Loan \
            id 0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a belongs to another kelurahan; let the server choose an id, or send \
            a new UUID.", "instance": "/api/v1/kelurahan/35.71.03.1001/loans", "code": "LOAN_ID_TAKEN"}""";

    static final String DISBURSE_LOAN_ALREADY_RECORDED = """
            {"type": "https://siklus.id/problems/loan-already-recorded", "title": "Conflict", "status": 409, "detail": \
            "Loan 0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a is recorded already.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/loans", "code": "LOAN_ALREADY_RECORDED"}""";

    static final String DISBURSE_KSM_DISSOLVED = """
            {"type": "https://siklus.id/problems/ksm-dissolved", "title": "Conflict", "status": 409, "detail": "KSM \
            Sumber Rejeki was dissolved.", "instance": "/api/v1/kelurahan/35.71.03.1001/loans", "code": \
            "KSM_DISSOLVED"}""";

    static final String DISBURSE_KSM_NOT_EKONOMI = """
            {"type": "https://siklus.id/problems/ksm-not-ekonomi", "title": "Conflict", "status": 409, "detail": \
            "Peduli Pendidikan is a SOSIAL KSM; revolving loans go to EKONOMI KSM.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/loans", "code": "KSM_NOT_EKONOMI"}""";

    static final String DISBURSE_KSM_HAS_OUTSTANDING_LOAN = """
            {"type": "https://siklus.id/problems/ksm-has-outstanding-loan", "title": "Conflict", "status": 409, \
            "detail": "Sumber Rejeki still owes on loan 8e7d6c5b-4a39-4281-9f0e-d1c2b3a49586; a KSM borrows again once \
            its loan is repaid.", "instance": "/api/v1/kelurahan/35.71.03.1001/loans", "code": \
            "KSM_HAS_OUTSTANDING_LOAN"}""";

    static final String DISBURSE_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/loans", "code": "CONCURRENT_CHANGE"}""";

    static final String DISBURSE_LOAN_TERM = """
            {"type": "https://siklus.id/problems/loan-term", "title": "Unprocessable Entity", "status": 422, "detail": \
            "A loan runs 3 to 12 months, not 24.", "instance": "/api/v1/kelurahan/35.71.03.1001/loans", "code": \
            "LOAN_TERM"}""";

    static final String DISBURSE_CYCLE_DATE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-date-order", "title": "Unprocessable Entity", "status": 422, \
            "detail": "2010-03-01 is before Sumber Rejeki was formed on 2010-03-10.", "instance": \
            "/api/v1/kelurahan/35.71.03.1001/loans", "code": "CYCLE_DATE_ORDER"}""";

    static final String DISBURSE_LOAN_CEILING_EXCEEDED = """
            {"type": "https://siklus.id/problems/loan-ceiling-exceeded", "title": "Unprocessable Entity", "status": \
            422, "detail": "Rp 2.600.000 exceeds the ceiling of Sumber Rejeki: 5 members × Rp 500.000 = Rp 2.500.000 \
            (2500000).", "instance": "/api/v1/kelurahan/35.71.03.1001/loans", "code": "LOAN_CEILING_EXCEEDED"}""";

    static final String DISBURSE_REVOLVING_FUND_INSUFFICIENT = """
            {"type": "https://siklus.id/problems/revolving-fund-insufficient", "title": "Unprocessable Entity", \
            "status": 422, "detail": "Rp 2.400.000 is more than the revolving fund has available: Rp 1.750.000 \
            (1750000).", "instance": "/api/v1/kelurahan/35.71.03.1001/loans", "code": "REVOLVING_FUND_INSUFFICIENT"}""";

    static final String DISBURSE_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/loans", "code": "IDEMPOTENCY_KEY_REUSED"}""";

    static final String DISBURSE_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/kelurahan/35.71.03.1001/loans", "code": "STORE_UNAVAILABLE", "retryAfterSeconds": \
            5}""";

    // --- POST /api/v1/loans/{loanId}/repayments ----------------------------------------------------------------------

    static final String REPAY_REQUEST = """
            {"repaymentId": "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716", "amount": 436000, "paidOn": "2010-05-01"}""";

    static final String REPAY_CREATED = """
            {"repaymentId": "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716", "loanId": "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a", \
            "amount": 436000}""";

    static final String REPAY_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "'amount' must be more than Rp 0.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "INVALID_FIELD"}""";

    static final String REPAY_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'amount' has a value of the wrong kind; it must be a whole number of rupiah from 0 to \
            10000000000000, written without decimals, exponent or quotes.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "INVALID_VALUE"}""";

    static final String REPAY_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'paidOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": \
            "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String REPAY_INVALID_PARAMETER = """
            {"type": "https://siklus.id/problems/invalid-parameter", "title": "Bad Request", "status": 400, "detail": \
            "Parameter 'loanId' has a value of the wrong type.", "instance": "/api/v1/loans/loan-1/repayments", \
            "code": "INVALID_PARAMETER"}""";

    static final String REPAY_IDEMPOTENCY_KEY_REQUIRED = """
            {"type": "https://siklus.id/problems/idempotency-key-required", "title": "Bad Request", "status": 400, \
            "detail": "This records money: send an Idempotency-Key header (for example a UUID you keep with the \
            request) so that a retry is never booked twice.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "IDEMPOTENCY_KEY_REQUIRED"}""";

    static final String REPAY_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [amount, paidOn, repaymentId].", \
            "instance": "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "UNKNOWN_FIELD"}""";

    static final String REPAY_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "MALFORMED_JSON"}""";

    static final String REPAY_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", \
            "code": "MISSING_BODY"}""";

    static final String REPAY_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "INVALID_HEADER"}""";

    static final String REPAY_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role LKM; your token has [MONITOR].", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "ROLE_NOT_PERMITTED"}""";

    static final String REPAY_KELURAHAN_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/kelurahan-not-permitted", "title": "Forbidden", "status": 403, \
            "detail": "Your token may write for [35.71.03.1002], not for kelurahan 35.71.03.1001.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "KELURAHAN_NOT_PERMITTED"}""";

    static final String REPAY_LOAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/loan-not-found", "title": "Not Found", "status": 404, "detail": "No \
            loan 0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a is recorded. Check the id the disbursement answered with.", \
            "instance": "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "LOAN_NOT_FOUND"}""";

    static final String REPAY_LOAN_CLOSED = """
            {"type": "https://siklus.id/problems/loan-closed", "title": "Conflict", "status": 409, "detail": "Loan \
            0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a is closed (repaid or written off).", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "LOAN_CLOSED"}""";

    static final String REPAY_REPAYMENT_ALREADY_RECORDED = """
            {"type": "https://siklus.id/problems/repayment-already-recorded", "title": "Conflict", "status": 409, \
            "detail": "Repayment 5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716 is recorded already.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "REPAYMENT_ALREADY_RECORDED"}""";

    static final String REPAY_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "CONCURRENT_CHANGE"}""";

    static final String REPAY_CYCLE_DATE_ORDER = """
            {"type": "https://siklus.id/problems/cycle-date-order", "title": "Unprocessable Entity", "status": 422, \
            "detail": "A repayment on 2010-03-20 cannot come before the loan was disbursed.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "CYCLE_DATE_ORDER"}""";

    static final String REPAY_REPAYMENT_EXCEEDS_OUTSTANDING = """
            {"type": "https://siklus.id/problems/repayment-exceeds-outstanding", "title": "Unprocessable Entity", \
            "status": 422, "detail": "Rp 2.500.000 is more than is owed on 2010-05-01: at most Rp 2.436.000 (2436000) \
            — fees due and the principal outstanding.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": \
            "REPAYMENT_EXCEEDS_OUTSTANDING"}""";

    static final String REPAY_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": \
            "IDEMPOTENCY_KEY_REUSED"}""";

    static final String REPAY_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/repayments", "code": "STORE_UNAVAILABLE", \
            "retryAfterSeconds": 5}""";

    // --- POST /api/v1/loans/{loanId}/write-off -----------------------------------------------------------------------

    static final String WRITE_OFF_REQUEST = """
            {"reason": "Macet: tidak ada angsuran sejak Agustus 2010, KSM tidak aktif lagi", "writtenOffOn": \
            "2011-03-01"}""";

    static final String WRITE_OFF_OK = """
            {"loanId": "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a", "writtenOffOn": "2011-03-01"}""";

    static final String WRITE_OFF_INVALID_FIELD = """
            {"type": "https://siklus.id/problems/invalid-field", "title": "Bad Request", "status": 400, "detail": \
            "Invalid request: 'reason' must not be blank.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": "INVALID_FIELD", "errors": \
            [{"field": "reason", "message": "must not be blank"}]}""";

    static final String WRITE_OFF_INVALID_VALUE = """
            {"type": "https://siklus.id/problems/invalid-value", "title": "Bad Request", "status": 400, "detail": \
            "Field 'writtenOffOn' cannot take the value '01-03-2011'; it must be a LocalDate.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": "INVALID_VALUE"}""";

    static final String WRITE_OFF_EFFECTIVE_DATE_IN_FUTURE = """
            {"type": "https://siklus.id/problems/effective-date-in-future", "title": "Bad Request", "status": 400, \
            "detail": "'writtenOffOn' is 2026-02-01, after today (2026-01-15); record facts on or after the day they \
            happened.", "instance": "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": \
            "EFFECTIVE_DATE_IN_FUTURE"}""";

    static final String WRITE_OFF_INVALID_PARAMETER = """
            {"type": "https://siklus.id/problems/invalid-parameter", "title": "Bad Request", "status": 400, "detail": \
            "Parameter 'loanId' has a value of the wrong type.", "instance": "/api/v1/loans/loan-1/write-off", "code": \
            "INVALID_PARAMETER"}""";

    static final String WRITE_OFF_IDEMPOTENCY_KEY_REQUIRED = """
            {"type": "https://siklus.id/problems/idempotency-key-required", "title": "Bad Request", "status": 400, \
            "detail": "This records money: send an Idempotency-Key header (for example a UUID you keep with the \
            request) so that a retry is never booked twice.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": "IDEMPOTENCY_KEY_REQUIRED"}""";

    static final String WRITE_OFF_UNKNOWN_FIELD = """
            {"type": "https://siklus.id/problems/unknown-field", "title": "Bad Request", "status": 400, "detail": \
            "Field 'remarks' is not part of this request; remove it. Known fields: [reason, writtenOffOn].", \
            "instance": "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": "UNKNOWN_FIELD"}""";

    static final String WRITE_OFF_MALFORMED_JSON = """
            {"type": "https://siklus.id/problems/malformed-json", "title": "Bad Request", "status": 400, "detail": \
            "The request body is not valid JSON; check quotes, commas and brackets.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": "MALFORMED_JSON"}""";

    static final String WRITE_OFF_MISSING_BODY = """
            {"type": "https://siklus.id/problems/missing-body", "title": "Bad Request", "status": 400, "detail": "The \
            request needs a JSON body.", "instance": "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", \
            "code": "MISSING_BODY"}""";

    static final String WRITE_OFF_INVALID_HEADER = """
            {"type": "https://siklus.id/problems/invalid-header", "title": "Bad Request", "status": 400, "detail": \
            "Header Idempotency-Key must be 1 to 100 letters, digits or . _ : @ -", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": "INVALID_HEADER"}""";

    static final String WRITE_OFF_ROLE_NOT_PERMITTED = """
            {"type": "https://siklus.id/problems/role-not-permitted", "title": "Forbidden", "status": 403, "detail": \
            "This request needs the role ADMIN; your token has [LKM].", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": "ROLE_NOT_PERMITTED"}""";

    static final String WRITE_OFF_LOAN_NOT_FOUND = """
            {"type": "https://siklus.id/problems/loan-not-found", "title": "Not Found", "status": 404, "detail": "No \
            loan 0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a is recorded. Check the id the disbursement answered with.", \
            "instance": "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": "LOAN_NOT_FOUND"}""";

    static final String WRITE_OFF_LOAN_CLOSED = """
            {"type": "https://siklus.id/problems/loan-closed", "title": "Conflict", "status": 409, "detail": "Loan \
            0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a is closed (repaid or written off).", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": "LOAN_CLOSED"}""";

    static final String WRITE_OFF_WRITE_OFF_NOT_ALLOWED = """
            {"type": "https://siklus.id/problems/write-off-not-allowed", "title": "Conflict", "status": 409, "detail": \
            "Loan 0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a has no instalment more than 180 days late on 2010-12-01 (the \
            most is 122 days); it cannot be written off.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": "WRITE_OFF_NOT_ALLOWED"}""";

    static final String WRITE_OFF_CONCURRENT_CHANGE = """
            {"type": "https://siklus.id/problems/concurrent-change", "title": "Conflict", "status": 409, "detail": \
            "Another request changed the same record at the same moment; read it again and retry.", "instance": \
            "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": "CONCURRENT_CHANGE"}""";

    static final String WRITE_OFF_IDEMPOTENCY_KEY_REUSED = """
            {"type": "https://siklus.id/problems/idempotency-key-reused", "title": "Unprocessable Entity", "status": \
            422, "detail": "Idempotency-Key '3b8e7d52-6a41-4c0f-9e2d-71f5a8c4b9e0' was used for a different request; \
            nothing was recorded. Use a new key for a new request, and the same key only to retry the same request.", \
            "instance": "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": \
            "IDEMPOTENCY_KEY_REUSED"}""";

    static final String WRITE_OFF_STORE_UNAVAILABLE = """
            {"type": "https://siklus.id/problems/store-unavailable", "title": "Service Unavailable", "status": 503, \
            "detail": "The event store could not record this request; nothing was written. Retry in a few seconds.", \
            "instance": "/api/v1/loans/0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a/write-off", "code": "STORE_UNAVAILABLE", \
            "retryAfterSeconds": 5}""";

    private LoanExamples() {
    }
}
