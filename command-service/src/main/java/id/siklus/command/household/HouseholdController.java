package id.siklus.command.household;

import id.siklus.api.household.Neighbourhood;
import id.siklus.api.household.PovertyStatus;
import id.siklus.api.kelurahan.KelurahanCode;
import id.siklus.api.household.RegisterHousehold;
import id.siklus.command.platform.CommandSender;
import id.siklus.command.platform.Links;
import id.siklus.support.security.Access;
import id.siklus.support.security.SiklusClient;
import id.siklus.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

@RestController
@Tag(name = "Households", description = "Families of a kelurahan's self-mapping (LKM of that kelurahan)")
class HouseholdController {

    private final CommandSender commands;
    private final Access access;
    private final Links links;

    HouseholdController(CommandSender commands, Access access, Links links) {
        this.commands = commands;
        this.access = access;
        this.links = links;
    }

    @PostMapping("/api/v1/kelurahan/{code}/households")
    @Operation(summary = "Register a household. Send an Idempotency-Key (or your own householdId) to make a retry safe")
    ResponseEntity<?> register(@PathVariable String code, @Valid @RequestBody RegisterHouseholdRequest body,
                               HttpServletRequest request) {
        if (!KelurahanCode.isValid(code)) {
            throw ApiProblem.badRequest("INVALID_KELURAHAN_CODE", "'" + code
                    + "' is not a Kemendagri area code; use PP.KK.CC.DDDD, e.g. 35.71.03.1001.");
        }
        SiklusClient client = access.requireWrite(code);
        String rw = canonical(() -> Neighbourhood.canonicalRw(body.rw()), "rw");
        String rt = canonical(() -> Neighbourhood.canonicalRt(body.rt()), "rt");
        String householdId = (body.householdId() != null ? body.householdId() : UUID.randomUUID()).toString();
        RegisterHousehold command = new RegisterHousehold(code, householdId, rw, rt, body.headName().strip(),
                body.members(), body.povertyStatus());
        ResponseEntity<RegisteredHousehold> created = ResponseEntity
                .created(URI.create(links.queryService() + "/api/v1/households/" + householdId))
                .body(new RegisteredHousehold(householdId));
        return commands.submit(command, new HouseholdRequestAt(code, body), created, client, request, e -> {
            if (e instanceof AggregateNotFoundException) {
                return ApiProblem.notFound("KELURAHAN_NOT_FOUND",
                        "Kelurahan " + code + " is not registered; an ADMIN must register it first.");
            }
            if (CommandSender.isDuplicate(e)) {
                return ApiProblem.conflict("HOUSEHOLD_ALREADY_REGISTERED",
                        "Household " + householdId + " is already registered; nothing was changed.");
            }
            return null;
        });
    }

    /** What identifies a retry: the kelurahan and the body as received, without the id the server may add. */
    private record HouseholdRequestAt(String code, RegisterHouseholdRequest body) {
    }

    private static String canonical(java.util.function.Supplier<String> value, String field) {
        try {
            return value.get();
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(org.springframework.http.HttpStatus.BAD_REQUEST, "INVALID_FIELD",
                    "Invalid request: '" + field + "' " + e.getMessage() + ".",
                    java.util.Map.of("errors", java.util.List.of(java.util.Map.of("field", field,
                            "message", e.getMessage()))));
        }
    }

    record RegisterHouseholdRequest(
            UUID householdId,
            @NotNull @Pattern(regexp = "^\\d{2,3}$", message = "must be a 2 or 3 digit RW number, e.g. 03") String rw,
            @NotNull @Pattern(regexp = "^\\d{2,3}$", message = "must be a 2 or 3 digit RT number, e.g. 010") String rt,
            @NotBlank @Size(max = 120) String headName,
            @NotNull @Min(1) @Max(50) Integer members,
            @NotNull PovertyStatus povertyStatus) {
    }

    record RegisteredHousehold(String householdId) {
    }
}
