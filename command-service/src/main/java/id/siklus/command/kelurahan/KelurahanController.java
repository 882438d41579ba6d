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
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
    @Operation(summary = "Register a kelurahan under its Kemendagri code; a code registered before is refused (409). "
            + "Send an Idempotency-Key to make a retry safe")
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
