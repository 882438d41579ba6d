package id.siklus.command.household;

import id.siklus.api.household.ForgetHouseholdPersonalData;
import id.siklus.api.household.Neighbourhood;
import id.siklus.api.household.PovertyStatus;
import id.siklus.api.household.ReclassifyHousehold;
import id.siklus.api.household.RegisterHousehold;
import id.siklus.command.platform.CommandSender;
import id.siklus.command.platform.EffectiveDates;
import id.siklus.command.platform.KelurahanPath;
import id.siklus.command.platform.Links;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

@RestController
@Tag(name = "Households", description = "Families of a kelurahan's self-mapping (LKM of that kelurahan)")
class HouseholdController {

    private final CommandSender commands;
    private final Access access;
    private final Links links;
    private final EffectiveDates dates;

    HouseholdController(CommandSender commands, Access access, Links links, EffectiveDates dates) {
        this.commands = commands;
        this.access = access;
        this.links = links;
        this.dates = dates;
    }

    @PostMapping("/api/v1/kelurahan/{code}/households")
    @Operation(operationId = "registerHousehold",
            summary = "Register a household, after the kelurahan's pemetaan swadaya. Send an Idempotency-Key (or "
            + "your own householdId) to make a retry safe")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = false,
            description = HouseholdExamples.IDEMPOTENCY_KEY, example = HouseholdExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = HouseholdExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "With own id and NIK",
                    summary = "The client chooses the householdId, so a retry cannot register it twice",
                    value = HouseholdExamples.REGISTER_WITH_OWN_ID_AND_NIK),
            @ExampleObject(name = "Server-chosen id",
                    summary = "The server generates the householdId; registeredOn defaults to today",
                    value = HouseholdExamples.REGISTER_SERVER_CHOSEN_ID)}))
    @ApiResponse(responseCode = "201", description = "Registered; Location is the household on the query service",
            headers = @Header(name = HttpHeaders.LOCATION, schema = @Schema(type = "string", format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RegisteredHousehold.class),
                    examples = @ExampleObject(name = "Registered", value = HouseholdExamples.REGISTER_CREATED)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule (each listed in errors)",
                    value = HouseholdExamples.REGISTER_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "A value of the wrong type or not in the enum",
                    value = HouseholdExamples.REGISTER_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "registeredOn after today",
                    value = HouseholdExamples.REGISTER_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE", value = HouseholdExamples.REGISTER_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "UNKNOWN_FIELD", value = HouseholdExamples.REGISTER_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = HouseholdExamples.REGISTER_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = HouseholdExamples.REGISTER_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = HouseholdExamples.REGISTER_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = HouseholdExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = HouseholdExamples.REGISTER_ROLE_NOT_PERMITTED),
            @ExampleObject(name = "KELURAHAN_NOT_PERMITTED",
                    value = HouseholdExamples.REGISTER_KELURAHAN_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = HouseholdExamples.REGISTER_KELURAHAN_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "HOUSEHOLD_ID_TAKEN", summary = "The householdId belongs to another kelurahan",
                    value = HouseholdExamples.REGISTER_HOUSEHOLD_ID_TAKEN),
            @ExampleObject(name = "CYCLE_ORDER", summary = "PEMETAAN_SWADAYA is not recorded yet",
                    value = HouseholdExamples.REGISTER_CYCLE_ORDER),
            @ExampleObject(name = "HOUSEHOLD_ALREADY_REGISTERED",
                    summary = "The householdId is registered in this kelurahan",
                    value = HouseholdExamples.REGISTER_HOUSEHOLD_ALREADY_REGISTERED),
            @ExampleObject(name = "NIK_ALREADY_REGISTERED", summary = "A household of this kelurahan has the same NIK",
                    value = HouseholdExamples.REGISTER_NIK_ALREADY_REGISTERED),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = HouseholdExamples.REGISTER_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "Breaks a rule against the recorded facts; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "CYCLE_DATE_ORDER", summary = "registeredOn before the self-mapping",
                    value = HouseholdExamples.REGISTER_CYCLE_DATE_ORDER),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED",
                    value = HouseholdExamples.REGISTER_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = HouseholdExamples.REGISTER_STORE_UNAVAILABLE)}))
    ResponseEntity<?> register(@PathVariable String code, @Valid @RequestBody RegisterHouseholdRequest body,
                               HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireWrite(code);
        String rw = canonical(() -> Neighbourhood.canonicalRw(body.rw()), "rw");
        String rt = canonical(() -> Neighbourhood.canonicalRt(body.rt()), "rt");
        LocalDate registeredOn = dates.orToday(body.registeredOn(), "registeredOn");
        String householdId = (body.householdId() != null ? body.householdId() : UUID.randomUUID()).toString();
        RegisterHousehold command = new RegisterHousehold(code, householdId, rw, rt, body.headName().strip(),
                body.members(), body.povertyStatus(), body.nik(), registeredOn);
        ResponseEntity<RegisteredHousehold> created = ResponseEntity
                .created(URI.create(links.queryService() + "/api/v1/households/" + householdId))
                .body(new RegisteredHousehold(householdId));
        return commands.submit(command, new RequestAt(code, body), created, client, request, unknownKelurahan(code));
    }

    @PostMapping("/api/v1/kelurahan/{code}/households/{householdId}/reclassifications")
    @Operation(operationId = "reclassifyHousehold",
            summary = "Record that a household's poverty status changed (what a review partisipatif finds)")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = false,
            description = HouseholdExamples.IDEMPOTENCY_KEY, example = HouseholdExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = HouseholdExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "After a review", summary = "What the review partisipatif of 2010 found",
                    value = HouseholdExamples.RECLASSIFY_REQUEST)}))
    @ApiResponse(responseCode = "200", description = "Reclassified",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Reclassified.class),
                    examples = @ExampleObject(name = "Reclassified", value = HouseholdExamples.RECLASSIFY_OK)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule (each listed in errors)",
                    value = HouseholdExamples.RECLASSIFY_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "A value of the wrong type or not in the enum",
                    value = HouseholdExamples.RECLASSIFY_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "effectiveOn after today",
                    value = HouseholdExamples.RECLASSIFY_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE",
                    value = HouseholdExamples.RECLASSIFY_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "INVALID_PARAMETER", value = HouseholdExamples.RECLASSIFY_INVALID_PARAMETER),
            @ExampleObject(name = "UNKNOWN_FIELD", value = HouseholdExamples.RECLASSIFY_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = HouseholdExamples.RECLASSIFY_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = HouseholdExamples.RECLASSIFY_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = HouseholdExamples.RECLASSIFY_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = HouseholdExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = HouseholdExamples.RECLASSIFY_ROLE_NOT_PERMITTED),
            @ExampleObject(name = "KELURAHAN_NOT_PERMITTED",
                    value = HouseholdExamples.RECLASSIFY_KELURAHAN_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = HouseholdExamples.RECLASSIFY_KELURAHAN_NOT_FOUND),
            @ExampleObject(name = "HOUSEHOLD_NOT_FOUND", summary = "No such household in this kelurahan",
                    value = HouseholdExamples.RECLASSIFY_HOUSEHOLD_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STATUS_UNCHANGED", summary = "The household has that status already",
                    value = HouseholdExamples.RECLASSIFY_STATUS_UNCHANGED),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = HouseholdExamples.RECLASSIFY_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "Breaks a rule against the recorded facts; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "CYCLE_DATE_ORDER", summary = "effectiveOn before the household's registration",
                    value = HouseholdExamples.RECLASSIFY_CYCLE_DATE_ORDER),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED",
                    value = HouseholdExamples.RECLASSIFY_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = HouseholdExamples.RECLASSIFY_STORE_UNAVAILABLE)}))
    ResponseEntity<?> reclassify(@PathVariable String code, @PathVariable UUID householdId,
                                 @Valid @RequestBody ReclassifyHouseholdRequest body, HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireWrite(code);
        LocalDate effectiveOn = dates.notInFuture(body.effectiveOn(), "effectiveOn");
        ReclassifyHousehold command = new ReclassifyHousehold(code, householdId.toString(), body.povertyStatus(),
                body.reason().strip(), effectiveOn);
        ResponseEntity<Reclassified> accepted = ResponseEntity.ok(
                new Reclassified(householdId.toString(), body.povertyStatus(), effectiveOn));
        return commands.submit(command, new RequestAt(code + "/" + householdId, body), accepted, client, request,
                unknownKelurahan(code));
    }

    @PostMapping("/api/v1/kelurahan/{code}/households/{householdId}/personal-data/forget")
    @Operation(operationId = "forgetHouseholdPersonalData",
            summary = "Erase a household's personal data (UU PDP 27/2022): its data key is destroyed, so its name and "
            + "NIK can no longer be read anywhere; the household, its status, KSM membership and loans stay (ADMIN)")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = false,
            description = HouseholdExamples.IDEMPOTENCY_KEY, example = HouseholdExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = HouseholdExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "On the data subject's request",
                    summary = "The legal basis is kept with the erasure; write no personal data in it",
                    value = HouseholdExamples.FORGET_REQUEST)}))
    @ApiResponse(responseCode = "200", description = "Erased: the key is destroyed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PersonalDataForgotten.class),
                    examples = @ExampleObject(name = "Erased", value = HouseholdExamples.FORGET_OK)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule (each listed in errors)",
                    value = HouseholdExamples.FORGET_INVALID_FIELD),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE", value = HouseholdExamples.FORGET_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "INVALID_PARAMETER", value = HouseholdExamples.FORGET_INVALID_PARAMETER),
            @ExampleObject(name = "UNKNOWN_FIELD", value = HouseholdExamples.FORGET_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = HouseholdExamples.FORGET_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = HouseholdExamples.FORGET_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = HouseholdExamples.FORGET_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = HouseholdExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = HouseholdExamples.FORGET_ROLE_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = HouseholdExamples.FORGET_KELURAHAN_NOT_FOUND),
            @ExampleObject(name = "HOUSEHOLD_NOT_FOUND", summary = "No such household in this kelurahan",
                    value = HouseholdExamples.FORGET_HOUSEHOLD_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "PERSONAL_DATA_ALREADY_FORGOTTEN", summary = "Erased before: a second erasure is "
                    + "refused (a retry with the first request's Idempotency-Key gets the first answer instead)",
                    value = HouseholdExamples.FORGET_ALREADY_FORGOTTEN),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = HouseholdExamples.FORGET_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "Breaks a rule against the recorded facts; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = HouseholdExamples.FORGET_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = HouseholdExamples.FORGET_STORE_UNAVAILABLE)}))
    ResponseEntity<?> forget(@PathVariable String code, @PathVariable UUID householdId,
                             @Valid @RequestBody ForgetPersonalDataRequest body, HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireRole(Role.ADMIN);
        LocalDate today = dates.today();
        ForgetHouseholdPersonalData command = new ForgetHouseholdPersonalData(code, householdId.toString(),
                body.legalBasis().strip(), today);
        ResponseEntity<PersonalDataForgotten> accepted = ResponseEntity.ok(
                new PersonalDataForgotten(householdId.toString(), PersonalDataForgotten.ERASED, today));
        return commands.submit(command, new RequestAt(code + "/" + householdId + "/forget", body), accepted, client,
                request, unknownKelurahan(code));
    }

    private static Function<RuntimeException, ApiProblem> unknownKelurahan(String code) {
        return e -> e instanceof AggregateNotFoundException
                ? ApiProblem.notFound("KELURAHAN_NOT_FOUND",
                "Kelurahan " + code + " is not registered; an ADMIN must register it first.")
                : null;
    }

    private static String canonical(Supplier<String> value, String field) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "INVALID_FIELD",
                    "Invalid request: '" + field + "' " + e.getMessage() + ".",
                    Map.of("errors", List.of(Map.of("field", field, "message", e.getMessage()))));
        }
    }

    /** What identifies a retry: the target and the body as received, without the id the server may add. */
    private record RequestAt(String target, Object body) {
    }

    record RegisterHouseholdRequest(
            UUID householdId,
            @NotNull @Pattern(regexp = "^\\d{2,3}$", message = "must be a 2 or 3 digit RW number, e.g. 03") String rw,
            @NotNull @Pattern(regexp = "^\\d{2,3}$", message = "must be a 2 or 3 digit RT number, e.g. 010") String rt,
            @NotBlank @Size(max = 120) String headName,
            @NotNull @Min(1) @Max(50) Integer members,
            @NotNull PovertyStatus povertyStatus,
            @Pattern(regexp = "^\\d{16}$", message = "must be the 16 digits of a NIK") String nik,
            LocalDate registeredOn) {

        /** Spring MVC logs a request's text at DEBUG: it leaves out the name and the NIK (ADR 0009). */
        @Override
        public String toString() {
            return "RegisterHouseholdRequest[householdId=" + householdId + ", rw=" + rw + ", rt=" + rt + ", members="
                    + members + ", povertyStatus=" + povertyStatus + ", registeredOn=" + registeredOn + "]";
        }
    }

    record RegisteredHousehold(String householdId) {
    }

    record ReclassifyHouseholdRequest(
            @NotNull PovertyStatus povertyStatus,
            @NotBlank @Size(max = 500) String reason,
            @NotNull LocalDate effectiveOn) {
    }

    record Reclassified(String householdId, PovertyStatus povertyStatus, LocalDate effectiveOn) {
    }

    record ForgetPersonalDataRequest(@NotBlank @Size(max = 500) String legalBasis) {
    }

    record PersonalDataForgotten(String householdId, String personalData, LocalDate forgottenOn) {
        static final String ERASED = "ERASED";
    }
}
