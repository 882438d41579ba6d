package id.siklus.command;

import id.siklus.api.money.Rupiah;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The bounds of the program's rules that a city may set differently; the defaults are the program's. Aggregates get
 * this as a handler parameter.
 *
 * @param ekonomiKsmMinMembers    fewest members of an EKONOMI KSM
 * @param ekonomiKsmMaxMembers    most members of an EKONOMI KSM
 * @param minPoorMemberPercent    share of an EKONOMI KSM's members that must be MISKIN, in percent
 * @param loanMinTermMonths       shortest loan term
 * @param loanMaxTermMonths       longest loan term
 * @param memberLimitSteps        per-member loan ceiling, one step up after each loan repaid on time
 * @param onTimeDays              an instalment settled more than this many days late spoils a loan's record
 * @param writeOffAfterDays       a loan may be written off when an instalment is more late than this
 */
@ConfigurationProperties("siklus.rules")
public record ProgramRules(int ekonomiKsmMinMembers, int ekonomiKsmMaxMembers, int minPoorMemberPercent,
                           int loanMinTermMonths, int loanMaxTermMonths, List<Long> memberLimitSteps, int onTimeDays,
                           int writeOffAfterDays) {

    public ProgramRules {
        ekonomiKsmMinMembers = ekonomiKsmMinMembers <= 0 ? 3 : ekonomiKsmMinMembers;
        ekonomiKsmMaxMembers = ekonomiKsmMaxMembers <= 0 ? 10 : ekonomiKsmMaxMembers;
        minPoorMemberPercent = minPoorMemberPercent <= 0 ? 50 : minPoorMemberPercent;
        loanMinTermMonths = loanMinTermMonths <= 0 ? 3 : loanMinTermMonths;
        loanMaxTermMonths = loanMaxTermMonths <= 0 ? 12 : loanMaxTermMonths;
        memberLimitSteps = memberLimitSteps == null || memberLimitSteps.isEmpty()
                ? List.of(500_000L, 1_000_000L, 1_500_000L, 2_000_000L) : List.copyOf(memberLimitSteps);
        onTimeDays = onTimeDays <= 0 ? 30 : onTimeDays;
        writeOffAfterDays = writeOffAfterDays <= 0 ? 180 : writeOffAfterDays;
    }

    /** The program's own rules. */
    public static ProgramRules defaults() {
        return new ProgramRules(0, 0, 0, 0, 0, null, 0, 0);
    }

    /** The per-member ceiling after {@code loansRepaidOnTime} loans repaid on time. */
    public Rupiah memberLimit(int loansRepaidOnTime) {
        return Rupiah.of(memberLimitSteps.get(Math.min(loansRepaidOnTime, memberLimitSteps.size() - 1)));
    }
}
