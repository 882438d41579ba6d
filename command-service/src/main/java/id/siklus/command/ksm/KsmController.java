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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
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
    @Operation(summary = "Form a KSM after the LKM is formed. An EKONOMI KSM has 3–10 registered households, at least "
            + "half MISKIN, none in another active EKONOMI KSM")
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
    @Operation(summary = "A registered household joins the KSM")
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
    @Operation(summary = "A household leaves the KSM")
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
    @Operation(summary = "Dissolve the KSM; refused while it has an outstanding loan")
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
