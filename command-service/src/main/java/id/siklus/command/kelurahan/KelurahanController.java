package id.siklus.command.kelurahan;

import id.siklus.api.kelurahan.KelurahanCode;
import id.siklus.api.kelurahan.RegisterKelurahan;
import id.siklus.command.platform.CommandSender;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@RequestMapping("/api/v1/kelurahan")
@Tag(name = "Kelurahan", description = "Enrolling kelurahan in the program (ADMIN)")
class KelurahanController {

    private final CommandSender commands;
    private final Access access;
    private final Links links;

    KelurahanController(CommandSender commands, Access access, Links links) {
        this.commands = commands;
        this.access = access;
        this.links = links;
    }

    @PostMapping
    @Operation(operationId = "registerKelurahan",
            summary = "Register a kelurahan under its Kemendagri code; a code registered before is refused (409). "
            + "Send an Idempotency-Key to make a retry safe")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = false,
            description = KelurahanExamples.IDEMPOTENCY_KEY, example = KelurahanExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = KelurahanExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "Bandar Lor", summary = "A kelurahan of Kota Kediri",
                    value = KelurahanExamples.REGISTER_REQUEST)}))
    @ApiResponse(responseCode = "201", description = "Registered; Location is the kelurahan on the query service",
            headers = @Header(name = HttpHeaders.LOCATION, schema = @Schema(type = "string", format = "uri")),
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = RegisteredKelurahan.class),
                    examples = @ExampleObject(name = "Registered", value = KelurahanExamples.REGISTER_CREATED)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule (each listed in errors)",
                    value = KelurahanExamples.REGISTER_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "A field of the wrong JSON type",
                    value = KelurahanExamples.REGISTER_INVALID_VALUE),
            @ExampleObject(name = "UNKNOWN_FIELD", value = KelurahanExamples.REGISTER_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = KelurahanExamples.REGISTER_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = KelurahanExamples.REGISTER_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = KelurahanExamples.REGISTER_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = KelurahanExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = KelurahanExamples.REGISTER_ROLE_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_ALREADY_REGISTERED", summary = "The code is registered already",
                    value = KelurahanExamples.REGISTER_KELURAHAN_ALREADY_REGISTERED)}))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED",
                    value = KelurahanExamples.REGISTER_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = KelurahanExamples.REGISTER_STORE_UNAVAILABLE)}))
    ResponseEntity<?> register(@Valid @RequestBody RegisterKelurahanRequest body, HttpServletRequest request) {
        SiklusClient client = access.requireRole(Role.ADMIN);
        RegisterKelurahan command = new RegisterKelurahan(body.code(), body.name().strip(), body.kecamatan().strip(),
                body.kota().strip());
        ResponseEntity<RegisteredKelurahan> created = ResponseEntity
                .created(URI.create(links.queryService() + "/api/v1/kelurahan/" + body.code()))
                .body(new RegisteredKelurahan(body.code()));
        return commands.submit(command, body, created, client, request, e -> CommandSender.isDuplicate(e)
                ? ApiProblem.conflict("KELURAHAN_ALREADY_REGISTERED",
                "Kelurahan " + body.code() + " is already registered; nothing was changed.")
                : null);
    }

    record RegisterKelurahanRequest(
            @NotNull @Pattern(regexp = KelurahanCode.PATTERN,
                    message = "must be a Kemendagri area code PP.KK.CC.DDDD, e.g. 35.71.03.1001") String code,
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 120) String kecamatan,
            @NotBlank @Size(max = 120) String kota) {
    }

    record RegisteredKelurahan(String code) {
    }
}
