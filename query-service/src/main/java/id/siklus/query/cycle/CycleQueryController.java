package id.siklus.query.cycle;

import static id.siklus.query.history.PointInTime.KNOWN_AT;
import static id.siklus.query.history.PointInTime.AS_OF;
import java.time.Instant;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.format.annotation.DateTimeFormat;
import io.swagger.v3.oas.annotations.Parameter;
import id.siklus.query.history.TimeTravel;
import id.siklus.query.history.PointInTime;
import id.siklus.api.cycle.CycleStage;
import id.siklus.query.kelurahan.KelurahanAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

@RestController
@Tag(name = "Cycle", description = "A kelurahan's progress through the program cycle")
class CycleQueryController {

    private final CycleProgressProjection projection;
    private final KelurahanAccess access;
    private final ZoneId zone;
    private final TimeTravel timeTravel;

    CycleQueryController(CycleProgressProjection projection, KelurahanAccess access,
                         @Value("${siklus.time-zone:Asia/Jakarta}") ZoneId zone, TimeTravel timeTravel) {
        this.projection = projection;
        this.timeTravel = timeTravel;
        this.access = access;
        this.zone = zone;
    }

    @GetMapping("/api/v1/kelurahan/{code}/cycle")
    @Operation(summary = "Each stage with its date and participants (men, women, poor), the LKM's name, the plans "
            + "(PJM periods), the reviews, the next expected stage, and whether this year's review is still missing. "
            + "With asOf and/or knownAt: the same as of a past day or as known at a past instant")
    CycleView cycle(@PathVariable String code, @Parameter(description = AS_OF) @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                    @Parameter(description = KNOWN_AT) @RequestParam(required = false) Instant knownAt) {
        access.requireKnownAndReadable(code);
        PointInTime when = PointInTime.of(asOf, knownAt, zone);
        Document progress = (when.isNow() ? projection.find(code)
                : projection.find(timeTravel.fold(code, when, CycleProgressProjection.PROCESSING_GROUP)))
                .orElse(new Document());
        Document stages = progress.get("stages", new Document());
        List<Meeting> held = new ArrayList<>();
        for (CycleStage stage : List.of(CycleStage.REFLEKSI_KEMISKINAN, CycleStage.PEMETAAN_SWADAYA,
                CycleStage.PEMBENTUKAN_LKM)) {
            Document meeting = stages.get(stage.name(), Document.class);
            if (meeting != null) {
                held.add(Meeting.of(stage, meeting));
            }
        }
        List<Meeting> plans = progress.getList("plans", Document.class, List.of()).stream()
                .map(plan -> Meeting.of(CycleStage.PJM_PRONANGKIS, plan)).toList();
        List<Meeting> reviews = progress.getList("reviews", Document.class, List.of()).stream()
                .map(review -> Meeting.of(CycleStage.REVIEW_PARTISIPATIF, review)).toList();
        boolean reviewMissing = CycleProgressProjection.reviewMissing(progress, when.day().getYear());
        return new CycleView(code, when.asOf(), when.knownAt(), progress.getString("lkmName"), held, plans, reviews,
                nextExpected(held.size(), plans.isEmpty(), reviewMissing), reviewMissing);
    }

    private static CycleStage nextExpected(int onceOnlyStagesHeld, boolean noPlan, boolean reviewMissing) {
        if (onceOnlyStagesHeld < 3) {
            return CycleStage.values()[onceOnlyStagesHeld];
        }
        if (noPlan) {
            return CycleStage.PJM_PRONANGKIS;
        }
        return reviewMissing ? CycleStage.REVIEW_PARTISIPATIF : null;
    }

    record Meeting(CycleStage stage, String heldOn, int men, int women, int poor, Integer fromYear, Integer toYear) {

        static Meeting of(CycleStage stage, Document meeting) {
            return new Meeting(stage, meeting.getString("heldOn"), meeting.getInteger("men", 0),
                    meeting.getInteger("women", 0), meeting.getInteger("poor", 0), meeting.getInteger("fromYear"),
                    meeting.getInteger("toYear"));
        }
    }

    record CycleView(String kelurahanCode, LocalDate asOf, Instant knownAt, String lkmName, List<Meeting> stages, List<Meeting> plans,
                     List<Meeting> reviews, CycleStage nextExpectedStage, boolean reviewMissingThisYear) {
    }
}
