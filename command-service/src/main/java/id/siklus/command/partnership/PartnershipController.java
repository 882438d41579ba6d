package id.siklus.command.partnership;

import id.siklus.api.money.Rupiah;
import id.siklus.api.partnership.PartnershipKind;
import id.siklus.api.partnership.RecordPartnership;
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
@Tag(name = "Partnerships", description = "Kemitraan: what partner agencies bring to KSM activities")
class PartnershipController {

    private final CommandSender commands;
    private final Access access;
    private final EffectiveDates dates;

    PartnershipController(CommandSender commands, Access access, EffectiveDates dates) {
        this.commands = commands;
        this.access = access;
        this.dates = dates;
    }

    @PostMapping("/api/v1/kelurahan/{code}/partnerships")
    @Operation(operationId = "recordPartnership",
            summary = "Record a partnership with an agency (training, seed stock, venue, funding, other)")
    @Parameter(in = ParameterIn.HEADER, name = CommandSender.IDEMPOTENCY_KEY, required = false,
            description = PartnershipExamples.IDEMPOTENCY_KEY, example = PartnershipExamples.IDEMPOTENCY_KEY_EXAMPLE,
            schema = @Schema(type = "string", pattern = PartnershipExamples.IDEMPOTENCY_KEY_PATTERN))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
            @ExampleObject(name = "Training for a KSM",
                    summary = "An agency trains the members of a KSM; the value is in whole rupiah",
                    value = PartnershipExamples.RECORD_TRAINING_FOR_A_KSM),
            @ExampleObject(name = "Venue without value",
                    summary = "A contribution without a rupiah value: leave value out",
                    value = PartnershipExamples.RECORD_VENUE_WITHOUT_VALUE)}))
    @ApiResponse(responseCode = "201", description = "Recorded",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Recorded.class),
                    examples = @ExampleObject(name = "Recorded", value = PartnershipExamples.RECORD_CREATED)))
    @ApiResponse(responseCode = "400", description = "Refused as sent (body, path, header); nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "INVALID_FIELD", summary = "A field breaks its rule, or value is 0",
                    value = PartnershipExamples.RECORD_INVALID_FIELD),
            @ExampleObject(name = "INVALID_VALUE", summary = "A value of the wrong type or not in the enum",
                    value = PartnershipExamples.RECORD_INVALID_VALUE),
            @ExampleObject(name = "EFFECTIVE_DATE_IN_FUTURE", summary = "startedOn after today",
                    value = PartnershipExamples.RECORD_EFFECTIVE_DATE_IN_FUTURE),
            @ExampleObject(name = "INVALID_KELURAHAN_CODE", value = PartnershipExamples.RECORD_INVALID_KELURAHAN_CODE),
            @ExampleObject(name = "UNKNOWN_FIELD", value = PartnershipExamples.RECORD_UNKNOWN_FIELD),
            @ExampleObject(name = "MALFORMED_JSON", value = PartnershipExamples.RECORD_MALFORMED_JSON),
            @ExampleObject(name = "MISSING_BODY", value = PartnershipExamples.RECORD_MISSING_BODY),
            @ExampleObject(name = "INVALID_HEADER", value = PartnershipExamples.RECORD_INVALID_HEADER)}))
    @ApiResponse(responseCode = "401", description = "No valid bearer token",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "UNAUTHENTICATED", value = PartnershipExamples.UNAUTHENTICATED)}))
    @ApiResponse(responseCode = "403", description = "The token may not do this",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "ROLE_NOT_PERMITTED", value = PartnershipExamples.RECORD_ROLE_NOT_PERMITTED),
            @ExampleObject(name = "KELURAHAN_NOT_PERMITTED",
                    value = PartnershipExamples.RECORD_KELURAHAN_NOT_PERMITTED)}))
    @ApiResponse(responseCode = "404", description = "What the request names is not recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KELURAHAN_NOT_FOUND", value = PartnershipExamples.RECORD_KELURAHAN_NOT_FOUND),
            @ExampleObject(name = "KSM_NOT_FOUND", summary = "The ksmId is no KSM of this kelurahan",
                    value = PartnershipExamples.RECORD_KSM_NOT_FOUND)}))
    @ApiResponse(responseCode = "409", description = "The recorded state does not allow it; nothing was recorded",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "KSM_DISSOLVED", summary = "The KSM was dissolved",
                    value = PartnershipExamples.RECORD_KSM_DISSOLVED),
            @ExampleObject(name = "PARTNERSHIP_ALREADY_RECORDED", summary = "The partnershipId is recorded already",
                    value = PartnershipExamples.RECORD_PARTNERSHIP_ALREADY_RECORDED),
            @ExampleObject(name = "CONCURRENT_CHANGE", value = PartnershipExamples.RECORD_CONCURRENT_CHANGE)}))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used for another request",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "IDEMPOTENCY_KEY_REUSED",
                    value = PartnershipExamples.RECORD_IDEMPOTENCY_KEY_REUSED)}))
    @ApiResponse(responseCode = "503", description = "The event store is unavailable; nothing was recorded",
            headers = @Header(name = HttpHeaders.RETRY_AFTER, schema = @Schema(type = "integer")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, examples = {
            @ExampleObject(name = "STORE_UNAVAILABLE", value = PartnershipExamples.RECORD_STORE_UNAVAILABLE)}))
    ResponseEntity<?> record(@PathVariable String code, @Valid @RequestBody PartnershipRequest body,
                             HttpServletRequest request) {
        KelurahanPath.require(code);
        SiklusClient client = access.requireWrite(code);
        if (body.value() != null && body.value().isZero()) {
            throw ApiProblem.badRequest("INVALID_FIELD", "'value' is more than Rp 0 when given; leave it out when "
                    + "the contribution has no rupiah value.");
        }
        LocalDate startedOn = dates.notInFuture(body.startedOn(), "startedOn");
        String partnershipId = (body.partnershipId() != null ? body.partnershipId() : UUID.randomUUID()).toString();
        RecordPartnership command = new RecordPartnership(code, partnershipId, body.agency().strip(), body.kind(),
                body.ksmId() == null ? null : body.ksmId().toString(), body.value(), startedOn);
        return commands.submit(command, new RequestAt(code, body),
                ResponseEntity.status(HttpStatus.CREATED).body(new Recorded(partnershipId)), client, request,
                KelurahanPath.unknownKelurahan(code));
    }

    private record RequestAt(String target, Object body) {
    }

    record PartnershipRequest(
            UUID partnershipId,
            @NotBlank @Size(max = 200) String agency,
            @NotNull PartnershipKind kind,
            UUID ksmId,
            @Schema(implementation = Long.class, minimum = "1", description = PartnershipExamples.RUPIAH)
            Rupiah value,
            @NotNull LocalDate startedOn) {
    }

    @Schema(name = "RecordedPartnership")
    record Recorded(String partnershipId) {
    }
}
