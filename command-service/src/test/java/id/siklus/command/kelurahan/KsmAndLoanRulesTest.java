package id.siklus.command.kelurahan;

import id.siklus.api.blm.BlmAllocated;
import id.siklus.api.blm.BlmCategory;
import id.siklus.api.blm.BlmDisbursed;
import id.siklus.api.blm.DisburseBlm;
import id.siklus.api.complaint.ComplaintFiled;
import id.siklus.api.complaint.ComplaintResolved;
import id.siklus.api.complaint.FileComplaint;
import id.siklus.api.complaint.ResolveComplaint;
import id.siklus.api.cycle.CycleStage;
import id.siklus.api.cycle.CycleStageRecorded;
import id.siklus.api.cycle.Participants;
import id.siklus.api.household.HouseholdRegistered;
import id.siklus.api.household.PovertyStatus;
import id.siklus.api.household.Sealed;
import id.siklus.api.kelurahan.KelurahanRegistered;
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
import id.siklus.api.loan.Instalment;
import id.siklus.api.loan.LoanDisbursed;
import id.siklus.api.loan.LoanRepaid;
import id.siklus.api.loan.LoanWrittenOff;
import id.siklus.api.loan.RecordRepayment;
import id.siklus.api.loan.RepaymentRecorded;
import id.siklus.api.loan.RepaymentSchedule;
import id.siklus.api.loan.WriteOffLoan;
import id.siklus.api.money.Rupiah;
import id.siklus.api.partnership.PartnershipKind;
import id.siklus.api.partnership.PartnershipRecorded;
import id.siklus.api.partnership.RecordPartnership;
import id.siklus.command.ProgramRules;
import id.siklus.command.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * One test per rule of KSM, revolving loans, partnerships and complaints in the kelurahan, including each refusal.
 *
 * <p>The kelurahan of every test has its cycle up to a PJM Pronangkis for 2010–2012, twelve registered households
 * (six of them MISKIN), a 2010 BLM and, unless a test says otherwise, Rp 50.000.000 of EKONOMI BLM as capital of the
 * revolving fund. The standard loan is Rp 2.500.000 to a five-member KSM over ten months at 150 basis points:
 * Rp 250.000 principal and Rp 37.500 fee a month, due on the first of May 2010 to February 2011.
 */
class KsmAndLoanRulesTest {

    private static final String CODE = "35.71.03.1001";
    private static final Participants PEOPLE = new Participants(40, 35, 30);
    private static final LocalDate LKM_FORMED = LocalDate.of(2009, 3, 10);
    private static final LocalDate MAPPED = LocalDate.of(2009, 2, 20);
    private static final LocalDate BLM_RECEIVED = LocalDate.of(2010, 2, 1);
    private static final LocalDate CAPITAL_BOOKED = LocalDate.of(2010, 3, 1);
    private static final LocalDate FORMED = LocalDate.of(2010, 3, 15);
    private static final LocalDate DISBURSED = LocalDate.of(2010, 4, 1);
    private static final LocalDate FIRST_DUE = LocalDate.of(2010, 5, 1);
    private static final LocalDate SECOND_DUE = LocalDate.of(2010, 6, 1);
    private static final long PAGU = 200_000_000;
    private static final long CAPITAL = 50_000_000;

    /** Households h01 … h12; h01, h02, h03, h06, h07 and h08 are MISKIN. */
    private static final String H01 = "h01", H02 = "h02", H03 = "h03", H04 = "h04", H05 = "h05", H06 = "h06",
            H07 = "h07", H08 = "h08", H09 = "h09", H10 = "h10", H11 = "h11", H12 = "h12";
    private static final List<String> POOR = List.of(H01, H02, H03, H06, H07, H08);

    /** EKONOMI: h01–h05 (three MISKIN). */
    private static final String KSM_A = "ksm-sumber-rejeki";
    /** EKONOMI: h06–h10 (three MISKIN). */
    private static final String KSM_B = "ksm-maju-bersama";
    /** LINGKUNGAN: h01, h04, h11. */
    private static final String KSM_L = "ksm-saluran-bersih";
    private static final String LOAN = "loan-1";
    private static final String LOAN_2 = "loan-2";

