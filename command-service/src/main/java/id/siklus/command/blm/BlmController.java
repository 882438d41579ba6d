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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
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
    @Operation(summary = "Record the year's BLM pagu as received; one allocation per kelurahan and year. Money "
            + "command: an Idempotency-Key is required")
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
    @Operation(summary = "Book a use of the year's BLM under LINGKUNGAN, EKONOMI, SOSIAL or BOP; never beyond the "
            + "pagu, only with a PJM covering the year. Money command: an Idempotency-Key is required")
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

    record AllocationRequest(@NotNull Rupiah pagu, @NotNull LocalDate receivedOn) {
    }

    record Allocated(String kelurahanCode, int year, Rupiah pagu, LocalDate receivedOn) {
    }

    record DisbursementRequest(
            UUID disbursementId,
            @NotNull BlmCategory category,
            @NotNull Rupiah amount,
            @NotBlank @Size(max = 500) String activity,
            @NotNull LocalDate disbursedOn,
            UUID ksmId) {
    }

    record Disbursed(String disbursementId, int year, BlmCategory category, Rupiah amount) {
    }
}
