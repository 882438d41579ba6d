package id.siklus.query.replay;

import id.siklus.support.security.Access;
import id.siklus.support.security.Role;
import id.siklus.support.security.SiklusClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

@RestController
@Tag(name = "Admin: replay", description = "Rebuild read models from the start of the topic, beside the live ones")
class ReplayController {

    private static final String PATH = "/api/v1/admin/projections/{name}/replay";

    private final ProjectionReplay replay;
    private final Access access;

    ReplayController(ProjectionReplay replay, Access access) {
        this.replay = replay;
        this.access = access;
    }

    @PostMapping(PATH)
    @Operation(summary = "Start rebuilding one read model (by processor name) or all of them ('all') from the start "
            + "of the topic. Queries keep answering from the current read model; the rebuilt one replaces it when "
            + "it has caught up. 202 with the progress; 409 REPLAY_RUNNING while another rebuild runs. ADMIN only")
    ResponseEntity<ProjectionReplay.Progress> start(@Parameter(example = "all") @PathVariable String name) {
        SiklusClient client = access.requireRole(Role.ADMIN);
        ProjectionReplay.Progress progress = replay.start(name, client.clientId());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create(PATH.replace("{name}", name)))
                .body(progress);
    }

    @GetMapping(PATH)
    @Operation(summary = "Progress of the latest rebuild of this read model: state (REBUILDING, SWAPPING, DONE, "
            + "FAILED), events done, position against the head of the topic, events per second and estimated "
            + "seconds left. ADMIN only")
    ProjectionReplay.Progress progress(@Parameter(example = "all") @PathVariable String name) {
        access.requireRole(Role.ADMIN);
        return replay.progress(name);
    }
}