    private FixtureConfiguration<Kelurahan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Kelurahan.class);
        fixture.registerInjectableResource(ProgramRules.defaults());
    }

    // --- the kelurahan the tests start from ------------------------------------------------------------------------

    private static CycleStageRecorded held(CycleStage stage, LocalDate on) {
        boolean plan = stage == CycleStage.PJM_PRONANGKIS;
        return new CycleStageRecorded(CODE, stage, on, PEOPLE, null,
                stage == CycleStage.PEMBENTUKAN_LKM ? "LKM Maju Bersama" : null, plan ? 2010 : null,
                plan ? 2012 : null);
    }

    /** Registered, the stages up to and including {@code last} a month apart from 2009-01-10, and the households. */
    private static List<Object> cycleUpTo(CycleStage last) {
        List<Object> events = new ArrayList<>();
        events.add(new KelurahanRegistered(CODE, "Bandar Lor", "Mojoroto", "Kediri"));
        LocalDate day = LocalDate.of(2009, 1, 10);
        for (CycleStage stage : CycleStage.values()) {
            events.add(held(stage, day));
            if (stage == last) {
                break;
            }
            day = day.plusMonths(1);
        }
        for (String household : List.of(H01, H02, H03, H04, H05, H06, H07, H08, H09, H10, H11, H12)) {
            events.add(new HouseholdRegistered(household, CODE, "03", "010", new Sealed(household, "c2VhbGVk"), 4,
                    POOR.contains(household) ? PovertyStatus.MISKIN : PovertyStatus.HAMPIR_MISKIN, null, null,
                    MAPPED));
        }
        return events;
    }

    /** The cycle up to the 2010–2012 plan, the households, the 2010 BLM and {@code capital} of EKONOMI BLM. */
    private static List<Object> kelurahanWithFund(long capital) {
        List<Object> events = cycleUpTo(CycleStage.PJM_PRONANGKIS);
        events.add(new BlmAllocated(CODE, 2010, Rupiah.of(PAGU), BLM_RECEIVED));
        if (capital > 0) {
            events.add(new BlmDisbursed(CODE, "modal-bergulir", 2010, BlmCategory.EKONOMI, Rupiah.of(capital),
                    "Modal ekonomi bergulir", CAPITAL_BOOKED, null, Rupiah.of(PAGU - capital)));
        }
        return events;
    }

    private static List<Object> kelurahan() {
        return kelurahanWithFund(CAPITAL);
    }

    private static List<Object> and(List<Object> given, Object... more) {
        List<Object> events = new ArrayList<>(given);
        events.addAll(Arrays.asList(more));
        return events;
    }

    private static KsmFormed formed(String ksmId, KsmPurpose purpose, String... members) {
        return new KsmFormed(CODE, ksmId, "KSM " + ksmId, purpose, List.of(members), FORMED);
    }

    private static final KsmFormed KSM_A_FORMED = formed(KSM_A, KsmPurpose.EKONOMI, H01, H02, H03, H04, H05);
    private static final KsmFormed KSM_B_FORMED = formed(KSM_B, KsmPurpose.EKONOMI, H06, H07, H08, H09, H10);
    private static final KsmFormed KSM_L_FORMED = formed(KSM_L, KsmPurpose.LINGKUNGAN, H01, H04, H11);

    private static LoanDisbursed lent(String loanId, String ksmId, long principal) {
        return new LoanDisbursed(CODE, loanId, ksmId, Rupiah.of(principal), 10, 150, DISBURSED,
                RepaymentSchedule.of(Rupiah.of(principal), 10, 150, DISBURSED));
    }

    /** KSM A holds the standard loan: Rp 2.500.000 over ten months at 150 basis points, nothing repaid yet. */
    private static List<Object> withStandardLoan() {
        return and(kelurahan(), KSM_A_FORMED, lent(LOAN, KSM_A, 2_500_000));
    }

    // --- commands --------------------------------------------------------------------------------------------------

    private static FormKsm form(String ksmId, KsmPurpose purpose, String... members) {
        return new FormKsm(CODE, ksmId, "KSM " + ksmId, purpose, List.of(members), FORMED);
    }

    private static DisburseLoan loan(String loanId, String ksmId, long principal) {
        return new DisburseLoan(CODE, loanId, ksmId, Rupiah.of(principal), 10, 150, DISBURSED);
    }

    private static RecordRepayment repay(String repaymentId, long amount, LocalDate paidOn) {
        return new RecordRepayment(CODE, LOAN, repaymentId, Rupiah.of(amount), paidOn);
    }

    private static RepaymentRecorded repaid(String repaymentId, long amount, LocalDate paidOn, long fees,
                                            long overdue, long current, long outstanding) {
        return new RepaymentRecorded(CODE, LOAN, KSM_A, repaymentId, Rupiah.of(amount), paidOn, Rupiah.of(fees),
                Rupiah.of(overdue), Rupiah.of(current), Rupiah.of(outstanding));
    }

    /** The whole standard loan repaid on 2010-05-20: the first fee and all principal, 19 days after the first due. */
    private static final RecordRepayment REPAID_ON_TIME = repay("r-lunas", 2_537_500, LocalDate.of(2010, 5, 20));
    /** The whole standard loan repaid on 2010-06-01: two fees and all principal, the first instalment 31 days late. */
    private static final RecordRepayment REPAID_LATE = repay("r-lunas", 2_575_000, SECOND_DUE);

    private TestExecutor<Kelurahan> givenStandardLoan() {
        return fixture.given(withStandardLoan());
    }

    private static Matcher<RuleViolation> violation(String code) {
        return new FeatureMatcher<RuleViolation, String>(is(code), "a rule violation with code", "code") {
            @Override
            protected String featureValueOf(RuleViolation actual) {
                return actual.code();
            }
        };
    }

    // --- forming a KSM ---------------------------------------------------------------------------------------------

    @Test
    void anEkonomiKsmOfRegisteredHouseholdsHalfOfThemPoorIsFormed() {
        fixture.given(kelurahan())
                .when(form(KSM_A, KsmPurpose.EKONOMI, H01, H02, H03, H04, H05))
                .expectEvents(KSM_A_FORMED);
    }

    @Test
    void cannotFormAKsmBeforeTheLkmIsFormed() {
        fixture.given(cycleUpTo(CycleStage.PEMETAAN_SWADAYA))
                .when(form(KSM_A, KsmPurpose.EKONOMI, H01, H02, H03, H04, H05))
                .expectNoEvents()
                .expectException(violation("CYCLE_ORDER"))
                .expectExceptionMessage(containsString("record PEMBENTUKAN_LKM"));
    }

    @Test
    void aKsmCannotBeDatedBeforeTheLkmWasFormed() {
        fixture.given(kelurahan())
                .when(new FormKsm(CODE, KSM_A, "KSM A", KsmPurpose.EKONOMI, List.of(H01, H02, H03),
                        LKM_FORMED.minusDays(1)))
                .expectNoEvents()
                .expectException(violation("CYCLE_DATE_ORDER"));
    }

    @Test
    void aKsmMayBeFormedOnTheDayTheLkmWasFormed() {
        fixture.given(kelurahan())
                .when(new FormKsm(CODE, KSM_A, "KSM A", KsmPurpose.EKONOMI, List.of(H01, H02, H03), LKM_FORMED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new KsmFormed(CODE, KSM_A, "KSM A", KsmPurpose.EKONOMI, List.of(H01, H02, H03),
                        LKM_FORMED));
    }

    @Test
    void aKsmIsFormedOnce() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(form(KSM_A, KsmPurpose.EKONOMI, H06, H07, H08))
                .expectNoEvents()
                .expectException(violation("KSM_ALREADY_FORMED"));
    }

    @Test
    void aHouseholdListedTwiceAmongTheMembersIsRefused() {
        fixture.given(kelurahan())
                .when(form(KSM_A, KsmPurpose.EKONOMI, H01, H02, H03, H01))
                .expectNoEvents()
                .expectException(violation("DUPLICATE_MEMBER"));
    }

    @Test
    void membersMustBeHouseholdsRegisteredInTheKelurahan() {
        fixture.given(kelurahan())
                .when(form(KSM_A, KsmPurpose.EKONOMI, H01, H02, "h-unknown"))
                .expectNoEvents()
                .expectException(violation("HOUSEHOLD_NOT_FOUND"))
                .expectExceptionMessage(containsString("h-unknown"));
    }

    @Test
    void anEkonomiKsmOfTwoHouseholdsIsTooSmall() {
        fixture.given(kelurahan())
                .when(form(KSM_A, KsmPurpose.EKONOMI, H01, H02))
                .expectNoEvents()
                .expectException(violation("KSM_SIZE"))
                .expectExceptionMessage(containsString("3 to 10"));
    }

    @Test
    void anEkonomiKsmOfThreeHouseholdsIsFormed() {
        fixture.given(kelurahan())
                .when(form(KSM_A, KsmPurpose.EKONOMI, H01, H02, H04))
                .expectEvents(formed(KSM_A, KsmPurpose.EKONOMI, H01, H02, H04));
    }

    @Test
    void anEkonomiKsmOfTenHouseholdsIsFormed() {
        fixture.given(kelurahan())
                .when(form(KSM_A, KsmPurpose.EKONOMI, H01, H02, H03, H04, H05, H06, H07, H08, H09, H10))
                .expectEvents(formed(KSM_A, KsmPurpose.EKONOMI, H01, H02, H03, H04, H05, H06, H07, H08, H09, H10));
    }

    @Test
    void anEkonomiKsmOfElevenHouseholdsIsTooLarge() {
        fixture.given(kelurahan())
                .when(form(KSM_A, KsmPurpose.EKONOMI, H01, H02, H03, H04, H05, H06, H07, H08, H09, H10, H11))
                .expectNoEvents()
                .expectException(violation("KSM_SIZE"));
    }

    @Test
    void anEkonomiKsmWithFewerThanHalfItsMembersPoorIsRefused() {
        fixture.given(kelurahan())
                .when(form(KSM_A, KsmPurpose.EKONOMI, H01, H04, H05, H09))
                .expectNoEvents()
                .expectException(violation("KSM_TOO_FEW_POOR"))
                .expectExceptionMessage(containsString("1 of 4"));
    }

    @Test
    void anEkonomiKsmWithExactlyHalfItsMembersPoorIsFormed() {
        fixture.given(kelurahan())
                .when(form(KSM_A, KsmPurpose.EKONOMI, H01, H02, H04, H05))
                .expectEvents(formed(KSM_A, KsmPurpose.EKONOMI, H01, H02, H04, H05));
    }

    @Test
    void aHouseholdInAnActiveEkonomiKsmCannotBeInASecondOne() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(form(KSM_B, KsmPurpose.EKONOMI, H01, H06, H07, H09))
                .expectNoEvents()
                .expectException(violation("HOUSEHOLD_IN_ANOTHER_KSM"))
                .expectExceptionMessage(containsString(KSM_A));
    }

    @Test
    void aLingkunganKsmMayShareMembersWithAnEkonomiKsm() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(form(KSM_L, KsmPurpose.LINGKUNGAN, H01, H04, H11))
                .expectEvents(KSM_L_FORMED);
    }

    @Test
    void theSizeAndPovertyRulesAreForEkonomiKsmOnly() {
        fixture.given(kelurahan())
                .when(form("ksm-arisan", KsmPurpose.SOSIAL, H04, H05))
                .expectEvents(formed("ksm-arisan", KsmPurpose.SOSIAL, H04, H05));
    }

    @Test
    void membersOfADissolvedEkonomiKsmMayFormANewOne() {
        fixture.given(and(kelurahan(), KSM_A_FORMED,
                        new KsmDissolved(CODE, KSM_A, "bubar", LocalDate.of(2010, 4, 1))))
                .when(form(KSM_B, KsmPurpose.EKONOMI, H01, H02, H04))
                .expectEvents(formed(KSM_B, KsmPurpose.EKONOMI, H01, H02, H04));
    }

    // --- members joining and leaving -------------------------------------------------------------------------------

    @Test
    void aRegisteredHouseholdJoinsAnEkonomiKsm() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(new AddKsmMember(CODE, KSM_A, H06, LocalDate.of(2010, 5, 2)))
                .expectEvents(new KsmMemberAdded(CODE, KSM_A, H06, LocalDate.of(2010, 5, 2)));
    }

    @Test
    void aMemberCannotJoinTheSameKsmTwice() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(new AddKsmMember(CODE, KSM_A, H03, LocalDate.of(2010, 5, 2)))
                .expectNoEvents()
                .expectException(violation("ALREADY_A_MEMBER"));
    }

    @Test
    void anUnregisteredHouseholdCannotJoin() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(new AddKsmMember(CODE, KSM_A, "h-unknown", LocalDate.of(2010, 5, 2)))
                .expectNoEvents()
                .expectException(violation("HOUSEHOLD_NOT_FOUND"));
    }

    @Test
    void aMemberCannotJoinAKsmThatIsNotFormed() {
        fixture.given(kelurahan())
                .when(new AddKsmMember(CODE, KSM_A, H01, LocalDate.of(2010, 5, 2)))
                .expectNoEvents()
                .expectException(violation("KSM_NOT_FOUND"));
    }

    @Test
    void aMemberCannotJoinBeforeTheKsmWasFormed() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(new AddKsmMember(CODE, KSM_A, H06, FORMED.minusDays(1)))
                .expectNoEvents()
                .expectException(violation("CYCLE_DATE_ORDER"));
    }

    @Test
    void anEleventhMemberWouldMakeAnEkonomiKsmTooLarge() {
        fixture.given(and(kelurahan(), formed(KSM_A, KsmPurpose.EKONOMI, H01, H02, H03, H04, H05, H06, H07, H08,
                        H09, H10)))
                .when(new AddKsmMember(CODE, KSM_A, H11, LocalDate.of(2010, 5, 2)))
                .expectNoEvents()
                .expectException(violation("KSM_SIZE"));
    }

    @Test
    void aMemberWhoIsNotPoorCannotJoinWhenHalfTheMembersAreNoLongerPoorAfterwards() {
        fixture.given(and(kelurahan(), formed(KSM_A, KsmPurpose.EKONOMI, H01, H02, H04, H05)))
                .when(new AddKsmMember(CODE, KSM_A, H09, LocalDate.of(2010, 5, 2)))
                .expectNoEvents()
                .expectException(violation("KSM_TOO_FEW_POOR"))
                .expectExceptionMessage(containsString("2 of 5"));
    }

    @Test
    void aMemberOfAnotherEkonomiKsmCannotJoin() {
        fixture.given(and(kelurahan(), KSM_A_FORMED, KSM_B_FORMED))
                .when(new AddKsmMember(CODE, KSM_B, H01, LocalDate.of(2010, 5, 2)))
                .expectNoEvents()
                .expectException(violation("HOUSEHOLD_IN_ANOTHER_KSM"));
    }

    @Test
    void aMemberLeavesAnEkonomiKsm() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(new RemoveKsmMember(CODE, KSM_A, H04, "pindah rumah", LocalDate.of(2010, 5, 2)))
                .expectEvents(new KsmMemberRemoved(CODE, KSM_A, H04, "pindah rumah", LocalDate.of(2010, 5, 2)));
    }

    @Test
    void aHouseholdThatIsNotAMemberCannotLeave() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(new RemoveKsmMember(CODE, KSM_A, H06, "pindah rumah", LocalDate.of(2010, 5, 2)))
                .expectNoEvents()
                .expectException(violation("NOT_A_MEMBER"));
    }

    @Test
    void anEkonomiKsmCannotShrinkBelowThreeMembers() {
        fixture.given(and(kelurahan(), formed(KSM_A, KsmPurpose.EKONOMI, H01, H02, H04)))
                .when(new RemoveKsmMember(CODE, KSM_A, H04, "pindah rumah", LocalDate.of(2010, 5, 2)))
                .expectNoEvents()
                .expectException(violation("KSM_SIZE"));
    }

    @Test
    void aPoorMemberCannotLeaveWhenFewerThanHalfWouldBePoorAfterwards() {
        fixture.given(and(kelurahan(), formed(KSM_A, KsmPurpose.EKONOMI, H01, H02, H04, H05)))
                .when(new RemoveKsmMember(CODE, KSM_A, H01, "pindah rumah", LocalDate.of(2010, 5, 2)))
                .expectNoEvents()
                .expectException(violation("KSM_TOO_FEW_POOR"));
    }

    @Test
    void aLingkunganKsmMayShrinkBelowThreeMembers() {
        fixture.given(and(kelurahan(), KSM_L_FORMED))
                .when(new RemoveKsmMember(CODE, KSM_L, H11, "pindah rumah", LocalDate.of(2010, 5, 2)))
                .expectEvents(new KsmMemberRemoved(CODE, KSM_L, H11, "pindah rumah", LocalDate.of(2010, 5, 2)));
    }

    @Test
    void aHouseholdThatLeftAnEkonomiKsmMayJoinAnother() {
        fixture.given(and(kelurahan(), KSM_A_FORMED, KSM_B_FORMED,
                        new KsmMemberRemoved(CODE, KSM_A, H01, "pindah kelompok", LocalDate.of(2010, 5, 1))))
                .when(new AddKsmMember(CODE, KSM_B, H01, LocalDate.of(2010, 5, 2)))
                .expectEvents(new KsmMemberAdded(CODE, KSM_B, H01, LocalDate.of(2010, 5, 2)));
    }

    // --- dissolving a KSM ------------------------------------------------------------------------------------------

    @Test
    void aKsmWithoutALoanIsDissolved() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(new DissolveKsm(CODE, KSM_A, "anggota sepakat", LocalDate.of(2010, 5, 2)))
                .expectEvents(new KsmDissolved(CODE, KSM_A, "anggota sepakat", LocalDate.of(2010, 5, 2)));
    }

    @Test
    void aKsmCannotBeDissolvedWhileItsLoanIsOutstanding() {
        givenStandardLoan()
                .when(new DissolveKsm(CODE, KSM_A, "anggota sepakat", LocalDate.of(2010, 5, 2)))
                .expectNoEvents()
                .expectException(violation("KSM_HAS_OUTSTANDING_LOAN"))
                .expectExceptionMessage(containsString(LOAN));
    }

    @Test
    void aKsmIsDissolvedOnceItsLoanIsRepaid() {
        givenStandardLoan()
                .andGivenCommands(REPAID_ON_TIME)
                .when(new DissolveKsm(CODE, KSM_A, "anggota sepakat", LocalDate.of(2010, 6, 2)))
                .expectEvents(new KsmDissolved(CODE, KSM_A, "anggota sepakat", LocalDate.of(2010, 6, 2)));
    }

    @Test
    void aDissolvedKsmCannotBorrowAgain() {
        givenStandardLoan()
                .andGivenCommands(REPAID_ON_TIME)
                .andGiven(new KsmDissolved(CODE, KSM_A, "anggota sepakat", LocalDate.of(2010, 6, 2)))
                .when(loan(LOAN_2, KSM_A, 1_000_000))
                .expectNoEvents()
                .expectException(violation("KSM_DISSOLVED"));
    }

    @Test
    void aDissolvedKsmCannotBeDissolvedAgain() {
        fixture.given(and(kelurahan(), KSM_A_FORMED,
                        new KsmDissolved(CODE, KSM_A, "anggota sepakat", LocalDate.of(2010, 5, 2))))
                .when(new DissolveKsm(CODE, KSM_A, "lagi", LocalDate.of(2010, 5, 3)))
                .expectNoEvents()
                .expectException(violation("KSM_DISSOLVED"));
    }

    // --- BLM booked to a KSM ---------------------------------------------------------------------------------------

    private static DisburseBlm useFor(BlmCategory category, String ksmId) {
        return new DisburseBlm(CODE, "d-saluran", 2010, category, Rupiah.of(30_000_000), "Saluran RW 03",
                LocalDate.of(2010, 4, 1), ksmId);
    }

    @Test
    void aLingkunganUseIsBookedToALingkunganKsm() {
        fixture.given(and(kelurahan(), KSM_L_FORMED))
                .when(useFor(BlmCategory.LINGKUNGAN, KSM_L))
                .expectEvents(new BlmDisbursed(CODE, "d-saluran", 2010, BlmCategory.LINGKUNGAN, Rupiah.of(30_000_000),
                        "Saluran RW 03", LocalDate.of(2010, 4, 1), KSM_L, Rupiah.of(PAGU - CAPITAL - 30_000_000)));
    }

    @Test
    void aUseBookedToAKsmThatIsNotFormedIsRefused() {
        fixture.given(and(kelurahan(), KSM_L_FORMED))
                .when(useFor(BlmCategory.LINGKUNGAN, "ksm-unknown"))
                .expectNoEvents()
                .expectException(violation("KSM_NOT_FOUND"));
    }

    @Test
    void aLingkunganUseCannotBeBookedToAnEkonomiKsm() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(useFor(BlmCategory.LINGKUNGAN, KSM_A))
                .expectNoEvents()
                .expectException(violation("KSM_PURPOSE_MISMATCH"));
    }

    @Test
    void aSosialUseCannotBeBookedToALingkunganKsm() {
        fixture.given(and(kelurahan(), KSM_L_FORMED))
                .when(useFor(BlmCategory.SOSIAL, KSM_L))
                .expectNoEvents()
                .expectException(violation("KSM_PURPOSE_MISMATCH"));
    }

    @Test
    void aUseCannotBeBookedToADissolvedKsm() {
        fixture.given(and(kelurahan(), KSM_L_FORMED,
                        new KsmDissolved(CODE, KSM_L, "selesai", LocalDate.of(2010, 3, 20))))
                .when(useFor(BlmCategory.LINGKUNGAN, KSM_L))
                .expectNoEvents()
                .expectException(violation("KSM_DISSOLVED"));
    }

    // --- disbursing a loan -----------------------------------------------------------------------------------------

    @Test
    void aLoanIsDisbursedWithItsScheduleOfEqualInstalmentsAndAFlatFee() {
        List<Instalment> byHand = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            byHand.add(new Instalment(i, DISBURSED.plusMonths(i), Rupiah.of(250_000), Rupiah.of(37_500)));
        }
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(loan(LOAN, KSM_A, 2_500_000))
                .expectEvents(new LoanDisbursed(CODE, LOAN, KSM_A, Rupiah.of(2_500_000), 10, 150, DISBURSED,
                        byHand));
    }

    @Test
    void theLoanDisbursedCarriesTheScheduleOfRepaymentSchedule() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(new DisburseLoan(CODE, LOAN, KSM_A, Rupiah.of(1_000_001), 7, 175, LocalDate.of(2011, 1, 31)))
                .expectEvents(new LoanDisbursed(CODE, LOAN, KSM_A, Rupiah.of(1_000_001), 7, 175,
                        LocalDate.of(2011, 1, 31),
                        RepaymentSchedule.of(Rupiah.of(1_000_001), 7, 175, LocalDate.of(2011, 1, 31))));
    }

    @Test
    void aLoanCannotGoToAKsmThatIsNotFormed() {
        fixture.given(kelurahan())
                .when(loan(LOAN, KSM_A, 1_000_000))
                .expectNoEvents()
                .expectException(violation("KSM_NOT_FOUND"));
    }

    @Test
    void aLoanGoesToAnEkonomiKsmOnly() {
        fixture.given(and(kelurahan(), KSM_L_FORMED))
                .when(loan(LOAN, KSM_L, 1_000_000))
                .expectNoEvents()
                .expectException(violation("KSM_NOT_EKONOMI"));
    }

    @Test
    void aKsmBorrowsAgainOnlyOnceItsLoanIsRepaid() {
        givenStandardLoan()
                .when(loan(LOAN_2, KSM_A, 1_000_000))
                .expectNoEvents()
                .expectException(violation("KSM_HAS_OUTSTANDING_LOAN"));
    }

    @Test
    void aLoanIdIsRecordedOnce() {
        fixture.given(and(withStandardLoan(), KSM_B_FORMED))
                .when(loan(LOAN, KSM_B, 1_000_000))
                .expectNoEvents()
                .expectException(violation("LOAN_ALREADY_RECORDED"));
    }

    @Test
    void theSameDisbursementSentAgainIsRecognisedAsRecordedNotAsASecondLoan() {
        givenStandardLoan()
                .when(loan(LOAN, KSM_A, 2_500_000))
                .expectNoEvents()
                .expectException(violation("LOAN_ALREADY_RECORDED"));
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 13})
    void aLoanRunsThreeToTwelveMonths(int termMonths) {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(new DisburseLoan(CODE, LOAN, KSM_A, Rupiah.of(1_200_000), termMonths, 150, DISBURSED))
                .expectNoEvents()
                .expectException(violation("LOAN_TERM"))
                .expectExceptionMessage(containsString("3 to 12"));
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 12})
    void aLoanOfThreeOrTwelveMonthsIsWithinTheTerm(int termMonths) {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(new DisburseLoan(CODE, LOAN, KSM_A, Rupiah.of(1_200_000), termMonths, 150, DISBURSED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LoanDisbursed(CODE, LOAN, KSM_A, Rupiah.of(1_200_000), termMonths, 150, DISBURSED,
                        RepaymentSchedule.of(Rupiah.of(1_200_000), termMonths, 150, DISBURSED)));
    }

    @Test
    void aLoanCannotPrecedeTheKsmsFormation() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(new DisburseLoan(CODE, LOAN, KSM_A, Rupiah.of(1_000_000), 10, 150, FORMED.minusDays(1)))
                .expectNoEvents()
                .expectException(violation("CYCLE_DATE_ORDER"));
    }

    @Test
    void aFirstLoanOfFiveHundredThousandPerMemberIsLentToTheRupiah() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(loan(LOAN, KSM_A, 2_500_000))
                .expectSuccessfulHandlerExecution()
                .expectEvents(lent(LOAN, KSM_A, 2_500_000));
    }

    @Test
    void aFirstLoanOneRupiahAboveFiveHundredThousandPerMemberIsRefused() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(loan(LOAN, KSM_A, 2_500_001))
                .expectNoEvents()
                .expectException(violation("LOAN_CEILING_EXCEEDED"))
                .expectExceptionMessage(containsString("(2500000)"));
    }

    @Test
    void theCeilingCountsTheMembersAtTheTimeOfTheLoan() {
        fixture.given(and(kelurahan(), KSM_A_FORMED, new KsmMemberAdded(CODE, KSM_A, H06, LocalDate.of(2010, 3, 20))))
                .when(loan(LOAN, KSM_A, 3_000_000))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void onlyEkonomiUsesOfBlmBecomeCapitalOfTheFund() {
        fixture.given(and(kelurahanWithFund(0),
                        new BlmDisbursed(CODE, "modal-1", 2010, BlmCategory.EKONOMI, Rupiah.of(800_000), "Modal",
                                CAPITAL_BOOKED, null, Rupiah.of(PAGU - 800_000)),
                        new BlmDisbursed(CODE, "saluran", 2010, BlmCategory.LINGKUNGAN, Rupiah.of(10_000_000), "Jalan",
                                CAPITAL_BOOKED, null, Rupiah.of(PAGU - 10_800_000)),
                        new BlmDisbursed(CODE, "modal-2", 2010, BlmCategory.EKONOMI, Rupiah.of(1_200_000), "Modal",
                                CAPITAL_BOOKED, null, Rupiah.of(PAGU - 12_000_000)),
                        KSM_A_FORMED))
                .when(loan(LOAN, KSM_A, 2_000_001))
                .expectNoEvents()
                .expectException(violation("REVOLVING_FUND_INSUFFICIENT"))
                .expectExceptionMessage(containsString("(2000000)"));
    }

    @Test
    void theFundIsLentToItsLastRupiah() {
        fixture.given(and(kelurahanWithFund(2_000_000), KSM_A_FORMED))
                .when(loan(LOAN, KSM_A, 2_000_000))
                .expectSuccessfulHandlerExecution()
                .expectEvents(lent(LOAN, KSM_A, 2_000_000));
    }

    @Test
    void withoutEkonomiCapitalThereIsNothingToLend() {
        fixture.given(and(kelurahanWithFund(0), KSM_A_FORMED))
                .when(loan(LOAN, KSM_A, 1))
                .expectNoEvents()
                .expectException(violation("REVOLVING_FUND_INSUFFICIENT"));
    }

    @Test
    void repaidPrincipalFlowsBackToTheFundAndIsLentAgain() {
        fixture.given(and(kelurahanWithFund(2_500_000), KSM_A_FORMED, lent(LOAN, KSM_A, 2_500_000), KSM_B_FORMED))
                // the fee of the first instalment, then Rp 1.000.000 of principal
                .andGivenCommands(repay("r1", 1_037_500, FIRST_DUE))
                .when(new DisburseLoan(CODE, LOAN_2, KSM_B, Rupiah.of(1_000_000), 10, 150, FIRST_DUE))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LoanDisbursed(CODE, LOAN_2, KSM_B, Rupiah.of(1_000_000), 10, 150, FIRST_DUE,
                        RepaymentSchedule.of(Rupiah.of(1_000_000), 10, 150, FIRST_DUE)));
    }

    @Test
    void feesPaidAreNotCapitalThatCanBeLent() {
        fixture.given(and(kelurahanWithFund(2_500_000), KSM_A_FORMED, lent(LOAN, KSM_A, 2_500_000), KSM_B_FORMED))
                .andGivenCommands(repay("r1", 1_037_500, FIRST_DUE))
                .when(new DisburseLoan(CODE, LOAN_2, KSM_B, Rupiah.of(1_000_001), 10, 150, FIRST_DUE))
                .expectNoEvents()
                .expectException(violation("REVOLVING_FUND_INSUFFICIENT"))
                .expectExceptionMessage(containsString("(1000000)"));
    }

    // --- repayments ------------------------------------------------------------------------------------------------

    @Test
    void aRepaymentGoesToTheFeesDueThenToOverduePrincipal() {
        // on 2010-06-10 two instalments are due: Rp 75.000 of fees and Rp 500.000 of principal
        givenStandardLoan()
                .when(repay("r1", 400_000, LocalDate.of(2010, 6, 10)))
                .expectEvents(repaid("r1", 400_000, LocalDate.of(2010, 6, 10), 75_000, 325_000, 0, 2_175_000))
                .expectResultMessagePayload(Rupiah.of(2_175_000));
    }

    @Test
    void whatIsLeftAfterTheOverduePrincipalGoesToCurrentPrincipal() {
        givenStandardLoan()
                .when(repay("r1", 700_000, LocalDate.of(2010, 6, 10)))
                .expectEvents(repaid("r1", 700_000, LocalDate.of(2010, 6, 10), 75_000, 500_000, 125_000, 1_875_000))
                .expectResultMessagePayload(Rupiah.of(1_875_000));
    }

    @Test
    void aRepaymentSmallerThanTheFeesDueGoesToFeesOnly() {
        givenStandardLoan()
                .when(repay("r1", 50_000, LocalDate.of(2010, 6, 10)))
                .expectEvents(repaid("r1", 50_000, LocalDate.of(2010, 6, 10), 50_000, 0, 0, 2_500_000));
    }

    @Test
    void feesAndPrincipalPaidBeforeAreNotDueAgain() {
        givenStandardLoan()
                .andGivenCommands(repay("r1", 400_000, LocalDate.of(2010, 6, 10)))
                .when(repay("r2", 300_000, LocalDate.of(2010, 6, 10)))
                .expectEvents(repaid("r2", 300_000, LocalDate.of(2010, 6, 10), 0, 175_000, 125_000, 1_875_000));
    }

    @Test
    void anInstalmentIsDueOnItsDueDate() {
        givenStandardLoan()
                .when(repay("r1", 287_500, FIRST_DUE))
                .expectEvents(repaid("r1", 287_500, FIRST_DUE, 37_500, 250_000, 0, 2_250_000));
    }

    @Test
    void beforeTheFirstDueDateARepaymentIsAllCurrentPrincipal() {
        givenStandardLoan()
                .when(repay("r1", 300_000, LocalDate.of(2010, 4, 20)))
                .expectEvents(repaid("r1", 300_000, LocalDate.of(2010, 4, 20), 0, 0, 300_000, 2_200_000));
    }

    @Test
    void aRepaymentOfMoreThanTheFeesDueAndThePrincipalOutstandingIsRefused() {
        givenStandardLoan()
                .when(repay("r1", 2_575_001, LocalDate.of(2010, 6, 10)))
                .expectNoEvents()
                .expectException(violation("REPAYMENT_EXCEEDS_OUTSTANDING"))
                .expectExceptionMessage(containsString("(2575000)"));
    }

    @Test
    void aRepaymentIsRecordedOnce() {
        givenStandardLoan()
                .andGivenCommands(repay("r1", 287_500, FIRST_DUE))
                .when(repay("r1", 100_000, SECOND_DUE))
                .expectNoEvents()
                .expectException(violation("REPAYMENT_ALREADY_RECORDED"));
    }

    @Test
    void aRepaymentOnAnUnknownLoanIsNotFound() {
        givenStandardLoan()
                .when(new RecordRepayment(CODE, "loan-unknown", "r1", Rupiah.of(287_500), FIRST_DUE))
                .expectNoEvents()
                .expectException(violation("LOAN_NOT_FOUND"));
    }

    @Test
    void aRepaymentCannotPrecedeTheDisbursement() {
        givenStandardLoan()
                .when(repay("r1", 287_500, DISBURSED.minusDays(1)))
                .expectNoEvents()
                .expectException(violation("CYCLE_DATE_ORDER"));
    }

    @Test
    void repayingInFullWithinThirtyDaysOfEveryDueDateRepaysTheLoanOnTime() {
        givenStandardLoan()
                .when(REPAID_ON_TIME)
                .expectEvents(repaid("r-lunas", 2_537_500, LocalDate.of(2010, 5, 20), 37_500, 250_000, 2_250_000, 0),
                        new LoanRepaid(CODE, LOAN, KSM_A, LocalDate.of(2010, 5, 20), 19, true))
                .expectResultMessagePayload(Rupiah.ZERO);
    }

    @Test
    void anInstalmentSettledThirtyDaysLateIsStillOnTime() {
        givenStandardLoan()
                .when(repay("r-lunas", 2_537_500, FIRST_DUE.plusDays(30)))
                .expectEvents(repaid("r-lunas", 2_537_500, FIRST_DUE.plusDays(30), 37_500, 250_000, 2_250_000, 0),
                        new LoanRepaid(CODE, LOAN, KSM_A, FIRST_DUE.plusDays(30), 30, true));
    }

    @Test
    void anInstalmentSettledThirtyOneDaysLateSpoilsTheLoansRecord() {
        givenStandardLoan()
                .when(REPAID_LATE)
                .expectEvents(repaid("r-lunas", 2_575_000, SECOND_DUE, 75_000, 500_000, 2_000_000, 0),
                        new LoanRepaid(CODE, LOAN, KSM_A, SECOND_DUE, 31, false));
    }

    @Test
    void theMostDaysLateOfAnyInstalmentIsRecordedWhenTheLoanIsRepaid() {
        // instalment 1 settled on 2010-05-31 (30 days late), instalment 2 on 2010-07-10 (39 days late)
        givenStandardLoan()
                .andGivenCommands(repay("r1", 287_500, FIRST_DUE.plusDays(30)))
                .when(repay("r2", 2_325_000, LocalDate.of(2010, 7, 10)))
                .expectEvents(repaid("r2", 2_325_000, LocalDate.of(2010, 7, 10), 75_000, 500_000, 1_750_000, 0),
                        new LoanRepaid(CODE, LOAN, KSM_A, LocalDate.of(2010, 7, 10), 39, false));
    }

    @Test
    void repayingEveryInstalmentOnItsDueDateRepaysTheLoanOnTime() {
        List<RecordRepayment> first9 = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            first9.add(repay("r" + i, 287_500, DISBURSED.plusMonths(i)));
        }
        givenStandardLoan()
                .andGivenCommands(first9)
                .when(repay("r10", 287_500, LocalDate.of(2011, 2, 1)))
                .expectEvents(repaid("r10", 287_500, LocalDate.of(2011, 2, 1), 37_500, 250_000, 0, 0),
                        new LoanRepaid(CODE, LOAN, KSM_A, LocalDate.of(2011, 2, 1), 0, true));
    }

    /**
     * Fees are part of an instalment: an instalment whose fee is paid four months late was settled four months late,
     * even when its principal was paid early. The KSM below paid Rp 1.000.000 of principal before the first due date
     * and then nothing until 2010-09-01, while the fees of May to August fell due.
     */
    @Test
    void feesPaidMonthsLateSpoilTheLoansRecordEvenWhenThePrincipalWasPaidEarly() {
        LocalDate september = LocalDate.of(2010, 9, 1);
        givenStandardLoan()
                .andGivenCommands(repay("r1", 1_000_000, LocalDate.of(2010, 4, 15)))
                .when(repay("r2", 1_687_500, september))
                .expectEvents(repaid("r2", 1_687_500, september, 187_500, 250_000, 1_250_000, 0),
                        // the first fee, due 2010-05-01, was paid 123 days late
                        new LoanRepaid(CODE, LOAN, KSM_A, september, 123, false));
    }

    @Test
    void aRepaidLoanTakesNoMoreRepayments() {
        givenStandardLoan()
                .andGivenCommands(REPAID_ON_TIME)
                .when(repay("r-lagi", 1_000, SECOND_DUE))
                .expectNoEvents()
                .expectException(violation("LOAN_CLOSED"));
    }

    // --- the ceiling after a loan ----------------------------------------------------------------------------------

    private static DisburseLoan secondLoan(long principal) {
        return new DisburseLoan(CODE, LOAN_2, KSM_A, Rupiah.of(principal), 10, 150, LocalDate.of(2010, 7, 1));
    }

    @Test
    void afterALoanRepaidOnTimeAKsmMayBorrowAMillionPerMember() {
        givenStandardLoan()
                .andGivenCommands(REPAID_ON_TIME)
                .when(secondLoan(5_000_000))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new LoanDisbursed(CODE, LOAN_2, KSM_A, Rupiah.of(5_000_000), 10, 150,
                        LocalDate.of(2010, 7, 1), RepaymentSchedule.of(Rupiah.of(5_000_000), 10, 150,
                        LocalDate.of(2010, 7, 1))));
    }

    @Test
    void afterALoanRepaidOnTimeTheCeilingRisesOneStepOnly() {
        givenStandardLoan()
                .andGivenCommands(REPAID_ON_TIME)
                .when(secondLoan(5_000_001))
                .expectNoEvents()
                .expectException(violation("LOAN_CEILING_EXCEEDED"))
                .expectExceptionMessage(containsString("(5000000)"));
    }

    @Test
    void afterALoanRepaidMoreThanThirtyDaysLateTheCeilingDoesNotRise() {
        givenStandardLoan()
                .andGivenCommands(REPAID_LATE)
                .when(secondLoan(2_500_001))
                .expectNoEvents()
                .expectException(violation("LOAN_CEILING_EXCEEDED"))
                .expectExceptionMessage(containsString("(2500000)"));
    }

    @Test
    void theCeilingStopsRisingAtTwoMillionPerMember() {
        // four loans, each repaid in full before its first instalment fell due: Rp 500.000 up to Rp 2.000.000
        List<Object> fourLoansRepaidOnTime = new ArrayList<>();
        long[] principals = {2_500_000, 5_000_000, 7_500_000, 10_000_000};
        for (int i = 0; i < principals.length; i++) {
            LocalDate day = DISBURSED.plusMonths(i);
            fourLoansRepaidOnTime.add(new DisburseLoan(CODE, "loan-" + i, KSM_A, Rupiah.of(principals[i]), 10, 150,
                    day));
            fourLoansRepaidOnTime.add(new RecordRepayment(CODE, "loan-" + i, "lunas-" + i, Rupiah.of(principals[i]),
                    day.plusDays(10)));
        }
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .andGivenCommands(fourLoansRepaidOnTime)
                .when(new DisburseLoan(CODE, "loan-5", KSM_A, Rupiah.of(10_000_001), 10, 150, LocalDate.of(2010, 9, 1)))
                .expectNoEvents()
                .expectException(violation("LOAN_CEILING_EXCEEDED"))
                .expectExceptionMessage(containsString("(10000000)"));
    }

    // --- write-off -------------------------------------------------------------------------------------------------

    private static WriteOffLoan writeOff(LocalDate on) {
        return new WriteOffLoan(CODE, LOAN, "macet, anggota pindah", on);
    }

    @Test
    void aLoanWhoseInstalmentIsOneHundredEightyDaysLateCannotBeWrittenOff() {
        givenStandardLoan()
                .when(writeOff(FIRST_DUE.plusDays(180)))
                .expectNoEvents()
                .expectException(violation("WRITE_OFF_NOT_ALLOWED"))
                .expectExceptionMessage(containsString("the most is 180 days"));
    }

    @Test
    void aLoanWhoseInstalmentIsOneHundredEightyOneDaysLateIsWrittenOffWithAllItsPrincipal() {
        givenStandardLoan()
                .when(writeOff(FIRST_DUE.plusDays(181)))
                .expectEvents(new LoanWrittenOff(CODE, LOAN, KSM_A, Rupiah.of(2_500_000), "macet, anggota pindah",
                        FIRST_DUE.plusDays(181)));
    }

    @Test
    void aWriteOffLosesThePrincipalStillOutstanding() {
        // the first instalment settled on its due date, Rp 112.500 more principal paid: Rp 2.137.500 outstanding
        givenStandardLoan()
                .andGivenCommands(repay("r1", 400_000, FIRST_DUE))
                .when(writeOff(SECOND_DUE.plusDays(181)))
                .expectEvents(new LoanWrittenOff(CODE, LOAN, KSM_A, Rupiah.of(2_137_500), "macet, anggota pindah",
                        SECOND_DUE.plusDays(181)));
    }

    @Test
    void aSettledInstalmentDoesNotCountTowardsAWriteOff() {
        givenStandardLoan()
                .andGivenCommands(repay("r1", 400_000, FIRST_DUE))
                .when(writeOff(FIRST_DUE.plusDays(181)))
                .expectNoEvents()
                .expectException(violation("WRITE_OFF_NOT_ALLOWED"));
    }

    @Test
    void writtenOffPrincipalNeverReturnsToTheFund() {
        // capital 2.500.000, lent 2.500.000, Rp 362.500 of principal repaid before the write-off
        fixture.given(and(kelurahanWithFund(2_500_000), KSM_A_FORMED, lent(LOAN, KSM_A, 2_500_000), KSM_B_FORMED))
                .andGivenCommands(repay("r1", 400_000, FIRST_DUE), writeOff(SECOND_DUE.plusDays(181)))
                .when(new DisburseLoan(CODE, LOAN_2, KSM_B, Rupiah.of(362_501), 10, 150, LocalDate.of(2010, 12, 1)))
                .expectNoEvents()
                .expectException(violation("REVOLVING_FUND_INSUFFICIENT"))
                .expectExceptionMessage(containsString("(362500)"));
    }

    @Test
    void aWrittenOffLoanTakesNoMoreRepayments() {
        givenStandardLoan()
                .andGivenCommands(writeOff(FIRST_DUE.plusDays(181)))
                .when(repay("r-late", 100_000, FIRST_DUE.plusDays(182)))
                .expectNoEvents()
                .expectException(violation("LOAN_CLOSED"));
    }

    @Test
    void aKsmWhoseLoanWasWrittenOffMayBeDissolved() {
        givenStandardLoan()
                .andGivenCommands(writeOff(FIRST_DUE.plusDays(181)))
                .when(new DissolveKsm(CODE, KSM_A, "macet", FIRST_DUE.plusDays(182)))
                .expectEvents(new KsmDissolved(CODE, KSM_A, "macet", FIRST_DUE.plusDays(182)));
    }

    @Test
    void anUnknownLoanCannotBeWrittenOff() {
        givenStandardLoan()
                .when(new WriteOffLoan(CODE, "loan-unknown", "macet", FIRST_DUE.plusDays(181)))
                .expectNoEvents()
                .expectException(violation("LOAN_NOT_FOUND"));
    }

    // --- partnerships ----------------------------------------------------------------------------------------------

    private static RecordPartnership partnership(String id, String ksmId) {
        return new RecordPartnership(CODE, id, "Dinas Perikanan Kota Kediri", PartnershipKind.TRAINING, ksmId,
                Rupiah.of(7_500_000), LocalDate.of(2010, 6, 1));
    }

    @Test
    void aPartnershipWithoutAKsmIsRecorded() {
        fixture.given(kelurahan())
                .when(partnership("p1", null))
                .expectEvents(new PartnershipRecorded(CODE, "p1", "Dinas Perikanan Kota Kediri",
                        PartnershipKind.TRAINING, null, Rupiah.of(7_500_000), LocalDate.of(2010, 6, 1)));
    }

    @Test
    void aPartnershipWithAKsmOfTheKelurahanIsRecorded() {
        fixture.given(and(kelurahan(), KSM_A_FORMED))
                .when(partnership("p1", KSM_A))
                .expectEvents(new PartnershipRecorded(CODE, "p1", "Dinas Perikanan Kota Kediri",
                        PartnershipKind.TRAINING, KSM_A, Rupiah.of(7_500_000), LocalDate.of(2010, 6, 1)));
    }

    @Test
    void aPartnershipNamesAKsmFormedInTheKelurahan() {
        fixture.given(kelurahan())
                .when(partnership("p1", KSM_A))
                .expectNoEvents()
                .expectException(violation("KSM_NOT_FOUND"));
    }

    @Test
    void aPartnershipIsRecordedOnce() {
        fixture.given(kelurahan())
                .andGivenCommands(partnership("p1", null))
                .when(partnership("p1", null))
                .expectNoEvents()
                .expectException(violation("PARTNERSHIP_ALREADY_RECORDED"));
    }

    // --- complaints ------------------------------------------------------------------------------------------------

    private static final LocalDate RECEIVED = LocalDate.of(2010, 6, 10);
    private static final ComplaintFiled FILED = new ComplaintFiled(CODE, "c1", "KOTAK_PENGADUAN", "PEMBANGUNAN",
            "Saluran di RT 003 belum tersambung", KSM_L, RECEIVED);

    private static FileComplaint file(String id) {
        return new FileComplaint(CODE, id, "KOTAK_PENGADUAN", "PEMBANGUNAN", "Saluran di RT 003 belum tersambung",
                KSM_L, RECEIVED);
    }

    private static ResolveComplaint resolve(LocalDate on) {
        return new ResolveComplaint(CODE, "c1", "Sambungan saluran diselesaikan", on);
    }

    @Test
    void aComplaintIsFiled() {
        fixture.given(kelurahan())
                .when(file("c1"))
                .expectEvents(FILED);
    }

    @Test
    void aComplaintIsFiledOnce() {
        fixture.given(and(kelurahan(), FILED))
                .when(file("c1"))
                .expectNoEvents()
                .expectException(violation("COMPLAINT_ALREADY_FILED"));
    }

    @Test
    void aComplaintIsResolved() {
        fixture.given(and(kelurahan(), FILED))
                .when(resolve(LocalDate.of(2010, 7, 1)))
                .expectEvents(new ComplaintResolved(CODE, "c1", "Sambungan saluran diselesaikan",
                        LocalDate.of(2010, 7, 1)));
    }

    @Test
    void aComplaintMayBeResolvedOnTheDayItWasReceived() {
        fixture.given(and(kelurahan(), FILED))
                .when(resolve(RECEIVED))
                .expectEvents(new ComplaintResolved(CODE, "c1", "Sambungan saluran diselesaikan", RECEIVED));
    }

    @Test
    void anUnknownComplaintCannotBeResolved() {
        fixture.given(kelurahan())
                .when(resolve(LocalDate.of(2010, 7, 1)))
                .expectNoEvents()
                .expectException(violation("COMPLAINT_NOT_FOUND"));
    }

    @Test
    void aComplaintIsResolvedOnce() {
        fixture.given(and(kelurahan(), FILED,
                        new ComplaintResolved(CODE, "c1", "Selesai", LocalDate.of(2010, 7, 1))))
                .when(resolve(LocalDate.of(2010, 7, 2)))
                .expectNoEvents()
                .expectException(violation("COMPLAINT_ALREADY_RESOLVED"));
    }

    @Test
    void aComplaintCannotBeResolvedBeforeItWasReceived() {
        fixture.given(and(kelurahan(), FILED))
                .when(resolve(RECEIVED.minusDays(1)))
                .expectNoEvents()
                .expectException(violation("CYCLE_DATE_ORDER"));
    }
}
