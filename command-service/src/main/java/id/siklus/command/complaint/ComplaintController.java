package id.siklus.command.complaint;

import id.siklus.api.complaint.FileComplaint;
import id.siklus.api.complaint.ResolveComplaint;
import id.siklus.command.platform.CommandSender;
import id.siklus.command.platform.EffectiveDates;
import id.siklus.command.platform.KelurahanPath;
import id.siklus.support.security.Access;
import id.siklus.support.security.SiklusClient;
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

@RestController
@Tag(name = "Complaints", description = "Complaints received by the LKM, and their resolution (LKM or ADMIN)")
class ComplaintController {

    private final CommandSender commands;
    private final Access access;
    private final EffectiveDates dates;

    ComplaintController(CommandSender commands, Access access, EffectiveDates dates) {
        this.commands = commands;
        this.access = access;
        this.dates = dates;
    }

    @PostMapping("/api/v1/kelurahan/{code}/complaints")
    @Operation(operationId = "fileComplaint",
            summary = "File a complaint that reached the LKM")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = false,
            description = ComplaintExamples.IDEMPOTENCY_KEY, example = ComplaintExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = ComplaintExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "About a BLM use",
                    summary = "A complaint from the complaint box about a BLM-funded work",
                    value = ComplaintExamples.FILE_REQUEST)}))
    @ApiResponse(responseCode = "201", description = "Filed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Filed.class),
                    examples = @ExampleObject(name = "Filed", value = ComplaintExamples.FILE_CREATED)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule (each listed in errors)",
                    value = ComplaintExamples.FILE_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "A value of the wrong type",
                    value = ComplaintExamples.FILE_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "receivedOn after today",
                    value = ComplaintExamples.FILE_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE", value = ComplaintExamples.FILE_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "UNKNOWN_FIELD", value = ComplaintExamples.FILE_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = ComplaintExamples.FILE_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = ComplaintExamples.FILE_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = ComplaintExamples.FILE_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = ComplaintExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = ComplaintExamples.FILE_ROLE_NOT_PERMITTED),
            @ExampleObject(name = "KELURAHAN_NOT_PERMITTED", value = ComplaintExamples.FILE_KELURAHAN_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = ComplaintExamples.FILE_KELURAHAN_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "COMPLAINT_ALREADY_FILED", summary = "The complaintId is filed already",
                    value = ComplaintExamples.FILE_COMPLAINT_ALREADY_FILED),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = ComplaintExamples.FILE_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = ComplaintExamples.FILE_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = ComplaintExamples.FILE_STORE_UNAVAILABLE)}))
    ResponseEntity<?> file(@PathVariable String code, @Valid @RequestBody ComplaintRequest body,
                           HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireWriteOrAdmin(code);
        LocalDate receivedOn = dates.notInFuture(body.receivedOn(), "receivedOn");
        String complaintId = (body.complaintId() != null ? body.complaintId() : UUID.randomUUID()).toString();
        FileComplaint command = new FileComplaint(code, complaintId, body.channel().strip(), body.category().strip(),
                body.text().strip(), body.concernsId(), receivedOn);
        return commands.submit(command, new RequestAt(code, body),
                ResponseEntity.status(HttpStatus.CREATED).body(new Filed(complaintId)), client, request,
                KelurahanPath.unknownKelurahan(code));
    }

    @PostMapping("/api/v1/kelurahan/{code}/complaints/{complaintId}/resolution")
    @Operation(operationId = "resolveComplaint",
            summary = "Record how a complaint was resolved")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = false,
            description = ComplaintExamples.IDEMPOTENCY_KEY, example = ComplaintExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = ComplaintExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "Resolved", summary = "How the complaint was answered",
                    value = ComplaintExamples.RESOLVE_REQUEST)}))
    @ApiResponse(responseCode = "200", description = "Resolved",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Resolved.class),
                    examples = @ExampleObject(name = "Resolved", value = ComplaintExamples.RESOLVE_OK)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule (each listed in errors)",
                    value = ComplaintExamples.RESOLVE_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "A value of the wrong type",
                    value = ComplaintExamples.RESOLVE_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "resolvedOn after today",
                    value = ComplaintExamples.RESOLVE_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE", value = ComplaintExamples.RESOLVE_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "INVALID_PARAMETER", value = ComplaintExamples.RESOLVE_INVALID_PARAMETER),
            @ExampleObject(name = "UNKNOWN_FIELD", value = ComplaintExamples.RESOLVE_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = ComplaintExamples.RESOLVE_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = ComplaintExamples.RESOLVE_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = ComplaintExamples.RESOLVE_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = ComplaintExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = ComplaintExamples.RESOLVE_ROLE_NOT_PERMITTED),
            @ExampleObject(name = "KELURAHAN_NOT_PERMITTED",
                    value = ComplaintExamples.RESOLVE_KELURAHAN_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = ComplaintExamples.RESOLVE_KELURAHAN_NOT_FOUND),
            @ExampleObject(name = "COMPLAINT_NOT_FOUND", summary = "No such complaint in this kelurahan",
                    value = ComplaintExamples.RESOLVE_COMPLAINT_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "COMPLAINT_ALREADY_RESOLVED", summary = "A complaint is resolved once",
                    value = ComplaintExamples.RESOLVE_COMPLAINT_ALREADY_RESOLVED),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = ComplaintExamples.RESOLVE_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "Breaks a rule against the recorded facts; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "CYCLE_DATE_ORDER", summary = "resolvedOn before receivedOn",
                    value = ComplaintExamples.RESOLVE_CYCLE_DATE_ORDER),
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED", value = ComplaintExamples.RESOLVE_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = ComplaintExamples.RESOLVE_STORE_UNAVAILABLE)}))
    ResponseEntity<?> resolve(@PathVariable String code, @PathVariable UUID complaintId,
                              @Valid @RequestBody ResolutionRequest body, HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireWriteOrAdmin(code);
        LocalDate resolvedOn = dates.notInFuture(body.resolvedOn(), "resolvedOn");
        ResolveComplaint command = new ResolveComplaint(code, complaintId.toString(), body.resolution().strip(),
                resolvedOn);
        return commands.submit(command, new RequestAt(code + "/" + complaintId, body),
                ResponseEntity.ok(new Resolved(complaintId.toString(), resolvedOn)), client, request,
                KelurahanPath.unknownKelurahan(code));
    }

    private record RequestAt(String target, Object body) {
    }

    record ComplaintRequest(UUID complaintId, @NotBlank @Size(max = 60) String channel,
                            @NotBlank @Size(max = 60) String category, @NotBlank @Size(max = 4000) String text,
                            @Size(max = 64) String concernsId, @NotNull LocalDate receivedOn) {
    }

    record Filed(String complaintId) {
    }

    record ResolutionRequest(@NotBlank @Size(max = 4000) String resolution, @NotNull LocalDate resolvedOn) {
    }

    record Resolved(String complaintId, LocalDate resolvedOn) {
    }
}
