package id.siklus.command.kelurahan;

import id.siklus.api.blm.AllocateBlm;
import id.siklus.api.blm.BlmAllocated;
import id.siklus.api.blm.BlmCategory;
import id.siklus.api.blm.BlmDisbursed;
import id.siklus.api.blm.DisburseBlm;
import id.siklus.api.cycle.CycleStage;
import id.siklus.api.cycle.CycleStageRecorded;
import id.siklus.api.cycle.RecordCycleStage;
import id.siklus.api.household.HouseholdReclassified;
import id.siklus.api.household.HouseholdRegistered;
import id.siklus.api.household.PovertyStatus;
import id.siklus.api.household.ReclassifyHousehold;
import id.siklus.api.household.RegisterHousehold;
import id.siklus.api.kelurahan.KelurahanRegistered;
import id.siklus.api.kelurahan.RegisterKelurahan;
import id.siklus.api.money.Rupiah;
import id.siklus.command.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A kelurahan in the program, identified by its Kemendagri code: the consistency boundary for the rules that span its
 * cycle and its households (stage order, self-mapping before households, NIK unique in the kelurahan). Each rule is a
 * named method; a command handler checks its rules, then applies.
 */
@Aggregate
class Kelurahan {

    @AggregateIdentifier
    private String code;
    private final Map<CycleStage, LocalDate> firstHeld = new EnumMap<>(CycleStage.class);
    private final List<PjmPeriod> plans = new ArrayList<>();
    private final Set<Integer> reviewYears = new HashSet<>();
    private final Map<String, PovertyStatus> households = new HashMap<>();
    private final Map<String, LocalDate> householdRegisteredOn = new HashMap<>();
    private final Set<String> niks = new HashSet<>();
    private final Map<Integer, BlmYear> blm = new HashMap<>();
    private final Set<String> disbursementIds = new HashSet<>();

    Kelurahan() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Kelurahan(RegisterKelurahan command) {
        apply(new KelurahanRegistered(command.code(), command.name(), command.kecamatan(), command.kota()));
    }

