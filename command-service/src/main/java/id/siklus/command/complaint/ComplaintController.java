package id.siklus.command.complaint;

import id.siklus.api.complaint.FileComplaint;
import id.siklus.api.complaint.ResolveComplaint;
import id.siklus.command.platform.CommandSender;
import id.siklus.command.platform.EffectiveDates;
import id.siklus.command.platform.KelurahanPath;
import id.siklus.support.security.Access;
import id.siklus.support.security.SiklusClient;
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
    @Operation(summary = "File a complaint that reached the LKM")
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
    @Operation(summary = "Record how a complaint was resolved")
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
