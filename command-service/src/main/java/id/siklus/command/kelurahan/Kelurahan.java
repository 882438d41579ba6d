package id.siklus.command.kelurahan;

import id.siklus.api.blm.AllocateBlm;
import id.siklus.api.blm.BlmAllocated;
import id.siklus.api.blm.BlmCategory;
import id.siklus.api.blm.BlmDisbursed;
import id.siklus.api.blm.DisburseBlm;
import id.siklus.api.cycle.CycleStage;
import id.siklus.api.cycle.CycleStageRecorded;
import id.siklus.api.cycle.RecordCycleStage;
import id.siklus.api.AuditMetadata;
import id.siklus.api.household.ForgetHouseholdPersonalData;
import id.siklus.api.household.HouseholdPersonalDataForgotten;
import id.siklus.api.household.HouseholdReclassified;
import id.siklus.api.household.HouseholdRegistered;
import id.siklus.api.household.PovertyStatus;
import id.siklus.api.household.ReclassifyHousehold;
import id.siklus.api.household.RegisterHousehold;
import id.siklus.api.kelurahan.KelurahanRegistered;
import id.siklus.api.kelurahan.RegisterKelurahan;
import id.siklus.api.money.Rupiah;
import id.siklus.api.complaint.ComplaintFiled;
import id.siklus.api.complaint.ComplaintResolved;
import id.siklus.api.complaint.FileComplaint;
import id.siklus.api.complaint.ResolveComplaint;
import id.siklus.api.ksm.AddKsmMember;
import id.siklus.api.ksm.DissolveKsm;
import id.siklus.api.ksm.FormKsm;
import id.siklus.api.ksm.KsmDissolved;
import id.siklus.api.ksm.KsmFormed;
import id.siklus.api.ksm.KsmMemberAdded;
import id.siklus.api.ksm.KsmMemberRemoved;
import id.siklus.api.ksm.KsmPurpose;
import id.siklus.api.ksm.RemoveKsmMember;
import id.siklus.api.loan.DisburseLoan;
import id.siklus.api.loan.LoanDisbursed;
import id.siklus.api.loan.LoanRepaid;
import id.siklus.api.loan.LoanWrittenOff;
import id.siklus.api.loan.RecordRepayment;
import id.siklus.api.loan.RepaymentRecorded;
import id.siklus.api.loan.RepaymentSchedule;
import id.siklus.api.loan.WriteOffLoan;
import id.siklus.api.partnership.PartnershipRecorded;
import id.siklus.api.partnership.RecordPartnership;
import id.siklus.command.ProgramRules;
import id.siklus.command.RuleViolation;
import id.siklus.command.privacy.PersonalDataVault;
import org.axonframework.messaging.annotation.MetaDataValue;
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
 * named method; a command handler checks its rules, then applies. A kelurahan's stream grows with its households and
 * repayments, so the aggregate is cached between commands instead of being sourced again from every event each time.
 */
@Aggregate(cache = "kelurahanCache")
class Kelurahan {

    @AggregateIdentifier
    private String code;
    private final Map<CycleStage, LocalDate> firstHeld = new EnumMap<>(CycleStage.class);
    private final List<PjmPeriod> plans = new ArrayList<>();
    private final Set<Integer> reviewYears = new HashSet<>();
    private final Map<String, PovertyStatus> households = new HashMap<>();
    private final Map<String, LocalDate> householdRegisteredOn = new HashMap<>();
    /** Keyed hashes of the NIKs (ADR 0009): the kelurahan never holds a NIK in plaintext. */
    private final Set<String> nikHashes = new HashSet<>();
    private final Map<String, LocalDate> personalDataForgottenOn = new HashMap<>();
    private final Map<Integer, BlmYear> blm = new HashMap<>();
    private final Set<String> disbursementIds = new HashSet<>();
    private final KsmRoster ksms = new KsmRoster();
    private final RevolvingFund fund = new RevolvingFund();
    private final Set<String> partnerships = new HashSet<>();
    private final Map<String, Complaint> complaints = new HashMap<>();

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

