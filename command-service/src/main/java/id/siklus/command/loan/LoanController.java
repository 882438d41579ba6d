package id.siklus.command.loan;

import id.siklus.api.loan.DisburseLoan;
import id.siklus.api.loan.Instalment;
import id.siklus.api.loan.RecordRepayment;
import id.siklus.api.loan.RepaymentSchedule;
import id.siklus.api.loan.WriteOffLoan;
import id.siklus.api.money.Rupiah;
import id.siklus.command.platform.CommandSender;
import id.siklus.command.platform.EffectiveDates;
import id.siklus.command.platform.IdentityClaims;
import id.siklus.command.platform.KelurahanPath;
import id.siklus.support.security.Access;
import id.siklus.support.security.Role;
import id.siklus.support.security.SiklusClient;
import id.siklus.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "Revolving loans", description = "Loans from the revolving fund to EKONOMI KSM, and their repayments")
class LoanController {

    private final CommandSender commands;
    private final Access access;
    private final EffectiveDates dates;
    private final IdentityClaims identities;

    LoanController(CommandSender commands, Access access, EffectiveDates dates, IdentityClaims identities) {
        this.commands = commands;
        this.access = access;
        this.dates = dates;
        this.identities = identities;
    }

    @PostMapping("/api/v1/kelurahan/{code}/loans")
    @Operation(operationId = "disburseLoan",
            summary = "Lend to an active EKONOMI KSM without another outstanding loan, within the fund's "
            + "available balance and the KSM's ceiling; answers with the schedule. Money command: Idempotency-Key "
            + "required")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = true,
            description = LoanExamples.MONEY_IDEMPOTENCY_KEY, example = LoanExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = LoanExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "Six months",
                    summary = "Rp 2.400.000 over 6 months at 1.5% a month, under the client's own loanId",
                    value = LoanExamples.DISBURSE_REQUEST)}))
    @ApiResponse(responseCode = "201", description = "Lent; the answer holds the repayment schedule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Disbursed.class),
                    examples = @ExampleObject(name = "Lent", value = LoanExamples.DISBURSE_CREATED)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD",
                    summary = "A field breaks its rule (each listed in errors), or principal is 0",
                    value = LoanExamples.DISBURSE_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "Money that is not a whole number of rupiah",
                    value = LoanExamples.DISBURSE_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "disbursedOn after today",
                    value = LoanExamples.DISBURSE_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE", value = LoanExamples.DISBURSE_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REQUIRED", value = LoanExamples.DISBURSE_IDEMPOTENCY_KEY_REQUIRED),
            @ExampleObject(name = "UNKNOWN_FIELD", value = LoanExamples.DISBURSE_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = LoanExamples.DISBURSE_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = LoanExamples.DISBURSE_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = LoanExamples.DISBURSE_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = LoanExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = LoanExamples.DISBURSE_ROLE_NOT_PERMITTED),
            @ExampleObject(name = "KELURAHAN_NOT_PERMITTED", value = LoanExamples.DISBURSE_KELURAHAN_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = LoanExamples.DISBURSE_KELURAHAN_NOT_FOUND),
            @ExampleObject(name = "KSM_NOT_FOUND", summary = "No such KSM in this kelurahan",
                    value = LoanExamples.DISBURSE_KSM_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "LOAN_ID_TAKEN", summary = "The loanId belongs to another kelurahan",
                    value = LoanExamples.DISBURSE_LOAN_ID_TAKEN),
            @ExampleObject(name = "LOAN_ALREADY_RECORDED", summary = "The loanId is recorded already",
                    value = LoanExamples.DISBURSE_LOAN_ALREADY_RECORDED),
            @ExampleObject(name = "KSM_DISSOLVED", summary = "The KSM was dissolved",
                    value = LoanExamples.DISBURSE_KSM_DISSOLVED),
            @ExampleObject(name = "KSM_NOT_EKONOMI", summary = "Loans go to EKONOMI KSM only",
                    value = LoanExamples.DISBURSE_KSM_NOT_EKONOMI),
            @ExampleObject(name = "KSM_HAS_OUTSTANDING_LOAN", summary = "One open loan per KSM",
                    value = LoanExamples.DISBURSE_KSM_HAS_OUTSTANDING_LOAN),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = LoanExamples.DISBURSE_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "Breaks a rule against the recorded facts; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "LOAN_TERM", summary = "termMonths outside the program's 3-12",
                    value = LoanExamples.DISBURSE_LOAN_TERM),
            @ExampleObject(name = "CYCLE_DATE_ORDER", summary = "disbursedOn before the KSM was formed",
                    value = LoanExamples.DISBURSE_CYCLE_DATE_ORDER),
            @ExampleObject(name = "LOAN_CEILING_EXCEEDED", summary = "principal above members × per-member limit",
                    value = LoanExamples.DISBURSE_LOAN_CEILING_EXCEEDED),
            @ExampleObject(name = "REVOLVING_FUND_INSUFFICIENT",
                    summary = "principal above the fund's available balance",
                    value = LoanExamples.DISBURSE_REVOLVING_FUND_INSUFFICIENT),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = LoanExamples.DISBURSE_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = LoanExamples.DISBURSE_STORE_UNAVAILABLE)}))
    ResponseEntity<?> disburse(@PathVariable String code, @Valid @RequestBody DisburseLoanRequest body,
                               HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireWrite(code);
        CommandSender.requireIdempotencyKey(request);
        if (body.principal().isZero()) {
            throw ApiProblem.badRequest("INVALID_FIELD", "'principal' must be more than Rp 0.");
        }
        LocalDate disbursedOn = dates.notInFuture(body.disbursedOn(), "disbursedOn");
        String loanId = (body.loanId() != null ? body.loanId() : UUID.randomUUID()).toString();
        DisburseLoan command = new DisburseLoan(code, loanId, body.ksmId().toString(), body.principal(),
                body.termMonths(), body.monthlyFeeBasisPoints(), disbursedOn);
        List<Instalment> schedule = RepaymentSchedule.of(body.principal(), body.termMonths(),
                body.monthlyFeeBasisPoints(), disbursedOn);
        return commands.submit(command, new RequestAt(code, body), ResponseEntity.status(HttpStatus.CREATED)
                        .body(new Disbursed(loanId, body.principal(), schedule)), client, request,
                KelurahanPath.unknownKelurahan(code));
    }

    @PostMapping("/api/v1/loans/{loanId}/repayments")
    @Operation(operationId = "recordRepayment",
            summary = "Record a repayment: applied to fees due, then overdue principal, then current principal; "
            + "more than is owed is refused. Money command: Idempotency-Key required")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = true,
            description = LoanExamples.MONEY_IDEMPOTENCY_KEY, example = LoanExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = LoanExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "First instalment", summary = "The first instalment: the fee due, then principal",
                    value = LoanExamples.REPAY_REQUEST)}))
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Repaid.class),
                    examples = @ExampleObject(name = "Recorded", value = LoanExamples.REPAY_CREATED)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule, or amount is 0",
                    value = LoanExamples.REPAY_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "Money that is not a whole number of rupiah",
                    value = LoanExamples.REPAY_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "paidOn after today",
                    value = LoanExamples.REPAY_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_PARAMETER", value = LoanExamples.REPAY_INVALID_PARAMETER),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REQUIRED", value = LoanExamples.REPAY_IDEMPOTENCY_KEY_REQUIRED),
            @ExampleObject(name = "UNKNOWN_FIELD", value = LoanExamples.REPAY_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = LoanExamples.REPAY_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = LoanExamples.REPAY_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = LoanExamples.REPAY_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = LoanExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = LoanExamples.REPAY_ROLE_NOT_PERMITTED),
            @ExampleObject(name = "KELURAHAN_NOT_PERMITTED", value = LoanExamples.REPAY_KELURAHAN_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "LOAN_NOT_FOUND", summary = "No loan with this id is recorded",
                    value = LoanExamples.REPAY_LOAN_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "LOAN_CLOSED", summary = "The loan is repaid or written off",
                    value = LoanExamples.REPAY_LOAN_CLOSED),
            @ExampleObject(name = "REPAYMENT_ALREADY_RECORDED", summary = "The repaymentId is recorded already",
                    value = LoanExamples.REPAY_REPAYMENT_ALREADY_RECORDED),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = LoanExamples.REPAY_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "Breaks a rule against the recorded facts; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "CYCLE_DATE_ORDER", summary = "paidOn before the loan was disbursed",
                    value = LoanExamples.REPAY_CYCLE_DATE_ORDER),
            @ExampleObject(name = "REPAYMENT_EXCEEDS_OUTSTANDING",
                    summary = "More than the fees due and the principal outstanding",
                    value = LoanExamples.REPAY_REPAYMENT_EXCEEDS_OUTSTANDING),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = LoanExamples.REPAY_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = LoanExamples.REPAY_STORE_UNAVAILABLE)}))
    ResponseEntity<?> repay(@PathVariable UUID loanId, @Valid @RequestBody RepaymentRequest body,
                            HttpServletRequest request) {
        access.requireRole(Role.LKM);
        String code = kelurahanOf(loanId);
        SiklusClient client = access.requireWrite(code);
        CommandSender.requireIdempotencyKey(request);
        if (body.amount().isZero()) {
            throw ApiProblem.badRequest("INVALID_FIELD", "'amount' must be more than Rp 0.");
        }
        LocalDate paidOn = dates.notInFuture(body.paidOn(), "paidOn");
        String repaymentId = (body.repaymentId() != null ? body.repaymentId() : UUID.randomUUID()).toString();
        RecordRepayment command = new RecordRepayment(code, loanId.toString(), repaymentId, body.amount(), paidOn);
        return commands.submit(command, new RequestAt(loanId.toString(), body), ResponseEntity
                        .status(HttpStatus.CREATED).body(new Repaid(repaymentId, loanId.toString(), body.amount())),
                client, request, KelurahanPath.unknownKelurahan(code));
    }

    @PostMapping("/api/v1/loans/{loanId}/write-off")
    @Operation(operationId = "writeOffLoan",
            summary = "Write off a loan with an instalment more than 180 days late (ADMIN)")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = true,
            description = LoanExamples.MONEY_IDEMPOTENCY_KEY, example = LoanExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = LoanExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "Macet", summary = "An instalment more than 180 days late",
                    value = LoanExamples.WRITE_OFF_REQUEST)}))
    @ApiResponse(responseCode = "200", description = "Written off",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = WrittenOff.class),
                    examples = @ExampleObject(name = "Written off", value = LoanExamples.WRITE_OFF_OK)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule (each listed in errors)",
                    value = LoanExamples.WRITE_OFF_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "A value of the wrong type",
                    value = LoanExamples.WRITE_OFF_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "writtenOffOn after today",
                    value = LoanExamples.WRITE_OFF_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_PARAMETER", value = LoanExamples.WRITE_OFF_INVALID_PARAMETER),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REQUIRED", value = LoanExamples.WRITE_OFF_IDEMPOTENCY_KEY_REQUIRED),
            @ExampleObject(name = "UNKNOWN_FIELD", value = LoanExamples.WRITE_OFF_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = LoanExamples.WRITE_OFF_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = LoanExamples.WRITE_OFF_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = LoanExamples.WRITE_OFF_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = LoanExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = LoanExamples.WRITE_OFF_ROLE_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "LOAN_NOT_FOUND", summary = "No loan with this id is recorded",
                    value = LoanExamples.WRITE_OFF_LOAN_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "LOAN_CLOSED", summary = "The loan is repaid or written off already",
                    value = LoanExamples.WRITE_OFF_LOAN_CLOSED),
            @ExampleObject(name = "WRITE_OFF_NOT_ALLOWED", summary = "No instalment more than 180 days late",
                    value = LoanExamples.WRITE_OFF_WRITE_OFF_NOT_ALLOWED),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = LoanExamples.WRITE_OFF_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = LoanExamples.WRITE_OFF_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = LoanExamples.WRITE_OFF_STORE_UNAVAILABLE)}))
    ResponseEntity<?> writeOff(@PathVariable UUID loanId, @Valid @RequestBody WriteOffRequest body,
                               HttpServletRequest request) {
        SiklusClient client = access.requireRole(Role.ADMIN);
        String code = kelurahanOf(loanId);
        CommandSender.requireIdempotencyKey(request);
        LocalDate writtenOffOn = dates.notInFuture(body.writtenOffOn(), "writtenOffOn");
        WriteOffLoan command = new WriteOffLoan(code, loanId.toString(), body.reason().strip(), writtenOffOn);
        return commands.submit(command, new RequestAt(loanId.toString(), body),
                ResponseEntity.ok(new WrittenOff(loanId.toString(), writtenOffOn)), client, request,
                KelurahanPath.unknownKelurahan(code));
    }

    private String kelurahanOf(UUID loanId) {
        return identities.kelurahanOfLoan(loanId.toString()).orElseThrow(() -> ApiProblem.notFound("LOAN_NOT_FOUND",
                "No loan " + loanId + " is recorded. Check the id the disbursement answered with."));
    }

    private record RequestAt(String target, Object body) {
    }

    record DisburseLoanRequest(
            UUID loanId,
            @NotNull UUID ksmId,
            @NotNull @Schema(implementation = Long.class, minimum = "1", description = LoanExamples.RUPIAH)
            Rupiah principal,
            @NotNull @Min(1) @Max(60) Integer termMonths,
            @NotNull @Min(0) @Max(1000) Integer monthlyFeeBasisPoints,
            @NotNull LocalDate disbursedOn) {
    }

    @Schema(name = "DisbursedLoan")
    record Disbursed(
            String loanId,
            @Schema(implementation = Long.class, minimum = "1", description = LoanExamples.RUPIAH) Rupiah principal,
            @ArraySchema(schema = @Schema(implementation = ScheduledInstalment.class)) List<Instalment> schedule) {
    }

    /** How an {@link Instalment} of the schedule reads in JSON: its money is whole rupiah. */
    private record ScheduledInstalment(int number, LocalDate dueOn, long principal, long fee) {
    }

    record RepaymentRequest(
            UUID repaymentId,
            @NotNull @Schema(implementation = Long.class, minimum = "1", description = LoanExamples.RUPIAH)
            Rupiah amount,
            @NotNull LocalDate paidOn) {
    }

    record Repaid(
            String repaymentId,
            String loanId,
            @Schema(implementation = Long.class, minimum = "1", description = LoanExamples.RUPIAH) Rupiah amount) {
    }

    record WriteOffRequest(@NotBlank @Size(max = 500) String reason, @NotNull LocalDate writtenOffOn) {
    }

    record WrittenOff(String loanId, LocalDate writtenOffOn) {
    }
}
