package id.siklus.command.blm;

import id.siklus.api.blm.AllocateBlm;
import id.siklus.api.blm.BlmCategory;
import id.siklus.api.blm.DisburseBlm;
import id.siklus.api.money.Rupiah;
import id.siklus.command.platform.CommandSender;
import id.siklus.command.platform.EffectiveDates;
import id.siklus.command.platform.KelurahanPath;
import id.siklus.support.security.Access;
import id.siklus.support.security.Role;
import id.siklus.support.security.SiklusClient;
import id.siklus.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Function;

@RestController
@Tag(name = "BLM", description = "The yearly direct grant: its pagu (ADMIN) and its uses (LKM of the kelurahan)")
class BlmController {

    private final CommandSender commands;
    private final Access access;
    private final EffectiveDates dates;

    BlmController(CommandSender commands, Access access, EffectiveDates dates) {
        this.commands = commands;
        this.access = access;
        this.dates = dates;
    }

    @PostMapping("/api/v1/kelurahan/{code}/blm/{year}/allocation")
    @Operation(operationId = "allocateBlm",
            summary = "Record the year's BLM pagu as received; one allocation per kelurahan and year. Money "
            + "command: an Idempotency-Key is required")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = true,
            description = BlmExamples.MONEY_IDEMPOTENCY_KEY, example = BlmExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = BlmExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "Pagu 2010", summary = "The 2010 pagu of Rp 200.000.000, received on 1 February",
                    value = BlmExamples.ALLOCATE_REQUEST)}))
    @ApiResponse(responseCode = "201", description = "Allocated",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Allocated.class),
                    examples = @ExampleObject(name = "Allocated", value = BlmExamples.ALLOCATE_CREATED)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule, or pagu is 0",
                    value = BlmExamples.ALLOCATE_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "Money that is not a whole number of rupiah",
                    value = BlmExamples.ALLOCATE_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "receivedOn after today",
                    value = BlmExamples.ALLOCATE_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE", value = BlmExamples.ALLOCATE_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "INVALID_PARAMETER", value = BlmExamples.ALLOCATE_INVALID_PARAMETER),
            @ExampleObject(name = "INVALID_PARAMETER (year out of range)", summary = "A year outside 2000-2100",
                    value = BlmExamples.ALLOCATE_INVALID_PARAMETER_YEAR_OUT_OF_RANGE),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REQUIRED", value = BlmExamples.ALLOCATE_IDEMPOTENCY_KEY_REQUIRED),
            @ExampleObject(name = "UNKNOWN_FIELD", value = BlmExamples.ALLOCATE_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = BlmExamples.ALLOCATE_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = BlmExamples.ALLOCATE_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = BlmExamples.ALLOCATE_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = BlmExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = BlmExamples.ALLOCATE_ROLE_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = BlmExamples.ALLOCATE_KELURAHAN_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "BLM_ALREADY_ALLOCATED", summary = "One allocation per kelurahan and year",
                    value = BlmExamples.ALLOCATE_BLM_ALREADY_ALLOCATED),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = BlmExamples.ALLOCATE_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = BlmExamples.ALLOCATE_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = BlmExamples.ALLOCATE_STORE_UNAVAILABLE)}))
    ResponseEntity<?> allocate(@PathVariable String code, @PathVariable int year,
                               @Valid @RequestBody AllocationRequest body, HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireRole(Role.ADMIN);
        CommandSender.requireIdempotencyKey(request);
        requireYear(year);
        requirePositive(body.pagu(), "pagu");
        LocalDate receivedOn = dates.notInFuture(body.receivedOn(), "receivedOn");
        AllocateBlm command = new AllocateBlm(code, year, body.pagu(), receivedOn);
        ResponseEntity<Allocated> created = ResponseEntity.status(HttpStatus.CREATED)
                .body(new Allocated(code, year, body.pagu(), receivedOn));
        return commands.submit(command, new RequestAt(code + "/" + year, body), created, client, request,
                unknownKelurahan(code));
    }

    @PostMapping("/api/v1/kelurahan/{code}/blm/{year}/disbursements")
    @Operation(operationId = "disburseBlm",
            summary = "Book a use of the year's BLM under LINGKUNGAN, EKONOMI, SOSIAL or BOP; never beyond the "
            + "pagu, only with a PJM covering the year. Money command: an Idempotency-Key is required")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = true,
            description = BlmExamples.MONEY_IDEMPOTENCY_KEY, example = BlmExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = BlmExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "LINGKUNGAN",
                    summary = "Infrastructure works (Tridaya: lingkungan), under the client's own id",
                    value = BlmExamples.DISBURSE_LINGKUNGAN),
            @ExampleObject(name = "EKONOMI",
                    summary = "Capital of the revolving fund (Tridaya: ekonomi); never booked to a KSM",
                    value = BlmExamples.DISBURSE_EKONOMI),
            @ExampleObject(name = "SOSIAL with KSM", summary = "A social activity carried out by a SOSIAL KSM",
                    value = BlmExamples.DISBURSE_SOSIAL_WITH_KSM)}))
    @ApiResponse(responseCode = "201", description = "Booked",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Disbursed.class),
                    examples = @ExampleObject(name = "Booked", value = BlmExamples.DISBURSE_CREATED)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule, or amount is 0",
                    value = BlmExamples.DISBURSE_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "Money that is not a whole number of rupiah",
                    value = BlmExamples.DISBURSE_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "disbursedOn after today",
                    value = BlmExamples.DISBURSE_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE", value = BlmExamples.DISBURSE_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "INVALID_PARAMETER", value = BlmExamples.DISBURSE_INVALID_PARAMETER),
            @ExampleObject(name = "INVALID_PARAMETER (year out of range)", summary = "A year outside 2000-2100",
                    value = BlmExamples.DISBURSE_INVALID_PARAMETER_YEAR_OUT_OF_RANGE),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REQUIRED", value = BlmExamples.DISBURSE_IDEMPOTENCY_KEY_REQUIRED),
            @ExampleObject(name = "UNKNOWN_FIELD", value = BlmExamples.DISBURSE_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = BlmExamples.DISBURSE_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = BlmExamples.DISBURSE_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = BlmExamples.DISBURSE_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = BlmExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = BlmExamples.DISBURSE_ROLE_NOT_PERMITTED),
            @ExampleObject(name = "KELURAHAN_NOT_PERMITTED", value = BlmExamples.DISBURSE_KELURAHAN_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = BlmExamples.DISBURSE_KELURAHAN_NOT_FOUND),
            @ExampleObject(name = "KSM_NOT_FOUND", summary = "The ksmId is no KSM of this kelurahan",
                    value = BlmExamples.DISBURSE_KSM_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "BLM_NOT_ALLOCATED", summary = "No allocation for the year",
                    value = BlmExamples.DISBURSE_BLM_NOT_ALLOCATED),
            @ExampleObject(name = "CYCLE_ORDER", summary = "No recorded PJM Pronangkis covers the year",
                    value = BlmExamples.DISBURSE_CYCLE_ORDER),
            @ExampleObject(name = "KSM_DISSOLVED", summary = "The KSM was dissolved",
                    value = BlmExamples.DISBURSE_KSM_DISSOLVED),
            @ExampleObject(name = "DISBURSEMENT_ALREADY_RECORDED", summary = "The disbursementId is recorded already",
                    value = BlmExamples.DISBURSE_DISBURSEMENT_ALREADY_RECORDED),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = BlmExamples.DISBURSE_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "Breaks a rule against the recorded facts; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "CYCLE_DATE_ORDER", summary = "disbursedOn before the BLM was received",
                    value = BlmExamples.DISBURSE_CYCLE_DATE_ORDER),
            @ExampleObject(name = "BLM_PAGU_EXCEEDED", summary = "More than what remains of the pagu",
                    value = BlmExamples.DISBURSE_BLM_PAGU_EXCEEDED),
            @ExampleObject(name = "KSM_NOT_ALLOWED", summary = "A ksmId with EKONOMI or BOP",
                    value = BlmExamples.DISBURSE_KSM_NOT_ALLOWED),
            @ExampleObject(name = "KSM_PURPOSE_MISMATCH", summary = "The KSM's purpose is not the category",
                    value = BlmExamples.DISBURSE_KSM_PURPOSE_MISMATCH),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = BlmExamples.DISBURSE_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = BlmExamples.DISBURSE_STORE_UNAVAILABLE)}))
    ResponseEntity<?> disburse(@PathVariable String code, @PathVariable int year,
                               @Valid @RequestBody DisbursementRequest body, HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireWrite(code);
        CommandSender.requireIdempotencyKey(request);
        requireYear(year);
        requirePositive(body.amount(), "amount");
        LocalDate disbursedOn = dates.notInFuture(body.disbursedOn(), "disbursedOn");
        String disbursementId = (body.disbursementId() != null ? body.disbursementId() : UUID.randomUUID()).toString();
        DisburseBlm command = new DisburseBlm(code, disbursementId, year, body.category(), body.amount(),
                body.activity().strip(), disbursedOn, body.ksmId() == null ? null : body.ksmId().toString());
        ResponseEntity<Disbursed> created = ResponseEntity.status(HttpStatus.CREATED)
                .body(new Disbursed(disbursementId, year, body.category(), body.amount()));
        return commands.submit(command, new RequestAt(code + "/" + year, body), created, client, request,
                unknownKelurahan(code));
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ApiProblem.badRequest("INVALID_PARAMETER", "The year in the path must lie between 2000 and 2100.");
        }
    }

    private static void requirePositive(Rupiah amount, String field) {
        if (amount.isZero()) {
            throw ApiProblem.badRequest("INVALID_FIELD", "'" + field + "' must be more than Rp 0.");
        }
    }

    private static Function<RuntimeException, ApiProblem> unknownKelurahan(String code) {
        return e -> e instanceof AggregateNotFoundException
                ? ApiProblem.notFound("KELURAHAN_NOT_FOUND",
                "Kelurahan " + code + " is not registered; an ADMIN must register it first.")
                : null;
    }

    private record RequestAt(String target, Object body) {
    }

    record AllocationRequest(
            @NotNull @Schema(implementation = Long.class, minimum = "1", description = BlmExamples.RUPIAH)
            Rupiah pagu,
            @NotNull LocalDate receivedOn) {
    }

    record Allocated(
            String kelurahanCode,
            int year,
            @Schema(implementation = Long.class, minimum = "1", description = BlmExamples.RUPIAH) Rupiah pagu,
            LocalDate receivedOn) {
    }

    record DisbursementRequest(
            UUID disbursementId,
            @NotNull BlmCategory category,
            @NotNull @Schema(implementation = Long.class, minimum = "1", description = BlmExamples.RUPIAH)
            Rupiah amount,
            @NotBlank @Size(max = 500) String activity,
            @NotNull LocalDate disbursedOn,
            UUID ksmId) {
    }

    @Schema(name = "DisbursedBlm")
    record Disbursed(
            String disbursementId,
            int year,
            BlmCategory category,
            @Schema(implementation = Long.class, minimum = "1", description = BlmExamples.RUPIAH) Rupiah amount) {
    }
}
