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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
    @Operation(summary = "Record a stage of the cycle. Stages in order: REFLEKSI_KEMISKINAN, PEMETAAN_SWADAYA, "
            + "PEMBENTUKAN_LKM (with lkmName), PJM_PRONANGKIS (with fromYear, toYear; again for a later period), "
            + "REVIEW_PARTISIPATIF (once a year, after a PJM)")
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

    record Recorded(String kelurahanCode, CycleStage stage, LocalDate heldOn) {
    }
}
