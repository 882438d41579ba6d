package id.siklus.query.history;

import id.siklus.support.web.ApiProblem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The moment a view of the past looks from. {@code asOf}: facts with an effective date up to that day (a repayment
 * paid on that day counts even if it was entered later). {@code knownAt}: only what had been recorded by that instant,
 * which is what a monitor saw then. Both may be given; neither means now.
 *
 * @param asOf    the last effective day included, or null for every day
 * @param knownAt the last recording instant included, or null for everything recorded so far
 * @param day     the day the view is computed for (lateness, this year's review): {@code asOf}, else the day of
 *                {@code knownAt} in the program's time zone, else today
 */
public record PointInTime(LocalDate asOf, Instant knownAt, LocalDate day) {

    /** How the {@code asOf} query parameter is documented on every view that takes it. */
    public static final String AS_OF = "A past day (YYYY-MM-DD, in the program's time zone): only facts effective "
            + "up to that day, as known now";
    /** How the {@code knownAt} query parameter is documented on every view that takes it. */
    public static final String KNOWN_AT = "A past instant (ISO-8601, e.g. 2025-03-01T17:00:00Z): only what had "
            + "been recorded by then, what a monitor saw at that moment";

    public static PointInTime of(LocalDate asOf, Instant knownAt, ZoneId zone) {
        ZonedDateTime now = ZonedDateTime.now(zone);
        if (asOf != null && asOf.isAfter(now.toLocalDate())) {
            throw ApiProblem.badRequest("AS_OF_IN_FUTURE", "asOf " + asOf + " is after today (" + now.toLocalDate()
                    + " in " + zone + "). Views of the past need a day up to today; omit asOf for today's view.");
        }
        if (knownAt != null && knownAt.isAfter(now.toInstant())) {
            throw ApiProblem.badRequest("KNOWN_AT_IN_FUTURE", "knownAt " + knownAt + " is in the future. Give an "
                    + "instant up to now, e.g. 2025-03-01T17:00:00+07:00, or omit it for what is known now.");
        }
        LocalDate day = asOf != null ? asOf
                : knownAt != null ? knownAt.atZone(zone).toLocalDate() : now.toLocalDate();
        return new PointInTime(asOf, knownAt, day);
    }

    /** True when the view is of the present and can be answered from the live read models. */
    public boolean isNow() {
        return asOf == null && knownAt == null;
    }
}