    // --- the cycle ------------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(RecordCycleStage command) {
        CycleStage stage = command.stage();
        requireStage(stage.predecessor(), stage.name());
        ensureNotBeforePredecessor(stage, command.heldOn());
        ensureRecordedOnlyOnce(stage);
        if (stage == CycleStage.PJM_PRONANGKIS) {
            ensurePlanPeriodIsLaterThanEveryPlan(command.fromYear(), command.toYear());
        }
        if (stage == CycleStage.REVIEW_PARTISIPATIF) {
            ensureOneReviewPerYear(command.heldOn());
            ensureReviewNotBeforeLatestPlan(command.heldOn());
        }
        apply(new CycleStageRecorded(code, stage, command.heldOn(), command.participants(), command.notes(),
                command.lkmName(), command.fromYear(), command.toYear()));
    }

    /** A stage comes after the stage before it: no KSM before a mapping, no BLM before a plan. */
    private void requireStage(CycleStage required, String wanted) {
        if (required != null && !firstHeld.containsKey(required)) {
            throw RuleViolation.conflict("CYCLE_ORDER", wanted + " cannot be recorded before " + required
                    + "; record " + required + " for kelurahan " + code + " first.");
        }
    }

    private void ensureNotBeforePredecessor(CycleStage stage, LocalDate heldOn) {
        CycleStage predecessor = stage.predecessor();
        if (predecessor != null && heldOn.isBefore(firstHeld.get(predecessor))) {
            throw RuleViolation.unprocessable("CYCLE_DATE_ORDER", stage + " held on " + heldOn
                    + " cannot be earlier than " + predecessor + ", held on " + firstHeld.get(predecessor) + ".");
        }
    }

    private void ensureRecordedOnlyOnce(CycleStage stage) {
        if (!stage.repeatable() && firstHeld.containsKey(stage)) {
            throw RuleViolation.conflict("CYCLE_STAGE_ALREADY_RECORDED", stage + " was recorded for kelurahan " + code
                    + " on " + firstHeld.get(stage) + "; it is recorded once. Changes to the poor families are "
                    + "recorded as reclassifications.");
        }
    }

    /** A new PJM covers years after every earlier plan: plans never overlap. */
    private void ensurePlanPeriodIsLaterThanEveryPlan(int fromYear, int toYear) {
        for (PjmPeriod plan : plans) {
            if (fromYear <= plan.toYear()) {
                throw RuleViolation.conflict("PJM_PERIOD_OVERLAPS", "A PJM Pronangkis for " + plan.fromYear() + "–"
                        + plan.toYear() + " is recorded; a new plan must start in " + (plan.toYear() + 1)
                        + " or later, not " + fromYear + ".");
            }
        }
    }

    private void ensureOneReviewPerYear(LocalDate heldOn) {
        if (reviewYears.contains(heldOn.getYear())) {
            throw RuleViolation.conflict("REVIEW_ALREADY_HELD_THIS_YEAR", "A review partisipatif for "
                    + heldOn.getYear() + " is recorded already; it is held at most once a calendar year.");
        }
    }

    private void ensureReviewNotBeforeLatestPlan(LocalDate heldOn) {
        LocalDate latestPlan = plans.get(plans.size() - 1).adoptedOn();
        if (heldOn.isBefore(latestPlan)) {
            throw RuleViolation.unprocessable("CYCLE_DATE_ORDER", "A review partisipatif held on " + heldOn
                    + " cannot be earlier than the PJM Pronangkis it reviews, adopted on " + latestPlan + ".");
        }
    }

    // --- households -----------------------------------------------------------------------------------------------

    @CommandHandler
    String handle(RegisterHousehold command) {
        requireStage(CycleStage.PEMETAAN_SWADAYA, "A household");
        ensureNotBeforeSelfMapping(command.registeredOn());
        ensureHouseholdIsNew(command.householdId());
        ensureNikUnique(command.nik());
        apply(new HouseholdRegistered(command.householdId(), code, command.rw(), command.rt(), command.headName(),
                command.members(), command.povertyStatus(), command.nik(), command.registeredOn()));
        return command.householdId();
    }

    private void ensureNotBeforeSelfMapping(LocalDate registeredOn) {
        LocalDate mapping = firstHeld.get(CycleStage.PEMETAAN_SWADAYA);
        if (registeredOn.isBefore(mapping)) {
            throw RuleViolation.unprocessable("CYCLE_DATE_ORDER", "A household registered on " + registeredOn
                    + " cannot come before the pemetaan swadaya of " + mapping + ".");
        }
    }

    private void ensureHouseholdIsNew(String householdId) {
        if (households.containsKey(householdId)) {
            throw RuleViolation.conflict("HOUSEHOLD_ALREADY_REGISTERED", "Household " + householdId
                    + " is already registered; nothing was changed.");
        }
    }

    /** One family, one registration: the same NIK twice in one kelurahan is refused. */
    private void ensureNikUnique(String nik) {
        if (nik != null && niks.contains(nik)) {
            throw RuleViolation.conflict("NIK_ALREADY_REGISTERED", "A household with this NIK is already registered "
                    + "in kelurahan " + code + "; reclassify that household instead of registering it again.");
        }
    }

    @CommandHandler
    void handle(ReclassifyHousehold command) {
        PovertyStatus current = requireHousehold(command.householdId());
        LocalDate registeredOn = householdRegisteredOn.get(command.householdId());
        if (registeredOn != null && command.effectiveOn().isBefore(registeredOn)) {
            throw RuleViolation.unprocessable("CYCLE_DATE_ORDER", "A reclassification effective " + command.effectiveOn()
                    + " cannot come before the household's registration on " + registeredOn + ".");
        }
        if (current == command.povertyStatus()) {
            throw RuleViolation.conflict("STATUS_UNCHANGED", "Household " + command.householdId() + " is "
                    + current + " already; nothing was changed.");
        }
        apply(new HouseholdReclassified(command.householdId(), code, current, command.povertyStatus(),
                command.reason(), command.effectiveOn()));
    }

    private PovertyStatus requireHousehold(String householdId) {
        PovertyStatus status = households.get(householdId);
        if (status == null) {
            throw RuleViolation.notFound("HOUSEHOLD_NOT_FOUND", "No household " + householdId
                    + " is registered in kelurahan " + code + ".");
        }
        return status;
    }

    // --- BLM ------------------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(AllocateBlm command) {
        ensureBlmNotYetAllocated(command.year());
        apply(new BlmAllocated(code, command.year(), command.pagu(), command.receivedOn()));
    }

    private void ensureBlmNotYetAllocated(int year) {
        BlmYear allocated = blm.get(year);
        if (allocated != null) {
            throw RuleViolation.conflict("BLM_ALREADY_ALLOCATED", "The BLM for " + year + " was allocated already ("
                    + allocated.pagu() + ", received " + allocated.receivedOn() + "); there is one allocation a year.");
        }
    }

    @CommandHandler
    Rupiah handle(DisburseBlm command) {
        BlmYear year = requireAllocation(command.year());
        requirePlanCovering(command.year());
        ensureNotBeforeReceipt(year, command.disbursedOn());
        ensureWithinPagu(year, command.amount());
        ensureKsmFitsCategory(command.category(), command.ksmId());
        ensureDisbursementIsNew(command.disbursementId());
        Rupiah remaining = year.pagu().minus(year.used()).minus(command.amount());
        apply(new BlmDisbursed(code, command.disbursementId(), command.year(), command.category(), command.amount(),
                command.activity(), command.disbursedOn(), command.ksmId(), remaining));
        return remaining;
    }

    private BlmYear requireAllocation(int year) {
        BlmYear allocated = blm.get(year);
        if (allocated == null) {
            throw RuleViolation.conflict("BLM_NOT_ALLOCATED", "No BLM is allocated to kelurahan " + code + " for "
                    + year + "; an ADMIN records the year's pagu first.");
        }
        return allocated;
    }

    /** No BLM use before a plan: a PJM Pronangkis must cover the year. */
    private void requirePlanCovering(int year) {
        if (plans.stream().noneMatch(plan -> plan.covers(year))) {
            throw RuleViolation.conflict("CYCLE_ORDER", "BLM of " + year + " cannot be used before a PJM Pronangkis "
                    + "covering " + year + " is recorded" + (plans.isEmpty() ? "" : "; recorded plans cover "
                    + plans.stream().map(PjmPeriod::years).toList()) + ".");
        }
    }

    private static void ensureNotBeforeReceipt(BlmYear year, LocalDate disbursedOn) {
        if (disbursedOn.isBefore(year.receivedOn())) {
            throw RuleViolation.unprocessable("CYCLE_DATE_ORDER", "A disbursement on " + disbursedOn
                    + " cannot come before the BLM was received on " + year.receivedOn() + ".");
        }
    }

    /** The year's uses never exceed its pagu. */
    private static void ensureWithinPagu(BlmYear year, Rupiah amount) {
        Rupiah remaining = year.pagu().remainingAfter(year.used());
        if (amount.isGreaterThan(remaining)) {
            throw new RuleViolation(RuleViolation.Kind.UNPROCESSABLE, "BLM_PAGU_EXCEEDED", amount
                    + " exceeds what is left of the " + year.year() + " pagu of " + year.pagu() + ": " + remaining
                    + " (" + remaining.amount() + ") remains.");
        }
    }

    private static void ensureKsmFitsCategory(BlmCategory category, String ksmId) {
        if (ksmId == null) {
            return;
        }
        if (category == BlmCategory.BOP || category == BlmCategory.EKONOMI) {
            throw RuleViolation.unprocessable("KSM_NOT_ALLOWED", category + " is not booked to a KSM"
                    + (category == BlmCategory.EKONOMI ? ": it becomes capital of the revolving fund, lent to KSM "
                    + "as loans" : "") + "; remove ksmId.");
        }
        throw RuleViolation.notFound("KSM_NOT_FOUND", "No active " + category + " KSM " + ksmId
                + " is formed in this kelurahan.");
    }

    private void ensureDisbursementIsNew(String disbursementId) {
        if (disbursementIds.contains(disbursementId)) {
            throw RuleViolation.conflict("DISBURSEMENT_ALREADY_RECORDED", "Disbursement " + disbursementId
                    + " is already recorded; nothing was changed.");
        }
    }

    // --- state, from events only ----------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(KelurahanRegistered event) {
        code = event.code();
    }

    @EventSourcingHandler
    void on(CycleStageRecorded event) {
        firstHeld.putIfAbsent(event.stage(), event.heldOn());
        if (event.stage() == CycleStage.PJM_PRONANGKIS) {
            plans.add(new PjmPeriod(event.fromYear(), event.toYear(), event.heldOn()));
        }
        if (event.stage() == CycleStage.REVIEW_PARTISIPATIF) {
            reviewYears.add(event.heldOn().getYear());
        }
    }

    @EventSourcingHandler
    void on(HouseholdRegistered event) {
        households.put(event.householdId(), event.povertyStatus());
        if (event.registeredOn() != null) {
            householdRegisteredOn.put(event.householdId(), event.registeredOn());
        }
        if (event.nik() != null) {
            niks.add(event.nik());
        }
    }

    @EventSourcingHandler
    void on(BlmAllocated event) {
        blm.put(event.year(), new BlmYear(event.year(), event.pagu(), event.receivedOn(), Rupiah.ZERO));
    }

    @EventSourcingHandler
    void on(BlmDisbursed event) {
        blm.computeIfPresent(event.year(), (year, allocated) -> allocated.using(event.amount()));
        disbursementIds.add(event.disbursementId());
    }

    @EventSourcingHandler
    void on(HouseholdReclassified event) {
        households.put(event.householdId(), event.povertyStatus());
    }

    private record PjmPeriod(int fromYear, int toYear, LocalDate adoptedOn) {

        boolean covers(int year) {
            return fromYear <= year && year <= toYear;
        }

        String years() {
            return fromYear + "–" + toYear;
        }
    }

    private record BlmYear(int year, Rupiah pagu, LocalDate receivedOn, Rupiah used) {

        BlmYear using(Rupiah amount) {
            return new BlmYear(year, pagu, receivedOn, used.plus(amount));
        }
    }
}