    /** The name and NIK are sealed with the household's new data key before they become the event. */
    @CommandHandler
    String handle(RegisterHousehold command, PersonalDataVault vault) {
        requireStage(CycleStage.PEMETAAN_SWADAYA, "A household");
        ensureNotBeforeSelfMapping(command.registeredOn());
        ensureHouseholdIsNew(command.householdId());
        String nikHash = command.nik() == null ? null : vault.nikHash(code, command.nik());
        ensureNikUnique(nikHash);
        PersonalDataVault.SealedIdentity sealed = vault.seal(command.householdId(), code, command.headName(),
                command.nik());
        apply(new HouseholdRegistered(command.householdId(), code, command.rw(), command.rt(), sealed.headName(),
                command.members(), command.povertyStatus(), sealed.nik(), nikHash, command.registeredOn()));
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
    private void ensureNikUnique(String nikHash) {
        if (nikHash != null && nikHashes.contains(nikHash)) {
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

    /**
     * Erasure under UU PDP: the household's data key is destroyed in this command's transaction, so its sealed name
     * and NIK never open again; the household itself, its status, KSM membership and loans stay. Once only.
     */
    @CommandHandler
    LocalDate handle(ForgetHouseholdPersonalData command, PersonalDataVault vault,
                     @MetaDataValue(AuditMetadata.CLIENT_ID) String clientId) {
        requireHousehold(command.householdId());
        ensurePersonalDataNotForgotten(command.householdId());
        vault.forget(command.householdId(), command.legalBasis(), clientId);
        apply(new HouseholdPersonalDataForgotten(command.householdId(), code, command.legalBasis(),
                command.forgottenOn()));
        return command.forgottenOn();
    }

    private void ensurePersonalDataNotForgotten(String householdId) {
        LocalDate forgottenOn = personalDataForgottenOn.get(householdId);
        if (forgottenOn != null) {
            throw RuleViolation.conflict("PERSONAL_DATA_ALREADY_FORGOTTEN", "The personal data of household "
                    + householdId + " was erased on " + forgottenOn + "; nothing was changed.");
        }
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
        ensureDisbursementIsNew(command.disbursementId());
        BlmYear year = requireAllocation(command.year());
        requirePlanCovering(command.year());
        ensureNotBeforeReceipt(year, command.disbursedOn());
        ensureWithinPagu(year, command.amount());
        ensureKsmFitsCategory(command.category(), command.ksmId());
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

    private void ensureKsmFitsCategory(BlmCategory category, String ksmId) {
        if (ksmId == null) {
            return;
        }
        if (category == BlmCategory.BOP || category == BlmCategory.EKONOMI) {
            throw RuleViolation.unprocessable("KSM_NOT_ALLOWED", category + " is not booked to a KSM"
                    + (category == BlmCategory.EKONOMI ? ": it becomes capital of the revolving fund, lent to KSM "
                    + "as loans" : "") + "; remove ksmId.");
        }
        KsmRoster.Ksm ksm = requireActiveKsm(ksmId);
        if (!ksm.purpose.name().equals(category.name())) {
            throw RuleViolation.unprocessable("KSM_PURPOSE_MISMATCH", "KSM " + ksm.name + " is a " + ksm.purpose
                    + " KSM; a " + category + " use is booked to a " + category + " KSM.");
        }
    }

    private void ensureDisbursementIsNew(String disbursementId) {
        if (disbursementIds.contains(disbursementId)) {
            throw RuleViolation.conflict("DISBURSEMENT_ALREADY_RECORDED", "Disbursement " + disbursementId
                    + " is already recorded; nothing was changed.");
        }
    }

    // --- KSM -------------------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(FormKsm command, ProgramRules rules) {
        requireStage(CycleStage.PEMBENTUKAN_LKM, "A KSM");
        ensureNotBefore(command.formedOn(), CycleStage.PEMBENTUKAN_LKM);
        if (ksms.exists(command.ksmId())) {
            throw RuleViolation.conflict("KSM_ALREADY_FORMED", "KSM " + command.ksmId() + " is formed already.");
        }
        List<String> members = command.memberHouseholdIds();
        if (new HashSet<>(members).size() != members.size()) {
            throw RuleViolation.unprocessable("DUPLICATE_MEMBER", "A household is listed twice among the members.");
        }
        requireRegisteredHouseholds(members);
        if (command.purpose() == KsmPurpose.EKONOMI) {
            ensureMemberCount(members.size(), rules);
            ensureHalfArePoor(members, rules);
            members.forEach(member -> ensureNotInAnotherEkonomiKsm(member, command.ksmId()));
        }
        apply(new KsmFormed(code, command.ksmId(), command.name(), command.purpose(), List.copyOf(members),
                command.formedOn()));
    }

    @CommandHandler
    void handle(AddKsmMember command, ProgramRules rules) {
        KsmRoster.Ksm ksm = requireActiveKsm(command.ksmId());
        requireRegisteredHouseholds(List.of(command.householdId()));
        if (ksm.members.contains(command.householdId())) {
            throw RuleViolation.conflict("ALREADY_A_MEMBER", "Household " + command.householdId()
                    + " is a member of " + ksm.name + " already.");
        }
        ensureNotBeforeFormation(ksm, command.joinedOn());
        if (ksm.purpose == KsmPurpose.EKONOMI) {
            List<String> after = new ArrayList<>(ksm.members);
            after.add(command.householdId());
            ensureMemberCount(after.size(), rules);
            ensureHalfArePoor(after, rules);
            ensureNotInAnotherEkonomiKsm(command.householdId(), ksm.id);
        }
        apply(new KsmMemberAdded(code, ksm.id, command.householdId(), command.joinedOn()));
    }

    @CommandHandler
    void handle(RemoveKsmMember command, ProgramRules rules) {
        KsmRoster.Ksm ksm = requireActiveKsm(command.ksmId());
        if (!ksm.members.contains(command.householdId())) {
            throw RuleViolation.notFound("NOT_A_MEMBER", "Household " + command.householdId() + " is not a member of "
                    + ksm.name + ".");
        }
        ensureNotBeforeFormation(ksm, command.leftOn());
        if (ksm.purpose == KsmPurpose.EKONOMI) {
            List<String> after = new ArrayList<>(ksm.members);
            after.remove(command.householdId());
            ensureMemberCount(after.size(), rules);
            ensureHalfArePoor(after, rules);
        }
        apply(new KsmMemberRemoved(code, ksm.id, command.householdId(), command.reason(), command.leftOn()));
    }

    @CommandHandler
    void handle(DissolveKsm command) {
        KsmRoster.Ksm ksm = requireActiveKsm(command.ksmId());
        fund.outstandingLoanOf(ksm.id).ifPresent(loanId -> {
            throw RuleViolation.conflict("KSM_HAS_OUTSTANDING_LOAN", ksm.name + " still owes on loan " + loanId
                    + "; it can be dissolved once the loan is repaid or written off.");
        });
        ensureNotBeforeFormation(ksm, command.dissolvedOn());
        apply(new KsmDissolved(code, ksm.id, command.reason(), command.dissolvedOn()));
    }

    private KsmRoster.Ksm requireActiveKsm(String ksmId) {
        KsmRoster.Ksm ksm = ksms.find(ksmId).orElseThrow(() -> RuleViolation.notFound("KSM_NOT_FOUND",
                "No KSM " + ksmId + " is formed in kelurahan " + code + "."));
        if (!ksm.active) {
            throw RuleViolation.conflict("KSM_DISSOLVED", "KSM " + ksm.name + " was dissolved.");
        }
        return ksm;
    }

    private void requireRegisteredHouseholds(List<String> householdIds) {
        List<String> unknown = householdIds.stream().filter(id -> !households.containsKey(id)).toList();
        if (!unknown.isEmpty()) {
            throw RuleViolation.notFound("HOUSEHOLD_NOT_FOUND", "Not registered in kelurahan " + code + ": " + unknown
                    + ". Members are registered households of the same kelurahan.");
        }
    }

    private static void ensureMemberCount(int members, ProgramRules rules) {
        if (members < rules.ekonomiKsmMinMembers() || members > rules.ekonomiKsmMaxMembers()) {
            throw RuleViolation.unprocessable("KSM_SIZE", "An EKONOMI KSM has " + rules.ekonomiKsmMinMembers()
                    + " to " + rules.ekonomiKsmMaxMembers() + " members, not " + members + ".");
        }
    }

    /** The primary beneficiaries are the poor families of the self-mapping: at least half of an EKONOMI KSM. */
    private void ensureHalfArePoor(List<String> members, ProgramRules rules) {
        long poor = members.stream().filter(id -> households.get(id) == PovertyStatus.MISKIN).count();
        if (poor * 100 < (long) rules.minPoorMemberPercent() * members.size()) {
            throw RuleViolation.unprocessable("KSM_TOO_FEW_POOR", "At least " + rules.minPoorMemberPercent()
                    + "% of an EKONOMI KSM's members are MISKIN households; " + poor + " of " + members.size()
                    + " are.");
        }
    }

    private void ensureNotInAnotherEkonomiKsm(String householdId, String ksmId) {
        ksms.ekonomiKsmOf(householdId).filter(other -> !other.equals(ksmId)).ifPresent(other -> {
            throw RuleViolation.conflict("HOUSEHOLD_IN_ANOTHER_KSM", "Household " + householdId + " belongs to "
                    + "EKONOMI KSM " + other + " already; a household is in at most one active EKONOMI KSM.");
        });
    }

    private void ensureNotBefore(LocalDate day, CycleStage stage) {
        if (day.isBefore(firstHeld.get(stage))) {
            throw RuleViolation.unprocessable("CYCLE_DATE_ORDER", day + " is before " + stage + " on "
                    + firstHeld.get(stage) + ".");
        }
    }

    private static void ensureNotBeforeFormation(KsmRoster.Ksm ksm, LocalDate day) {
        if (day.isBefore(ksm.formedOn)) {
            throw RuleViolation.unprocessable("CYCLE_DATE_ORDER", day + " is before " + ksm.name + " was formed on "
                    + ksm.formedOn + ".");
        }
    }

    // --- revolving loans ------------------------------------------------------------------------------------------

    @CommandHandler
    void handle(DisburseLoan command, ProgramRules rules) {
        if (fund.loan(command.loanId()).isPresent()) {
            throw RuleViolation.conflict("LOAN_ALREADY_RECORDED", "Loan " + command.loanId() + " is recorded already.");
        }
        KsmRoster.Ksm ksm = requireActiveKsm(command.ksmId());
        if (ksm.purpose != KsmPurpose.EKONOMI) {
            throw RuleViolation.conflict("KSM_NOT_EKONOMI", ksm.name + " is a " + ksm.purpose
                    + " KSM; revolving loans go to EKONOMI KSM.");
        }
        fund.outstandingLoanOf(ksm.id).ifPresent(loanId -> {
            throw RuleViolation.conflict("KSM_HAS_OUTSTANDING_LOAN", ksm.name + " still owes on loan " + loanId
                    + "; a KSM borrows again once its loan is repaid.");
        });
        if (command.termMonths() < rules.loanMinTermMonths() || command.termMonths() > rules.loanMaxTermMonths()) {
            throw RuleViolation.unprocessable("LOAN_TERM", "A loan runs " + rules.loanMinTermMonths() + " to "
                    + rules.loanMaxTermMonths() + " months, not " + command.termMonths() + ".");
        }
        ensureNotBeforeFormation(ksm, command.disbursedOn());
        ensureWithinCeiling(ksm, command.principal(), rules);
        ensureFundCovers(command.principal());
        apply(new LoanDisbursed(code, command.loanId(), ksm.id, command.principal(), command.termMonths(),
                command.monthlyFeeBasisPoints(), command.disbursedOn(), RepaymentSchedule.of(command.principal(),
                command.termMonths(), command.monthlyFeeBasisPoints(), command.disbursedOn())));
    }

    /** Members × the per-member limit, which rises one step after each loan repaid on time. */
    private void ensureWithinCeiling(KsmRoster.Ksm ksm, Rupiah principal, ProgramRules rules) {
        Rupiah perMember = rules.memberLimit(fund.loansRepaidOnTime(ksm.id));
        Rupiah ceiling = Rupiah.of(Math.multiplyExact(perMember.amount(), (long) ksm.members.size()));
        if (principal.isGreaterThan(ceiling)) {
            throw new RuleViolation(RuleViolation.Kind.UNPROCESSABLE, "LOAN_CEILING_EXCEEDED", principal
                    + " exceeds the ceiling of " + ksm.name + ": " + ksm.members.size() + " members × " + perMember
                    + " = " + ceiling + " (" + ceiling.amount() + ").");
        }
    }

    private void ensureFundCovers(Rupiah principal) {
        if (principal.isGreaterThan(fund.available())) {
            throw new RuleViolation(RuleViolation.Kind.UNPROCESSABLE, "REVOLVING_FUND_INSUFFICIENT", principal
                    + " is more than the revolving fund has available: " + fund.available() + " ("
                    + fund.available().amount() + ").");
        }
    }

    @CommandHandler
    Rupiah handle(RecordRepayment command, ProgramRules rules) {
        RevolvingFund.Loan loan = requireOpenLoan(command.loanId());
        if (loan.hasRepayment(command.repaymentId())) {
            throw RuleViolation.conflict("REPAYMENT_ALREADY_RECORDED", "Repayment " + command.repaymentId()
                    + " is recorded already.");
        }
        if (command.paidOn().isBefore(loan.disbursedOn)) {
            throw RuleViolation.unprocessable("CYCLE_DATE_ORDER", "A repayment on " + command.paidOn()
                    + " cannot come before the loan was disbursed.");
        }
        Rupiah payable = loan.payable(command.paidOn());
        if (command.amount().isGreaterThan(payable)) {
            throw new RuleViolation(RuleViolation.Kind.UNPROCESSABLE, "REPAYMENT_EXCEEDS_OUTSTANDING", command.amount()
                    + " is more than is owed on " + command.paidOn() + ": at most " + payable + " ("
                    + payable.amount() + ") — fees due and the principal outstanding.");
        }
        Rupiah fees = min(command.amount(), loan.feesDue(command.paidOn()));
        Rupiah rest = command.amount().minus(fees);
        Rupiah overdue = min(rest, loan.overduePrincipal(command.paidOn()));
        Rupiah current = rest.minus(overdue);
        Rupiah outstandingAfter = loan.outstandingPrincipal().minus(overdue).minus(current);
        apply(new RepaymentRecorded(code, loan.id, loan.ksmId, command.repaymentId(), command.amount(),
                command.paidOn(), fees, overdue, current, outstandingAfter));
        if (outstandingAfter.isZero() && loan.feesDue(command.paidOn()).isZero()) {
            int maxDaysLate = loan.maxDaysLate();
            apply(new LoanRepaid(code, loan.id, loan.ksmId, command.paidOn(), maxDaysLate,
                    maxDaysLate <= rules.onTimeDays()));
        }
        return outstandingAfter;
    }

    @CommandHandler
    void handle(WriteOffLoan command, ProgramRules rules) {
        RevolvingFund.Loan loan = requireOpenLoan(command.loanId());
        long overdue = loan.daysOverdue(command.writtenOffOn());
        if (overdue <= rules.writeOffAfterDays()) {
            throw RuleViolation.conflict("WRITE_OFF_NOT_ALLOWED", "Loan " + loan.id + " has no instalment more than "
                    + rules.writeOffAfterDays() + " days late on " + command.writtenOffOn() + " (the most is "
                    + overdue + " days); it cannot be written off.");
        }
        apply(new LoanWrittenOff(code, loan.id, loan.ksmId, loan.outstandingPrincipal(), command.reason(),
                command.writtenOffOn()));
    }

    private RevolvingFund.Loan requireOpenLoan(String loanId) {
        RevolvingFund.Loan loan = fund.loan(loanId).orElseThrow(() -> RuleViolation.notFound("LOAN_NOT_FOUND",
                "No loan " + loanId + " in kelurahan " + code + "."));
        if (!loan.open) {
            throw RuleViolation.conflict("LOAN_CLOSED", "Loan " + loanId + " is closed (repaid or written off).");
        }
        return loan;
    }

    private static Rupiah min(Rupiah a, Rupiah b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    // --- partnerships and complaints ------------------------------------------------------------------------------

    @CommandHandler
    void handle(RecordPartnership command) {
        if (command.ksmId() != null) {
            requireActiveKsm(command.ksmId());
        }
        if (partnerships.contains(command.partnershipId())) {
            throw RuleViolation.conflict("PARTNERSHIP_ALREADY_RECORDED", "Partnership " + command.partnershipId()
                    + " is recorded already.");
        }
        apply(new PartnershipRecorded(code, command.partnershipId(), command.agency(), command.kind(),
                command.ksmId(), command.value(), command.startedOn()));
    }

    @CommandHandler
    void handle(FileComplaint command) {
        if (complaints.containsKey(command.complaintId())) {
            throw RuleViolation.conflict("COMPLAINT_ALREADY_FILED", "Complaint " + command.complaintId()
                    + " is filed already.");
        }
        apply(new ComplaintFiled(code, command.complaintId(), command.channel(), command.category(), command.text(),
                command.concernsId(), command.receivedOn()));
    }

    @CommandHandler
    void handle(ResolveComplaint command) {
        Complaint complaint = complaints.get(command.complaintId());
        if (complaint == null) {
            throw RuleViolation.notFound("COMPLAINT_NOT_FOUND", "No complaint " + command.complaintId()
                    + " in kelurahan " + code + ".");
        }
        if (complaint.resolved()) {
            throw RuleViolation.conflict("COMPLAINT_ALREADY_RESOLVED", "Complaint " + command.complaintId()
                    + " is resolved already.");
        }
        if (command.resolvedOn().isBefore(complaint.receivedOn())) {
            throw RuleViolation.unprocessable("CYCLE_DATE_ORDER", "A complaint received on " + complaint.receivedOn()
                    + " cannot be resolved on " + command.resolvedOn() + ".");
        }
        apply(new ComplaintResolved(code, command.complaintId(), command.resolution(), command.resolvedOn()));
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
        if (event.nikHash() != null) {
            // kept after a forget: the family is still registered here, so its NIK still may not be registered twice
            nikHashes.add(event.nikHash());
        }
    }

    @EventSourcingHandler
    void on(HouseholdPersonalDataForgotten event) {
        personalDataForgottenOn.put(event.householdId(), event.forgottenOn());
    }

    @EventSourcingHandler
    void on(BlmAllocated event) {
        blm.put(event.year(), new BlmYear(event.year(), event.pagu(), event.receivedOn(), Rupiah.ZERO));
    }

    @EventSourcingHandler
    void on(BlmDisbursed event) {
        blm.computeIfPresent(event.year(), (year, allocated) -> allocated.using(event.amount()));
        disbursementIds.add(event.disbursementId());
        if (event.category() == BlmCategory.EKONOMI) {
            fund.capitalReceived(event.amount());
        }
    }

    @EventSourcingHandler
    void on(KsmFormed event) {
        ksms.formed(event.ksmId(), event.name(), event.purpose(), event.memberHouseholdIds(), event.formedOn());
    }

    @EventSourcingHandler
    void on(KsmMemberAdded event) {
        ksms.memberAdded(event.ksmId(), event.householdId());
    }

    @EventSourcingHandler
    void on(KsmMemberRemoved event) {
        ksms.memberRemoved(event.ksmId(), event.householdId());
    }

    @EventSourcingHandler
    void on(KsmDissolved event) {
        ksms.dissolved(event.ksmId());
    }

    @EventSourcingHandler
    void on(LoanDisbursed event) {
        fund.lent(event.loanId(), event.ksmId(), event.principal(), event.disbursedOn(), event.schedule());
    }

    @EventSourcingHandler
    void on(RepaymentRecorded event) {
        fund.repaid(event.loanId(), event.repaymentId(), event.feesPaid(),
                event.overduePrincipalPaid().plus(event.currentPrincipalPaid()), event.paidOn());
    }

    @EventSourcingHandler
    void on(LoanRepaid event) {
        fund.closed(event.loanId(), event.repaidOnTime());
    }

    @EventSourcingHandler
    void on(LoanWrittenOff event) {
        fund.writtenOff(event.loanId());
    }

    @EventSourcingHandler
    void on(PartnershipRecorded event) {
        partnerships.add(event.partnershipId());
    }

    @EventSourcingHandler
    void on(ComplaintFiled event) {
        complaints.put(event.complaintId(), new Complaint(event.receivedOn(), false));
    }

    @EventSourcingHandler
    void on(ComplaintResolved event) {
        complaints.computeIfPresent(event.complaintId(), (id, c) -> new Complaint(c.receivedOn(), true));
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

    private record Complaint(LocalDate receivedOn, boolean resolved) {
    }

    private record BlmYear(int year, Rupiah pagu, LocalDate receivedOn, Rupiah used) {

        BlmYear using(Rupiah amount) {
            return new BlmYear(year, pagu, receivedOn, used.plus(amount));
        }
    }
}
