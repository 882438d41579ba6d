package id.siklus.command.kelurahan;

import id.siklus.api.blm.AllocateBlm;
import id.siklus.api.blm.BlmAllocated;
import id.siklus.api.blm.BlmCategory;
import id.siklus.api.blm.BlmDisbursed;
import id.siklus.api.blm.DisburseBlm;
import id.siklus.api.cycle.CycleStage;
import id.siklus.api.cycle.CycleStageRecorded;
import id.siklus.api.cycle.Participants;
import id.siklus.api.cycle.RecordCycleStage;
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
import id.siklus.command.RuleViolation;
import id.siklus.command.privacy.InMemoryHouseholdKeys;
import id.siklus.command.privacy.PersonalDataVault;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** One test per rule of the kelurahan, including each refusal. */
class KelurahanTest {

    private static final String CODE = "35.71.03.1001";
    private static final String HOUSEHOLD = "2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50";
    private static final String OTHER_HOUSEHOLD = "7a2d4b1e-0c43-4a5e-9f43-7b1d2c3e4f51";
    private static final String NIK = "3571034506780001";
    private static final Participants PEOPLE = new Participants(40, 35, 30);
    private static final KelurahanRegistered REGISTERED =
            new KelurahanRegistered(CODE, "Bandar Lor", "Mojoroto", "Kediri");

    private FixtureConfiguration<Kelurahan> fixture;

