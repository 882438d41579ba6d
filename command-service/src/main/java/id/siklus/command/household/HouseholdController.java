package id.siklus.command.household;

import id.siklus.api.household.Neighbourhood;
import id.siklus.api.household.PovertyStatus;
import id.siklus.api.household.ReclassifyHousehold;
import id.siklus.api.household.RegisterHousehold;
import id.siklus.command.platform.CommandSender;
import id.siklus.command.platform.EffectiveDates;
import id.siklus.command.platform.KelurahanPath;
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
import org.springframework.http.HttpStatus;
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
    @Operation(summary = "Register a household, after the kelurahan's pemetaan swadaya. Send an Idempotency-Key (or "
            + "your own householdId) to make a retry safe")
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
    @Operation(summary = "Record that a household's poverty status changed (what a review partisipatif finds)")
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
}
