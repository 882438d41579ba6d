package id.siklus.command.trust;

import id.siklus.support.security.Access;
import id.siklus.support.security.Role;
import id.siklus.support.web.ApiProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Audit", description = "Proof that the event store was not altered (AUDITOR, ADMIN)")
class VerificationController {

    private final ChainVerifier verifier;
    private final Access access;

    VerificationController(ChainVerifier verifier, Access access) {
        this.verifier = verifier;
        this.access = access;
    }

    @GetMapping("/api/v1/audit/verification")
    @Operation(summary = "Recompute the hash chain of one aggregate (a kelurahan code) or of everything, and report "
            + "the first broken link: an event changed, removed, inserted or reordered in the database")
    ChainVerifier.Verification verify(
            @RequestParam(required = false) @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$") String aggregate) {
        access.requireRole(Role.AUDITOR, Role.ADMIN);
        ChainVerifier.Verification result = aggregate == null ? verifier.verifyAll() : verifier.verify(aggregate);
        if (aggregate != null && result.events() == 0) {
            throw ApiProblem.notFound("AGGREGATE_NOT_FOUND", "No events are stored for " + aggregate
                    + "; check the kelurahan code.");
        }
        return result;
    }
}
