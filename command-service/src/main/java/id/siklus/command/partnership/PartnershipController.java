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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
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
    @Operation(summary = "Record a partnership with an agency (training, seed stock, venue, funding, other)")
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

    record PartnershipRequest(UUID partnershipId, @NotBlank @Size(max = 200) String agency,
                              @NotNull PartnershipKind kind, UUID ksmId, Rupiah value, @NotNull LocalDate startedOn) {
    }

    record Recorded(String partnershipId) {
    }
}
