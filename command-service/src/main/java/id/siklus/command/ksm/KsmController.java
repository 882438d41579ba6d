package id.siklus.command.ksm;

import id.siklus.api.ksm.AddKsmMember;
import id.siklus.api.ksm.DissolveKsm;
import id.siklus.api.ksm.FormKsm;
import id.siklus.api.ksm.KsmPurpose;
import id.siklus.api.ksm.RemoveKsmMember;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

@RestController
@Tag(name = "KSM", description = "Self-help groups of a kelurahan (LKM of that kelurahan)")
class KsmController {

    private final CommandSender commands;
    private final Access access;
    private final EffectiveDates dates;

    KsmController(CommandSender commands, Access access, EffectiveDates dates) {
        this.commands = commands;
        this.access = access;
        this.dates = dates;
    }

    @PostMapping("/api/v1/kelurahan/{code}/ksm")
    @Operation(operationId = "formKsm",
            summary = "Form a KSM after the LKM is formed. An EKONOMI KSM has 3–10 registered households, at least "
            + "half MISKIN, none in another active EKONOMI KSM")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = false,
            description = KsmExamples.IDEMPOTENCY_KEY, example = KsmExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = KsmExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "EKONOMI KSM", summary = "Five registered households, at least half MISKIN",
                    value = KsmExamples.FORM_EKONOMI_KSM),
            @ExampleObject(name = "SOSIAL KSM",
                    summary = "A SOSIAL KSM has no member bounds; the server chooses the ksmId",
                    value = KsmExamples.FORM_SOSIAL_KSM)}))
    @ApiResponse(responseCode = "201", description = "Formed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Formed.class),
                    examples = @ExampleObject(name = "Formed", value = KsmExamples.FORM_CREATED)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule, or a household is listed twice",
                    value = KsmExamples.FORM_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "A value of the wrong type or not in the enum",
                    value = KsmExamples.FORM_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "formedOn after today",
                    value = KsmExamples.FORM_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE", value = KsmExamples.FORM_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "UNKNOWN_FIELD", value = KsmExamples.FORM_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = KsmExamples.FORM_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = KsmExamples.FORM_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = KsmExamples.FORM_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = KsmExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = KsmExamples.FORM_ROLE_NOT_PERMITTED),
            @ExampleObject(name = "KELURAHAN_NOT_PERMITTED", value = KsmExamples.FORM_KELURAHAN_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = KsmExamples.FORM_KELURAHAN_NOT_FOUND),
            @ExampleObject(name = "HOUSEHOLD_NOT_FOUND",
                    summary = "A member is not a registered household of this kelurahan",
                    value = KsmExamples.FORM_HOUSEHOLD_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "CYCLE_ORDER", summary = "PEMBENTUKAN_LKM is not recorded yet",
                    value = KsmExamples.FORM_CYCLE_ORDER),
            @ExampleObject(name = "KSM_ALREADY_FORMED", summary = "The ksmId exists (dissolved ones included)",
                    value = KsmExamples.FORM_KSM_ALREADY_FORMED),
            @ExampleObject(name = "HOUSEHOLD_IN_ANOTHER_KSM",
                    summary = "EKONOMI: a member is in another active EKONOMI KSM",
                    value = KsmExamples.FORM_HOUSEHOLD_IN_ANOTHER_KSM),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = KsmExamples.FORM_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "Breaks a rule against the recorded facts; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "CYCLE_DATE_ORDER", summary = "formedOn before the LKM's formation",
                    value = KsmExamples.FORM_CYCLE_DATE_ORDER),
            @ExampleObject(name = "KSM_SIZE", summary = "EKONOMI: fewer than 3 or more than 10 members",
                    value = KsmExamples.FORM_KSM_SIZE),
            @ExampleObject(name = "KSM_TOO_FEW_POOR", summary = "EKONOMI: less than half of the members MISKIN",
                    value = KsmExamples.FORM_KSM_TOO_FEW_POOR),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = KsmExamples.FORM_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = KsmExamples.FORM_STORE_UNAVAILABLE)}))
    ResponseEntity<?> form(@PathVariable String code, @Valid @RequestBody FormKsmRequest body,
                           HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireWrite(code);
        LocalDate formedOn = dates.notInFuture(body.formedOn(), "formedOn");
        List<String> members = body.memberHouseholdIds().stream().map(UUID::toString).toList();
        if (new HashSet<>(members).size() != members.size()) {
            throw ApiProblem.badRequest("INVALID_FIELD", "'memberHouseholdIds' lists a household more than once.");
        }
        String ksmId = (body.ksmId() != null ? body.ksmId() : UUID.randomUUID()).toString();
        FormKsm command = new FormKsm(code, ksmId, body.name().strip(), body.purpose(), members, formedOn);
        return commands.submit(command, new RequestAt(code, body),
                ResponseEntity.status(HttpStatus.CREATED).body(new Formed(ksmId)), client, request,
                KelurahanPath.unknownKelurahan(code));
    }

    @PostMapping("/api/v1/kelurahan/{code}/ksm/{ksmId}/members")
    @Operation(operationId = "addKsmMember",
            summary = "A registered household joins the KSM")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = false,
            description = KsmExamples.IDEMPOTENCY_KEY, example = KsmExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = KsmExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "Joins", summary = "A registered household joins the KSM",
                    value = KsmExamples.ADD_MEMBER_REQUEST)}))
    @ApiResponse(responseCode = "200", description = "Joined",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = MemberChange.class),
                    examples = @ExampleObject(name = "Joined", value = KsmExamples.ADD_MEMBER_OK)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule (each listed in errors)",
                    value = KsmExamples.ADD_MEMBER_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "A value of the wrong type",
                    value = KsmExamples.ADD_MEMBER_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "joinedOn after today",
                    value = KsmExamples.ADD_MEMBER_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE", value = KsmExamples.ADD_MEMBER_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "INVALID_PARAMETER", value = KsmExamples.ADD_MEMBER_INVALID_PARAMETER),
            @ExampleObject(name = "UNKNOWN_FIELD", value = KsmExamples.ADD_MEMBER_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = KsmExamples.ADD_MEMBER_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = KsmExamples.ADD_MEMBER_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = KsmExamples.ADD_MEMBER_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = KsmExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = KsmExamples.ADD_MEMBER_ROLE_NOT_PERMITTED),
            @ExampleObject(name = "KELURAHAN_NOT_PERMITTED", value = KsmExamples.ADD_MEMBER_KELURAHAN_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = KsmExamples.ADD_MEMBER_KELURAHAN_NOT_FOUND),
            @ExampleObject(name = "KSM_NOT_FOUND", summary = "No such KSM in this kelurahan",
                    value = KsmExamples.ADD_MEMBER_KSM_NOT_FOUND),
            @ExampleObject(name = "HOUSEHOLD_NOT_FOUND", summary = "The household is not registered in this kelurahan",
                    value = KsmExamples.ADD_MEMBER_HOUSEHOLD_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KSM_DISSOLVED", summary = "The KSM was dissolved",
                    value = KsmExamples.ADD_MEMBER_KSM_DISSOLVED),
            @ExampleObject(name = "ALREADY_A_MEMBER", summary = "The household is a member already",
                    value = KsmExamples.ADD_MEMBER_ALREADY_A_MEMBER),
            @ExampleObject(name = "HOUSEHOLD_IN_ANOTHER_KSM",
                    summary = "EKONOMI: the household is in another active EKONOMI KSM",
                    value = KsmExamples.ADD_MEMBER_HOUSEHOLD_IN_ANOTHER_KSM),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = KsmExamples.ADD_MEMBER_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "Breaks a rule against the recorded facts; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "CYCLE_DATE_ORDER", summary = "joinedOn before the KSM was formed",
                    value = KsmExamples.ADD_MEMBER_CYCLE_DATE_ORDER),
            @ExampleObject(name = "KSM_SIZE", summary = "EKONOMI: more than 10 members after the change",
                    value = KsmExamples.ADD_MEMBER_KSM_SIZE),
            @ExampleObject(name = "KSM_TOO_FEW_POOR", summary = "EKONOMI: less than half MISKIN after the change",
                    value = KsmExamples.ADD_MEMBER_KSM_TOO_FEW_POOR),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = KsmExamples.ADD_MEMBER_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = KsmExamples.ADD_MEMBER_STORE_UNAVAILABLE)}))
    ResponseEntity<?> addMember(@PathVariable String code, @PathVariable UUID ksmId,
                                @Valid @RequestBody AddMemberRequest body, HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireWrite(code);
        LocalDate joinedOn = dates.notInFuture(body.joinedOn(), "joinedOn");
        AddKsmMember command = new AddKsmMember(code, ksmId.toString(), body.householdId().toString(), joinedOn);
        return commands.submit(command, new RequestAt(code + "/" + ksmId, body),
                ResponseEntity.ok(new MemberChange(ksmId.toString(), body.householdId().toString(), joinedOn)),
                client, request, KelurahanPath.unknownKelurahan(code));
    }

    @PostMapping("/api/v1/kelurahan/{code}/ksm/{ksmId}/members/{householdId}/removal")
    @Operation(operationId = "removeKsmMember",
            summary = "A household leaves the KSM")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = false,
            description = KsmExamples.IDEMPOTENCY_KEY, example = KsmExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = KsmExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "Leaves", summary = "The household moved away",
                    value = KsmExamples.REMOVE_MEMBER_REQUEST)}))
    @ApiResponse(responseCode = "200", description = "Left",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = MemberChange.class),
                    examples = @ExampleObject(name = "Left", value = KsmExamples.REMOVE_MEMBER_OK)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule (each listed in errors)",
                    value = KsmExamples.REMOVE_MEMBER_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "A value of the wrong type",
                    value = KsmExamples.REMOVE_MEMBER_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "leftOn after today",
                    value = KsmExamples.REMOVE_MEMBER_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE", value = KsmExamples.REMOVE_MEMBER_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "INVALID_PARAMETER", value = KsmExamples.REMOVE_MEMBER_INVALID_PARAMETER),
            @ExampleObject(name = "UNKNOWN_FIELD", value = KsmExamples.REMOVE_MEMBER_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = KsmExamples.REMOVE_MEMBER_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = KsmExamples.REMOVE_MEMBER_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = KsmExamples.REMOVE_MEMBER_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = KsmExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = KsmExamples.REMOVE_MEMBER_ROLE_NOT_PERMITTED),
            @ExampleObject(name = "KELURAHAN_NOT_PERMITTED",
                    value = KsmExamples.REMOVE_MEMBER_KELURAHAN_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = KsmExamples.REMOVE_MEMBER_KELURAHAN_NOT_FOUND),
            @ExampleObject(name = "KSM_NOT_FOUND", summary = "No such KSM in this kelurahan",
                    value = KsmExamples.REMOVE_MEMBER_KSM_NOT_FOUND),
            @ExampleObject(name = "NOT_A_MEMBER", summary = "The household is not a member",
                    value = KsmExamples.REMOVE_MEMBER_NOT_A_MEMBER)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KSM_DISSOLVED", summary = "The KSM was dissolved",
                    value = KsmExamples.REMOVE_MEMBER_KSM_DISSOLVED),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = KsmExamples.REMOVE_MEMBER_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "Breaks a rule against the recorded facts; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "CYCLE_DATE_ORDER", summary = "leftOn before the KSM was formed",
                    value = KsmExamples.REMOVE_MEMBER_CYCLE_DATE_ORDER),
            @ExampleObject(name = "KSM_SIZE", summary = "EKONOMI: fewer than 3 members after the change",
                    value = KsmExamples.REMOVE_MEMBER_KSM_SIZE),
            @ExampleObject(name = "KSM_TOO_FEW_POOR", summary = "EKONOMI: less than half MISKIN after the change",
                    value = KsmExamples.REMOVE_MEMBER_KSM_TOO_FEW_POOR),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = KsmExamples.REMOVE_MEMBER_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = KsmExamples.REMOVE_MEMBER_STORE_UNAVAILABLE)}))
    ResponseEntity<?> removeMember(@PathVariable String code, @PathVariable UUID ksmId, @PathVariable UUID householdId,
                                   @Valid @RequestBody RemoveMemberRequest body, HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireWrite(code);
        LocalDate leftOn = dates.notInFuture(body.leftOn(), "leftOn");
        RemoveKsmMember command = new RemoveKsmMember(code, ksmId.toString(), householdId.toString(),
                body.reason().strip(), leftOn);
        return commands.submit(command, new RequestAt(code + "/" + ksmId + "/" + householdId, body),
                ResponseEntity.ok(new MemberChange(ksmId.toString(), householdId.toString(), leftOn)),
                client, request, KelurahanPath.unknownKelurahan(code));
    }

    @PostMapping("/api/v1/kelurahan/{code}/ksm/{ksmId}/dissolution")
    @Operation(operationId = "dissolveKsm",
            summary = "Dissolve the KSM; refused while it has an outstanding loan")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = false,
            description = KsmExamples.IDEMPOTENCY_KEY, example = KsmExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = KsmExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "Dissolved", summary = "The members agreed to dissolve the KSM",
                    value = KsmExamples.DISSOLVE_REQUEST)}))
    @ApiResponse(responseCode = "200", description = "Dissolved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Dissolved.class),
                    examples = @ExampleObject(name = "Dissolved", value = KsmExamples.DISSOLVE_OK)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule (each listed in errors)",
                    value = KsmExamples.DISSOLVE_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "A value of the wrong type",
                    value = KsmExamples.DISSOLVE_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "dissolvedOn after today",
                    value = KsmExamples.DISSOLVE_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE", value = KsmExamples.DISSOLVE_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "INVALID_PARAMETER", value = KsmExamples.DISSOLVE_INVALID_PARAMETER),
            @ExampleObject(name = "UNKNOWN_FIELD", value = KsmExamples.DISSOLVE_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = KsmExamples.DISSOLVE_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = KsmExamples.DISSOLVE_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = KsmExamples.DISSOLVE_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = KsmExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = KsmExamples.DISSOLVE_ROLE_NOT_PERMITTED),
            @ExampleObject(name = "KELURAHAN_NOT_PERMITTED", value = KsmExamples.DISSOLVE_KELURAHAN_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = KsmExamples.DISSOLVE_KELURAHAN_NOT_FOUND),
            @ExampleObject(name = "KSM_NOT_FOUND", summary = "No such KSM in this kelurahan",
                    value = KsmExamples.DISSOLVE_KSM_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KSM_DISSOLVED", summary = "The KSM was dissolved already",
                    value = KsmExamples.DISSOLVE_KSM_DISSOLVED),
            @ExampleObject(name = "KSM_HAS_OUTSTANDING_LOAN", summary = "The KSM's loan is open",
                    value = KsmExamples.DISSOLVE_KSM_HAS_OUTSTANDING_LOAN),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = KsmExamples.DISSOLVE_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "Breaks a rule against the recorded facts; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "CYCLE_DATE_ORDER", summary = "dissolvedOn before the KSM was formed",
                    value = KsmExamples.DISSOLVE_CYCLE_DATE_ORDER),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = KsmExamples.DISSOLVE_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = KsmExamples.DISSOLVE_STORE_UNAVAILABLE)}))
    ResponseEntity<?> dissolve(@PathVariable String code, @PathVariable UUID ksmId,
                               @Valid @RequestBody DissolveRequest body, HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireWrite(code);
        LocalDate dissolvedOn = dates.notInFuture(body.dissolvedOn(), "dissolvedOn");
        DissolveKsm command = new DissolveKsm(code, ksmId.toString(), body.reason().strip(), dissolvedOn);
        return commands.submit(command, new RequestAt(code + "/" + ksmId, body),
                ResponseEntity.ok(new Dissolved(ksmId.toString(), dissolvedOn)), client, request,
                KelurahanPath.unknownKelurahan(code));
    }

    private record RequestAt(String target, Object body) {
    }

    record FormKsmRequest(UUID ksmId, @NotBlank @Size(max = 120) String name, @NotNull KsmPurpose purpose,
                          @NotEmpty @Size(max = 50) List<@NotNull UUID> memberHouseholdIds,
                          @NotNull LocalDate formedOn) {
    }

    record Formed(String ksmId) {
    }

    record AddMemberRequest(@NotNull UUID householdId, @NotNull LocalDate joinedOn) {
    }

    record RemoveMemberRequest(@NotBlank @Size(max = 500) String reason, @NotNull LocalDate leftOn) {
    }

    record MemberChange(String ksmId, String householdId, LocalDate on) {
    }

    record DissolveRequest(@NotBlank @Size(max = 500) String reason, @NotNull LocalDate dissolvedOn) {
    }

    record Dissolved(String ksmId, LocalDate dissolvedOn) {
    }
}