    private InMemoryHouseholdKeys keys;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Kelurahan.class);
        keys = new InMemoryHouseholdKeys();
        fixture.registerInjectableResource(keys.vault());
    }

    private static CycleStageRecorded held(CycleStage stage, LocalDate on) {
        return new CycleStageRecorded(CODE, stage, on, PEOPLE, null,
                stage == CycleStage.PEMBENTUKAN_LKM ? "LKM Maju Bersama" : null,
                stage == CycleStage.PJM_PRONANGKIS ? 2010 : null, stage == CycleStage.PJM_PRONANGKIS ? 2012 : null);
    }

    private static RecordCycleStage record(CycleStage stage, LocalDate on) {
        CycleStageRecorded e = held(stage, on);
        return new RecordCycleStage(CODE, stage, on, PEOPLE, null, e.lkmName(), e.fromYear(), e.toYear());
    }

    /** The kelurahan registered and every stage up to and including {@code last}, a month apart from 2009-01-10. */
    private static Object[] cycleUpTo(CycleStage last) {
        List<Object> events = new ArrayList<>(List.of(REGISTERED));
        LocalDate day = LocalDate.of(2009, 1, 10);
        for (CycleStage stage : CycleStage.values()) {
            events.add(held(stage, day));
            if (stage == last) {
                break;
            }
            day = day.plusMonths(1);
        }
        return events.toArray();
    }

    private static Matcher<RuleViolation> violation(String code) {
        return new FeatureMatcher<RuleViolation, String>(is(code), "a rule violation with code", "code") {
            @Override
            protected String featureValueOf(RuleViolation actual) {
                return actual.code();
            }
        };
    }

    private static RegisterHousehold household(String id, String nik, LocalDate on) {
        return new RegisterHousehold(CODE, id, "03", "010", "Siti Aminah", 4, PovertyStatus.MISKIN, nik, on);
    }

    // --- registration ------------------------------------------------------------------------------------------

    @Test
    void registeringAKelurahanRecordsItUnderItsCode() {
        fixture.givenNoPriorActivity()
                .when(new RegisterKelurahan(CODE, "Bandar Lor", "Mojoroto", "Kediri"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED);
    }

    /** The event store refuses a second stream under the same code (in production a unique key → 409). */
    @Test
    void registeringAKelurahanTwiceIsRefusedByTheStore() {
        fixture.given(REGISTERED)
                .when(new RegisterKelurahan(CODE, "Bandar Lor", "Mojoroto", "Kediri"))
                .expectNoEvents()
                .expectException(EventStoreException.class);
    }

    // --- the cycle ---------------------------------------------------------------------------------------------

    @Test
    void povertyReflectionIsTheFirstStageAndNeedsNothingBefore() {
        fixture.given(REGISTERED)
                .when(record(CycleStage.REFLEKSI_KEMISKINAN, LocalDate.of(2009, 3, 14)))
                .expectEvents(held(CycleStage.REFLEKSI_KEMISKINAN, LocalDate.of(2009, 3, 14)));
    }

    @Test
    void cannotRecordSelfMappingBeforeThePovertyReflection() {
        fixture.given(REGISTERED)
                .when(record(CycleStage.PEMETAAN_SWADAYA, LocalDate.of(2009, 3, 14)))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage(containsString("record REFLEKSI_KEMISKINAN"));
    }

    @Test
    void cannotRecordAPlanBeforeTheLkmIsFormed() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .when(record(CycleStage.PJM_PRONANGKIS, LocalDate.of(2009, 6, 1)))
                .expectNoEvents()
                .expectExceptionMessage(containsString("record PEMBENTUKAN_LKM"));
    }

    @Test
    void aStageCannotBeDatedBeforeTheStageItFollows() {
        fixture.given(cycleUpTo(CycleStage.REFLEKSI_KEMISKINAN))
                .when(record(CycleStage.PEMETAAN_SWADAYA, LocalDate.of(2009, 1, 9)))
                .expectNoEvents()
                .expectException(violation(("CYCLE_DATE_ORDER")));
    }

    @Test
    void theLkmIsFormedOnceAndARepeatIsRefused() {
        fixture.given(cycleUpTo(CycleStage.PEMBENTUKAN_LKM))
                .when(record(CycleStage.PEMBENTUKAN_LKM, LocalDate.of(2009, 9, 1)))
                .expectNoEvents()
                .expectException(violation(("CYCLE_STAGE_ALREADY_RECORDED")));
    }

    @Test
    void aLaterPlanForTheFollowingYearsIsRecorded() {
        RecordCycleStage next = new RecordCycleStage(CODE, CycleStage.PJM_PRONANGKIS, LocalDate.of(2012, 11, 1),
                PEOPLE, null, null, 2013, 2015);
        fixture.given(cycleUpTo(CycleStage.PJM_PRONANGKIS))
                .when(next)
                .expectEvents(new CycleStageRecorded(CODE, CycleStage.PJM_PRONANGKIS, LocalDate.of(2012, 11, 1),
                        PEOPLE, null, null, 2013, 2015));
    }

    @Test
    void aPlanOverlappingAnEarlierPlanIsRefusedNamingTheFirstFreeYear() {
        RecordCycleStage overlapping = new RecordCycleStage(CODE, CycleStage.PJM_PRONANGKIS,
                LocalDate.of(2011, 11, 1), PEOPLE, null, null, 2012, 2014);
        fixture.given(cycleUpTo(CycleStage.PJM_PRONANGKIS))
                .when(overlapping)
                .expectNoEvents()
                .expectException(violation(("PJM_PERIOD_OVERLAPS")))
                .expectExceptionMessage(containsString("start in 2013"));
    }

    @Test
    void cannotHoldAReviewBeforeAnyPlan() {
        fixture.given(cycleUpTo(CycleStage.PEMBENTUKAN_LKM))
                .when(record(CycleStage.REVIEW_PARTISIPATIF, LocalDate.of(2010, 2, 1)))
                .expectNoEvents()
                .expectExceptionMessage(containsString("record PJM_PRONANGKIS"));
    }

    @Test
    void aReviewIsHeldAtMostOnceACalendarYear() {
        fixture.given(cycleUpTo(CycleStage.REVIEW_PARTISIPATIF))
                .when(record(CycleStage.REVIEW_PARTISIPATIF, LocalDate.of(2009, 12, 20)))
                .expectNoEvents()
                .expectException(violation(("REVIEW_ALREADY_HELD_THIS_YEAR")));
    }

    @Test
    void aReviewTheNextYearIsRecorded() {
        fixture.given(cycleUpTo(CycleStage.REVIEW_PARTISIPATIF))
                .when(record(CycleStage.REVIEW_PARTISIPATIF, LocalDate.of(2010, 5, 20)))
                .expectEvents(held(CycleStage.REVIEW_PARTISIPATIF, LocalDate.of(2010, 5, 20)));
    }

    @Test
    void aReviewCannotBeDatedBeforeThePlanItReviews() {
        RecordCycleStage laterPlan = new RecordCycleStage(CODE, CycleStage.PJM_PRONANGKIS, LocalDate.of(2012, 11, 1),
                PEOPLE, null, null, 2013, 2015);
        fixture.given(cycleUpTo(CycleStage.PJM_PRONANGKIS))
                .andGivenCommands(laterPlan)
                .when(record(CycleStage.REVIEW_PARTISIPATIF, LocalDate.of(2012, 10, 1)))
                .expectNoEvents()
                .expectException(violation(("CYCLE_DATE_ORDER")));
    }

    // --- households --------------------------------------------------------------------------------------------

    @Test
    void cannotRegisterAHouseholdBeforeTheSelfMapping() {
        fixture.given(cycleUpTo(CycleStage.REFLEKSI_KEMISKINAN))
                .when(household(HOUSEHOLD, null, LocalDate.of(2009, 5, 2)))
                .expectNoEvents()
                .expectException(violation(("CYCLE_ORDER")))
                .expectExceptionMessage(containsString("record PEMETAAN_SWADAYA"));
    }

    @Test
    void afterTheSelfMappingAHouseholdIsRegisteredInTheKelurahanStream() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .when(household(HOUSEHOLD, NIK, LocalDate.of(2009, 5, 2)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches((HouseholdRegistered e) -> registeredAsSent(e, "Siti Aminah", NIK)), andNoMore())))
                .expectResultMessagePayload(HOUSEHOLD);
    }

    /** Every field as sent, the name and NIK sealed with the household's key and nowhere in plaintext. */
    private boolean registeredAsSent(HouseholdRegistered e, String headName, String nik) {
        return e.householdId().equals(HOUSEHOLD) && e.kelurahanCode().equals(CODE) && e.rw().equals("03")
                && e.rt().equals("010") && e.members() == 4 && e.povertyStatus() == PovertyStatus.MISKIN
                && e.registeredOn().equals(LocalDate.of(2009, 5, 2))
                && keys.open(HOUSEHOLD, PersonalDataVault.HEAD_NAME, e.headName()).equals(headName)
                && keys.open(HOUSEHOLD, PersonalDataVault.NIK, e.nik()).equals(nik)
                && e.nikHash().equals(keys.vault().nikHash(CODE, nik))
                && !e.toString().contains(headName) && !e.toString().contains(nik);
    }

    @Test
    void aHouseholdWithoutANikHasNeitherSealedNikNorHash() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .when(household(HOUSEHOLD, null, LocalDate.of(2009, 5, 2)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches((HouseholdRegistered e) -> e.nik() == null && e.nikHash() == null
                                && keys.open(HOUSEHOLD, PersonalDataVault.HEAD_NAME, e.headName())
                                .equals("Siti Aminah")), andNoMore())));
    }

    // --- personal data ---------------------------------------------------------------------------------------

    private static final LocalDate FORGOTTEN_ON = LocalDate.of(2026, 11, 28);
    private static final String LEGAL_BASIS = "UU PDP 27/2022 Pasal 8, surat 17/LKM/XI/2026";

    @Test
    void forgettingAHouseholdDestroysItsKeyAndRecordsTheLegalBasis() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .andGivenCommands(household(HOUSEHOLD, NIK, LocalDate.of(2009, 5, 2)))
                .when(new ForgetHouseholdPersonalData(CODE, HOUSEHOLD, LEGAL_BASIS, FORGOTTEN_ON))
                .expectEvents(new HouseholdPersonalDataForgotten(HOUSEHOLD, CODE, LEGAL_BASIS, FORGOTTEN_ON))
                .expectResultMessagePayload(FORGOTTEN_ON);
        org.assertj.core.api.Assertions.assertThat(keys.isDestroyed(HOUSEHOLD)).isTrue();
        org.assertj.core.api.Assertions.assertThat(keys.legalBasis(HOUSEHOLD)).isEqualTo(LEGAL_BASIS);
    }

    @Test
    void personalDataIsForgottenOnceAndTheSecondRequestIsRefused() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .andGivenCommands(household(HOUSEHOLD, NIK, LocalDate.of(2009, 5, 2)),
                        new ForgetHouseholdPersonalData(CODE, HOUSEHOLD, LEGAL_BASIS, FORGOTTEN_ON))
                .when(new ForgetHouseholdPersonalData(CODE, HOUSEHOLD, "again", FORGOTTEN_ON.plusDays(1)))
                .expectNoEvents()
                .expectException(violation("PERSONAL_DATA_ALREADY_FORGOTTEN"))
                .expectExceptionMessage(containsString("erased on 2026-11-28"));
        org.assertj.core.api.Assertions.assertThat(keys.legalBasis(HOUSEHOLD)).isEqualTo(LEGAL_BASIS);
    }

    @Test
    void forgettingAnUnknownHouseholdIsRefused() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .when(new ForgetHouseholdPersonalData(CODE, HOUSEHOLD, LEGAL_BASIS, FORGOTTEN_ON))
                .expectNoEvents()
                .expectException(violation("HOUSEHOLD_NOT_FOUND"));
        org.assertj.core.api.Assertions.assertThat(keys.isDestroyed(HOUSEHOLD)).isFalse();
    }

    /** The family is still registered after the erasure: its NIK (as a keyed hash) still may not come twice. */
    @Test
    void aForgottenHouseholdsNikStillCannotBeRegisteredAgain() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .andGivenCommands(household(HOUSEHOLD, NIK, LocalDate.of(2009, 5, 2)),
                        new ForgetHouseholdPersonalData(CODE, HOUSEHOLD, LEGAL_BASIS, FORGOTTEN_ON))
                .when(household(OTHER_HOUSEHOLD, NIK, LocalDate.of(2009, 5, 3)))
                .expectNoEvents()
                .expectException(violation("NIK_ALREADY_REGISTERED"));
    }

    @Test
    void aForgottenHouseholdCanStillBeReclassified() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .andGivenCommands(household(HOUSEHOLD, NIK, LocalDate.of(2009, 5, 2)),
                        new ForgetHouseholdPersonalData(CODE, HOUSEHOLD, LEGAL_BASIS, FORGOTTEN_ON))
                .when(new ReclassifyHousehold(CODE, HOUSEHOLD, PovertyStatus.HAMPIR_MISKIN, "usaha berkembang",
                        LocalDate.of(2010, 5, 20)))
                .expectEvents(new HouseholdReclassified(HOUSEHOLD, CODE, PovertyStatus.MISKIN,
                        PovertyStatus.HAMPIR_MISKIN, "usaha berkembang", LocalDate.of(2010, 5, 20)));
    }

    @Test
    void aHouseholdCannotBeDatedBeforeTheSelfMapping() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .when(household(HOUSEHOLD, null, LocalDate.of(2009, 2, 1)))
                .expectNoEvents()
                .expectException(violation(("CYCLE_DATE_ORDER")));
    }

    @Test
    void theSameNikTwiceInOneKelurahanIsRefused() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .andGivenCommands(household(HOUSEHOLD, NIK, LocalDate.of(2009, 5, 2)))
                .when(household(OTHER_HOUSEHOLD, NIK, LocalDate.of(2009, 5, 3)))
                .expectNoEvents()
                .expectException(violation(("NIK_ALREADY_REGISTERED")));
    }

    @Test
    void householdsWithoutANikAreNotTakenForDuplicates() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .andGivenCommands(household(HOUSEHOLD, null, LocalDate.of(2009, 5, 2)))
                .when(household(OTHER_HOUSEHOLD, null, LocalDate.of(2009, 5, 3)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theSameHouseholdIdTwiceIsRefused() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .andGivenCommands(household(HOUSEHOLD, null, LocalDate.of(2009, 5, 2)))
                .when(household(HOUSEHOLD, null, LocalDate.of(2009, 5, 2)))
                .expectNoEvents()
                .expectException(violation(("HOUSEHOLD_ALREADY_REGISTERED")));
    }

    @Test
    void aHouseholdCannotBeRegisteredInAKelurahanThatIsNotRegistered() {
        fixture.givenNoPriorActivity()
                .when(household(HOUSEHOLD, null, LocalDate.of(2009, 5, 2)))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aReviewReclassifiesAHouseholdFromItsCurrentStatus() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .andGivenCommands(household(HOUSEHOLD, null, LocalDate.of(2009, 5, 2)))
                .when(new ReclassifyHousehold(CODE, HOUSEHOLD, PovertyStatus.HAMPIR_MISKIN, "usaha berkembang",
                        LocalDate.of(2010, 5, 20)))
                .expectEvents(new HouseholdReclassified(HOUSEHOLD, CODE, PovertyStatus.MISKIN,
                        PovertyStatus.HAMPIR_MISKIN, "usaha berkembang", LocalDate.of(2010, 5, 20)));
    }

    @Test
    void reclassifyingToTheSameStatusIsRefused() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .andGivenCommands(household(HOUSEHOLD, null, LocalDate.of(2009, 5, 2)))
                .when(new ReclassifyHousehold(CODE, HOUSEHOLD, PovertyStatus.MISKIN, "tetap",
                        LocalDate.of(2010, 5, 20)))
                .expectNoEvents()
                .expectException(violation(("STATUS_UNCHANGED")));
    }

    @Test
    void reclassifyingAnUnknownHouseholdIsRefused() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .when(new ReclassifyHousehold(CODE, HOUSEHOLD, PovertyStatus.MISKIN, "?", LocalDate.of(2010, 5, 20)))
                .expectNoEvents()
                .expectException(violation(("HOUSEHOLD_NOT_FOUND")));
    }

    @Test
    void aReclassificationCannotPrecedeTheRegistration() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .andGivenCommands(household(HOUSEHOLD, null, LocalDate.of(2009, 5, 2)))
                .when(new ReclassifyHousehold(CODE, HOUSEHOLD, PovertyStatus.TIDAK_MISKIN, "salah catat",
                        LocalDate.of(2009, 5, 1)))
                .expectNoEvents()
                .expectException(violation(("CYCLE_DATE_ORDER")));
    }

    // --- BLM ---------------------------------------------------------------------------------------------------

    private static final LocalDate RECEIVED = LocalDate.of(2010, 2, 1);
    private static final BlmAllocated PAGU_2010 = new BlmAllocated(CODE, 2010, Rupiah.of(200_000_000), RECEIVED);

    private static DisburseBlm use(String id, BlmCategory category, long amount) {
        return new DisburseBlm(CODE, id, 2010, category, Rupiah.of(amount), "Perbaikan saluran RW 03",
                LocalDate.of(2010, 3, 1), null);
    }

    @Test
    void theYearsPaguIsAllocatedOnce() {
        fixture.given(REGISTERED)
                .when(new AllocateBlm(CODE, 2010, Rupiah.of(200_000_000), RECEIVED))
                .expectEvents(PAGU_2010);
    }

    @Test
    void aSecondAllocationForTheSameYearIsRefused() {
        fixture.given(REGISTERED, PAGU_2010)
                .when(new AllocateBlm(CODE, 2010, Rupiah.of(150_000_000), RECEIVED))
                .expectNoEvents()
                .expectException(violation("BLM_ALREADY_ALLOCATED"));
    }

    @Test
    void aUseWithinThePaguIsBookedWithWhatRemains() {
        fixture.given(cycleUpTo(CycleStage.PJM_PRONANGKIS)).andGiven(PAGU_2010)
                .when(use("d1", BlmCategory.LINGKUNGAN, 120_750_000))
                .expectEvents(new BlmDisbursed(CODE, "d1", 2010, BlmCategory.LINGKUNGAN, Rupiah.of(120_750_000),
                        "Perbaikan saluran RW 03", LocalDate.of(2010, 3, 1), null, Rupiah.of(79_250_000)))
                .expectResultMessagePayload(Rupiah.of(79_250_000));
    }

    @Test
    void cannotUseBlmBeforeItIsAllocated() {
        fixture.given(cycleUpTo(CycleStage.PJM_PRONANGKIS))
                .when(use("d1", BlmCategory.SOSIAL, 1_000_000))
                .expectNoEvents()
                .expectException(violation("BLM_NOT_ALLOCATED"));
    }

    @Test
    void cannotUseBlmBeforeAPlanCoversTheYear() {
        fixture.given(cycleUpTo(CycleStage.PEMBENTUKAN_LKM)).andGiven(PAGU_2010)
                .when(use("d1", BlmCategory.SOSIAL, 1_000_000))
                .expectNoEvents()
                .expectException(violation("CYCLE_ORDER"))
                .expectExceptionMessage(containsString("PJM Pronangkis covering 2010"));
    }

    @Test
    void theYearsUsesNeverExceedItsPaguAndTheRefusalSaysWhatRemains() {
        fixture.given(cycleUpTo(CycleStage.PJM_PRONANGKIS)).andGiven(PAGU_2010)
                .andGivenCommands(use("d1", BlmCategory.LINGKUNGAN, 150_000_000))
                .when(use("d2", BlmCategory.EKONOMI, 50_000_001))
                .expectNoEvents()
                .expectException(violation("BLM_PAGU_EXCEEDED"))
                .expectExceptionMessage(containsString("Rp 50.000.000"));
    }

    @Test
    void thePaguCanBeUsedToTheLastRupiah() {
        fixture.given(cycleUpTo(CycleStage.PJM_PRONANGKIS)).andGiven(PAGU_2010)
                .andGivenCommands(use("d1", BlmCategory.LINGKUNGAN, 150_000_000))
                .when(use("d2", BlmCategory.EKONOMI, 50_000_000))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(Rupiah.ZERO);
    }

    @Test
    void aUseCannotPrecedeTheReceiptOfTheBlm() {
        fixture.given(cycleUpTo(CycleStage.PJM_PRONANGKIS)).andGiven(PAGU_2010)
                .when(new DisburseBlm(CODE, "d1", 2010, BlmCategory.BOP, Rupiah.of(5_000_000), "ATK",
                        LocalDate.of(2010, 1, 31), null))
                .expectNoEvents()
                .expectException(violation("CYCLE_DATE_ORDER"));
    }

    @Test
    void operatingCostsAndRevolvingCapitalAreNotBookedToAKsm() {
        fixture.given(cycleUpTo(CycleStage.PJM_PRONANGKIS)).andGiven(PAGU_2010)
                .when(new DisburseBlm(CODE, "d1", 2010, BlmCategory.EKONOMI, Rupiah.of(5_000_000), "Modal",
                        LocalDate.of(2010, 3, 1), "ksm-1"))
                .expectNoEvents()
                .expectException(violation("KSM_NOT_ALLOWED"));
    }

    @Test
    void aUseBookedToAKsmNeedsThatKsmFormedHere() {
        fixture.given(cycleUpTo(CycleStage.PJM_PRONANGKIS)).andGiven(PAGU_2010)
                .when(new DisburseBlm(CODE, "d1", 2010, BlmCategory.LINGKUNGAN, Rupiah.of(5_000_000), "Jalan",
                        LocalDate.of(2010, 3, 1), "ksm-1"))
                .expectNoEvents()
                .expectException(violation("KSM_NOT_FOUND"));
    }

    @Test
    void theSameDisbursementTwiceIsRefused() {
        fixture.given(cycleUpTo(CycleStage.PJM_PRONANGKIS)).andGiven(PAGU_2010)
                .andGivenCommands(use("d1", BlmCategory.SOSIAL, 1_000_000))
                .when(use("d1", BlmCategory.SOSIAL, 1_000_000))
                .expectNoEvents()
                .expectException(violation("DISBURSEMENT_ALREADY_RECORDED"));
    }
}
