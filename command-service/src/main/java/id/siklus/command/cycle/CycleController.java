package id.siklus.command.cycle;

import id.siklus.api.cycle.CycleStage;
import id.siklus.api.cycle.Participants;
import id.siklus.api.cycle.RecordCycleStage;
import id.siklus.command.platform.CommandSender;
import id.siklus.command.platform.EffectiveDates;
import id.siklus.command.platform.KelurahanPath;
import id.siklus.support.security.Access;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

@RestController
@Tag(name = "Cycle", description = "The stages of the program cycle in a kelurahan (LKM of that kelurahan)")
class CycleController {

    private final CommandSender commands;
    private final Access access;
    private final EffectiveDates dates;

    CycleController(CommandSender commands, Access access, EffectiveDates dates) {
        this.commands = commands;
        this.access = access;
        this.dates = dates;
    }

    @PostMapping("/api/v1/kelurahan/{code}/cycle-stages")
    @Operation(operationId = "recordCycleStage",
            summary = "Record a stage of the cycle. Stages in order: REFLEKSI_KEMISKINAN, PEMETAAN_SWADAYA, "
            + "PEMBENTUKAN_LKM (with lkmName), PJM_PRONANGKIS (with fromYear, toYear; again for a later period), "
            + "REVIEW_PARTISIPATIF (once a year, after a PJM)")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = false,
            description = CycleExamples.IDEMPOTENCY_KEY, example = CycleExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = CycleExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "REFLEKSI_KEMISKINAN", summary = "1. Poverty reflection, with who took part",
                    value = CycleExamples.RECORD_REFLEKSI_KEMISKINAN),
            @ExampleObject(name = "PEMETAAN_SWADAYA",
                    summary = "2. Self-mapping; households may be registered from then on",
                    value = CycleExamples.RECORD_PEMETAAN_SWADAYA),
            @ExampleObject(name = "PEMBENTUKAN_LKM", summary = "3. The LKM is elected: lkmName is required",
                    value = CycleExamples.RECORD_PEMBENTUKAN_LKM),
            @ExampleObject(name = "PJM_PRONANGKIS",
                    summary = "4. The medium-term plan: fromYear and toYear are required (1 to 10 years)",
                    value = CycleExamples.RECORD_PJM_PRONANGKIS),
            @ExampleObject(name = "REVIEW_PARTISIPATIF", summary = "5. The yearly participatory review, after a plan",
                    value = CycleExamples.RECORD_REVIEW_PARTISIPATIF)}))
    @ApiResponse(responseCode = "200", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Recorded.class),
                    examples = @ExampleObject(name = "Recorded", value = CycleExamples.RECORD_OK)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD",
                    summary = "A field breaks its rule, or a stage's own fields are missing or misplaced",
                    value = CycleExamples.RECORD_INVALID_FIELD),
            @ExampleObject(name = "PARTICIPANTS_INCONSISTENT", summary = "participants.poor greater than men + women",
                    value = CycleExamples.RECORD_PARTICIPANTS_INCONSISTENT),
            @ExampleObject(name = "INVALID_VALUE", summary = "A value of the wrong type or not in the enum",
                    value = CycleExamples.RECORD_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "heldOn after today",
                    value = CycleExamples.RECORD_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE", value = CycleExamples.RECORD_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "UNKNOWN_FIELD", value = CycleExamples.RECORD_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = CycleExamples.RECORD_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = CycleExamples.RECORD_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = CycleExamples.RECORD_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = CycleExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = CycleExamples.RECORD_ROLE_NOT_PERMITTED),
            @ExampleObject(name = "KELURAHAN_NOT_PERMITTED", value = CycleExamples.RECORD_KELURAHAN_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = CycleExamples.RECORD_KELURAHAN_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "CYCLE_ORDER", summary = "The stage before it is not recorded",
                    value = CycleExamples.RECORD_CYCLE_ORDER),
            @ExampleObject(name = "CYCLE_STAGE_ALREADY_RECORDED", summary = "Stages 1-3 are recorded once",
                    value = CycleExamples.RECORD_CYCLE_STAGE_ALREADY_RECORDED),
            @ExampleObject(name = "PJM_PERIOD_OVERLAPS", summary = "A new plan must start after every recorded plan",
                    value = CycleExamples.RECORD_PJM_PERIOD_OVERLAPS),
            @ExampleObject(name = "REVIEW_ALREADY_HELD_THIS_YEAR", summary = "One review per calendar year",
                    value = CycleExamples.RECORD_REVIEW_ALREADY_HELD_THIS_YEAR),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = CycleExamples.RECORD_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "Breaks a rule against the recorded facts; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "CYCLE_DATE_ORDER", summary = "heldOn before the stage it follows",
                    value = CycleExamples.RECORD_CYCLE_DATE_ORDER),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = CycleExamples.RECORD_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = CycleExamples.RECORD_STORE_UNAVAILABLE)}))
    ResponseEntity<?> record(@PathVariable String code, @Valid @RequestBody RecordCycleStageRequest body,
                             HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireWrite(code);
        LocalDate heldOn = dates.notInFuture(body.heldOn(), "heldOn");
        body.requireConsistent();
        RecordCycleStage command = new RecordCycleStage(code, body.stage(), heldOn,
                new Participants(body.participants().men(), body.participants().women(), body.participants().poor()),
                body.notes() == null ? null : body.notes().strip(),
                body.lkmName() == null ? null : body.lkmName().strip(), body.fromYear(), body.toYear());
        ResponseEntity<Recorded> accepted = ResponseEntity.ok(new Recorded(code, body.stage(), heldOn));
        return commands.submit(command, new RequestAt(code, body), accepted, client, request,
                e -> e instanceof AggregateNotFoundException
                        ? ApiProblem.notFound("KELURAHAN_NOT_FOUND",
                        "Kelurahan " + code + " is not registered; an ADMIN must register it first.")
                        : null);
    }

    private record RequestAt(String code, RecordCycleStageRequest body) {
    }

    record ParticipantsRequest(@NotNull @Min(0) @Max(100_000) Integer men,
                               @NotNull @Min(0) @Max(100_000) Integer women,
                               @NotNull @Min(0) @Max(100_000) Integer poor) {
    }

    record RecordCycleStageRequest(
            @NotNull CycleStage stage,
            @NotNull LocalDate heldOn,
            @NotNull @Valid ParticipantsRequest participants,
            @Size(max = 2000) String notes,
            @Size(min = 1, max = 120) String lkmName,
            @Min(2000) @Max(2100) Integer fromYear,
            @Min(2000) @Max(2100) Integer toYear) {

        /** The fields a stage carries, and only those; participants that add up. */
        void requireConsistent() {
            if (participants.poor() > participants.men() + participants.women()) {
                throw ApiProblem.badRequest("PARTICIPANTS_INCONSISTENT", "'participants.poor' (" + participants.poor()
                        + ") cannot exceed men + women (" + (participants.men() + participants.women()) + ").");
            }
            boolean lkm = stage == CycleStage.PEMBENTUKAN_LKM;
            if (lkm && (lkmName == null || lkmName.isBlank())) {
                throw ApiProblem.badRequest("INVALID_FIELD",
                        "'lkmName' is required for PEMBENTUKAN_LKM: the name of the elected LKM.");
            }
            if (!lkm && lkmName != null) {
                throw ApiProblem.badRequest("INVALID_FIELD", "'lkmName' belongs to PEMBENTUKAN_LKM only; remove it.");
            }
            boolean pjm = stage == CycleStage.PJM_PRONANGKIS;
            if (pjm != (fromYear != null || toYear != null)) {
                throw ApiProblem.badRequest("INVALID_FIELD", pjm
                        ? "'fromYear' and 'toYear' are required for PJM_PRONANGKIS: the years the plan covers."
                        : "'fromYear' and 'toYear' belong to PJM_PRONANGKIS only; remove them.");
            }
            if (pjm && (fromYear == null || toYear == null || fromYear > toYear || toYear - fromYear > 9)) {
                throw ApiProblem.badRequest("INVALID_FIELD", "A PJM Pronangkis covers 1 to 10 years: 'fromYear' "
                        + "must not be after 'toYear' (got " + fromYear + "–" + toYear + ").");
            }
        }
    }

    @Schema(name = "RecordedCycleStage")
    record Recorded(String kelurahanCode, CycleStage stage, LocalDate heldOn) {
    }
}
