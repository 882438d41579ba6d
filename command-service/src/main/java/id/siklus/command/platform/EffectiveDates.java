package id.siklus.command.platform;

import id.siklus.support.web.ApiProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Business facts carry the day they happened, which may be in the past but never in the future: "today" is the
 * program's day (Asia/Jakarta by default), not the server's.
 */
@Component
public class EffectiveDates {

    private final Clock clock;

    @Autowired
    EffectiveDates(@Value("${siklus.time-zone:Asia/Jakarta}") ZoneId zone) {
        this(Clock.system(zone));
    }

    EffectiveDates(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The given day, or today when none was given; refused when it lies in the future. */
    public LocalDate orToday(LocalDate day, String field) {
        return day == null ? today() : notInFuture(day, field);
    }

    public LocalDate notInFuture(LocalDate day, String field) {
        if (day.isAfter(today())) {
            throw ApiProblem.badRequest("EFFECTIVE_DATE_IN_FUTURE", "'" + field + "' is " + day
                    + ", after today (" + today() + "); record facts on or after the day they happened.");
        }
        return day;
    }
}
