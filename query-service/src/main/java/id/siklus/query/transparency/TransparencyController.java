package id.siklus.query.transparency;

import id.siklus.support.security.Access;
import id.siklus.support.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

@RestController
@Tag(name = "Transparency", description = "Public checkpoints of the history, for copies kept outside")
class TransparencyController {

    private final Checkpoints checkpoints;
    private final Access access;
    private final ZoneId zone;

    TransparencyController(Checkpoints checkpoints, Access access,
                           @Value("${siklus.time-zone:Asia/Jakarta}") ZoneId zone) {
        this.checkpoints = checkpoints;
        this.access = access;
        this.zone = zone;
    }

    @GetMapping("/api/v1/transparency/checkpoints")
    @Operation(summary = "Every checkpoint: when, how many aggregates and events, and the SHA-256 digest over every "
            + "aggregate's latest event hash. Public: anyone may keep a copy")
    List<Checkpoints.Checkpoint> all() {
        return checkpoints.all();
    }

    @PostMapping("/api/v1/admin/checkpoints")
    @Operation(summary = "Take a checkpoint now (ADMIN); one is also taken every day at 00:05 in the program's "
            + "time zone")
    ResponseEntity<Checkpoints.Checkpoint> takeNow() {
        access.requireRole(Role.ADMIN);
        return ResponseEntity.status(HttpStatus.CREATED).body(checkpoints.take("manual-" + java.time.Instant.now()));
    }

    /** The daily checkpoint, under the day's date: one per day, never overwritten. */
    @Scheduled(cron = "${siklus.checkpoints.cron:0 5 0 * * *}", zone = "${siklus.time-zone:Asia/Jakarta}")
    void daily() {
        checkpoints.take(LocalDate.now(zone).toString());
    }
}
