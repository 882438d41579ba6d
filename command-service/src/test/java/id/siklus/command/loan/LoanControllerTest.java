package id.siklus.command.loan;

import id.siklus.api.AuditMetadata;
import id.siklus.api.loan.DisburseLoan;
import id.siklus.api.loan.RecordRepayment;
import id.siklus.api.loan.WriteOffLoan;
import id.siklus.api.money.Rupiah;
import id.siklus.command.RuleViolation;
import id.siklus.command.platform.IdentityClaims;
import id.siklus.command.platform.WebSliceConfiguration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(LoanController.class)
@Import(WebSliceConfiguration.class)
@TestPropertySource(properties = {
        "spring.config.name=command-service",
        "siklus.security.jwt.public-key=classpath:test-jwt-public.pem"})
class LoanControllerTest {

    private static final String CODE = "35.71.03.1001";
    private static final String OTHER_CODE = "35.71.03.1002";
    private static final String KSM = "6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4";
    private static final String LOAN = "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a";
    private static final String UNKNOWN_LOAN = "0d9c8b7a-6f5e-4d3c-9b2a-000000000000";
    private static final String REPAYMENT = "5e4d3c2b-1a09-4f8e-8d7c-6b5a49382716";
    private static final String LOANS = "/api/v1/kelurahan/" + CODE + "/loans";
    private static final String REPAYMENTS = "/api/v1/loans/" + LOAN + "/repayments";
    private static final String WRITE_OFF = "/api/v1/loans/" + LOAN + "/write-off";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway gateway;

    @MockitoBean
    private IdentityClaims identities;

    @BeforeEach
    void theLoanBelongsToTheKelurahan() {
        when(identities.kelurahanOfLoan(LOAN)).thenReturn(Optional.of(CODE));
        when(identities.kelurahanOfLoan(UNKNOWN_LOAN)).thenReturn(Optional.empty());
    }

    private static RequestPostProcessor lkmOf(String code) {
        return jwt().jwt(token -> token.subject("lkm-bandar-lor").claim("kelurahan", List.of(code)))
                .authorities(new SimpleGrantedAuthority("ROLE_LKM"));
    }

    private static RequestPostProcessor monitor() {
        return jwt().jwt(token -> token.subject("pemantau").claim("kota", "Kediri"))
                .authorities(new SimpleGrantedAuthority("ROLE_MONITOR"));
    }

    private static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject("admin")).authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    private static MockHttpServletRequestBuilder json(String path, String body) {
        return post(path).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** The standard loan, with one field's JSON value replaced. */
    private static String loanWith(String field, String jsonValue) {
        String body = """
                {"loanId": "%s", "ksmId": "%s", "principal": 2500000, "termMonths": 10,
                 "monthlyFeeBasisPoints": 150, "disbursedOn": "2010-04-01"}""".formatted(LOAN, KSM);
        return body.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\d+)", "\"" + field + "\": " + jsonValue);
    }

    private static String standardLoan() {
        return loanWith("termMonths", "10");
    }

    private ResultActions disburse(String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(json(LOANS, body).header("Idempotency-Key", "loan-1").with(who));
    }

    private ResultActions repay(String loanId, String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(json("/api/v1/loans/" + loanId + "/repayments", body).header("Idempotency-Key", "repay-1")
                .with(who));
    }

    private ResultActions writeOff(String loanId, RequestPostProcessor who) throws Exception {
        return mvc.perform(json("/api/v1/loans/" + loanId + "/write-off",
                "{\"reason\": \" macet \", \"writtenOffOn\": \"2010-10-29\"}")
                .header("Idempotency-Key", "write-off-1").with(who));
    }

    private CommandMessage<?> sentMessage() {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(sent.capture());
        return (CommandMessage<?>) sent.getValue();
    }

    private Object sent() {
        return sentMessage().getPayload();
    }

    // --- disbursement ----------------------------------------------------------------------------------------------

    @Test
    void theLkmDisbursesALoanAndIsAnsweredWithItsSchedule() throws Exception {
        disburse(standardLoan(), lkmOf(CODE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.loanId").value(LOAN))
                .andExpect(jsonPath("$.principal").value(2500000))
                .andExpect(jsonPath("$.schedule", hasSize(10)))
                .andExpect(jsonPath("$.schedule[0].number").value(1))
                .andExpect(jsonPath("$.schedule[0].dueOn").value("2010-05-01"))
                .andExpect(jsonPath("$.schedule[0].principal").value(250000))
                .andExpect(jsonPath("$.schedule[0].fee").value(37500))
                .andExpect(jsonPath("$.schedule[9].number").value(10))
                .andExpect(jsonPath("$.schedule[9].dueOn").value("2011-02-01"))
                .andExpect(jsonPath("$.schedule[9].principal").value(250000))
                .andExpect(jsonPath("$.schedule[9].fee").value(37500));

        CommandMessage<?> message = sentMessage();
        assertThat(message.getPayload()).isEqualTo(new DisburseLoan(CODE, LOAN, KSM, Rupiah.of(2_500_000), 10, 150,
                LocalDate.of(2010, 4, 1)));
        assertThat(message.getMetaData())
                .containsEntry(AuditMetadata.CLIENT_ID, "lkm-bandar-lor")
                .containsEntry(AuditMetadata.REQUEST_ID, "loan-1");
    }

    @Test
    void theLastInstalmentOfTheAnsweredScheduleCarriesTheRemainder() throws Exception {
        disburse(loanWith("principal", "1000000").replace("\"termMonths\": 10", "\"termMonths\": 3"), lkmOf(CODE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.schedule", hasSize(3)))
                .andExpect(jsonPath("$.schedule[0].principal").value(333333))
                .andExpect(jsonPath("$.schedule[2].principal").value(333334))
                .andExpect(jsonPath("$.schedule[2].fee").value(15000));
    }

    @Test
    void withoutALoanIdTheServerChoosesOneAndSendsThatSameId() throws Exception {
        MvcResult result = disburse(standardLoan().replace("\"loanId\": \"" + LOAN + "\", ", ""), lkmOf(CODE))
                .andExpect(status().isCreated())
                .andReturn();

        String answered = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.loanId");
        assertThat(UUID.fromString(answered).toString()).isEqualTo(answered);
        assertThat(((DisburseLoan) sent()).loanId()).isEqualTo(answered);
    }

    @Test
    void aDisbursementWithoutAnIdempotencyKeyIsRefused() throws Exception {
        mvc.perform(json(LOANS, standardLoan()).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REQUIRED"));

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2500000.5", "2500000.0", "2.5e6", "-1", "\"2500000\"", "12345678901234567890",
            "10000000000001", "true", "null", "{}"})
    void aPrincipalThatIsNotAWholeNumberOfRupiahIsRefusedNotRounded(String principal) throws Exception {
        disburse(loanWith("principal", principal), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("principal")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aLoanOfZeroRupiahIsRefused() throws Exception {
        disburse(loanWith("principal", "0"), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.detail", containsString("more than Rp 0")));

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "61", "-3", "null"})
    void aTermOutsideOneToSixtyMonthsIsRefusedNamingIt(String term) throws Exception {
        disburse(loanWith("termMonths", term), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("termMonths"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aTermInFractionsOfAMonthIsRefused() throws Exception {
        disburse(loanWith("termMonths", "10.5"), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.detail", containsString("termMonths")));

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1001", "null"})
    void aFeeOutsideZeroToOneThousandBasisPointsIsRefusedNamingIt(String basisPoints) throws Exception {
        disburse(loanWith("monthlyFeeBasisPoints", basisPoints), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("monthlyFeeBasisPoints"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aLoanWithoutFeeIsLent() throws Exception {
        disburse(loanWith("monthlyFeeBasisPoints", "0"), lkmOf(CODE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.schedule[0].fee").value(0));

        assertThat(((DisburseLoan) sent()).monthlyFeeBasisPoints()).isZero();
    }

    @Test
    void aLoanNeedsTheKsmItGoesTo() throws Exception {
        disburse(standardLoan().replace("\"ksmId\": \"" + KSM + "\", ", ""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("ksmId"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aKsmIdThatIsNotAUuidIsRefused() throws Exception {
        disburse(loanWith("ksmId", "\"ksm-1\""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.detail", containsString("ksmId")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aLoanDisbursedAfterTodayIsRefused() throws Exception {
        disburse(loanWith("disbursedOn", "\"" + WebSliceConfiguration.TODAY.plusDays(1) + "\""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EFFECTIVE_DATE_IN_FUTURE"));

        verifyNoInteractions(gateway);
    }

    @Test
    void theLkmOfAnotherKelurahanMayNotLendFromThisFund() throws Exception {
        disburse(standardLoan(), lkmOf(OTHER_CODE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aMonitorMayNotDisburseLoans() throws Exception {
        disburse(standardLoan(), monitor())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void anAdminMayNotDisburseLoansForAnLkm() throws Exception {
        disburse(standardLoan(), admin())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aLoanAboveTheCeilingIsUnprocessableAndSaysTheCeiling() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new RuleViolation(RuleViolation.Kind.UNPROCESSABLE,
                "LOAN_CEILING_EXCEEDED", "Rp 2.500.001 exceeds the ceiling of KSM Sumber Rejeki: 5 members × "
                + "Rp 500.000 = Rp 2.500.000 (2500000)."));

        disburse(standardLoan(), lkmOf(CODE))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("LOAN_CEILING_EXCEEDED"))
                .andExpect(jsonPath("$.detail", containsString("(2500000)")));
    }

    @Test
    void aKsmWithAnOutstandingLoanIsAConflict() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.conflict("KSM_HAS_OUTSTANDING_LOAN",
                "KSM Sumber Rejeki still owes on loan " + LOAN + "."));

        disburse(standardLoan(), lkmOf(CODE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("KSM_HAS_OUTSTANDING_LOAN"));
    }

    @Test
    void aLoanToAKsmThatIsNotFormedIsNotFound() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.notFound("KSM_NOT_FOUND",
                "No KSM " + KSM + " is formed in kelurahan " + CODE + "."));

        disburse(standardLoan(), lkmOf(CODE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("KSM_NOT_FOUND"));
    }

    @Test
    void aLoanInAKelurahanThatIsNotRegisteredIsNotFound() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateNotFoundException(CODE, "no events"));

        disburse(standardLoan(), lkmOf(CODE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_FOUND"));
    }

    // --- repayments ------------------------------------------------------------------------------------------------

    private static String repayment(String amount) {
        return "{\"repaymentId\": \"%s\", \"amount\": %s, \"paidOn\": \"2010-05-01\"}".formatted(REPAYMENT, amount);
    }

    @Test
    void aRepaymentIsRecordedInTheLoansKelurahan() throws Exception {
        repay(LOAN, repayment("287500"), lkmOf(CODE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.repaymentId").value(REPAYMENT))
                .andExpect(jsonPath("$.loanId").value(LOAN))
                .andExpect(jsonPath("$.amount").value(287500));

        assertThat(sent()).isEqualTo(new RecordRepayment(CODE, LOAN, REPAYMENT, Rupiah.of(287_500),
                LocalDate.of(2010, 5, 1)));
    }

    @Test
    void withoutARepaymentIdTheServerChoosesOneAndSendsThatSameId() throws Exception {
        MvcResult result = repay(LOAN, "{\"amount\": 287500, \"paidOn\": \"2010-05-01\"}", lkmOf(CODE))
                .andExpect(status().isCreated())
                .andReturn();

        String answered = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(),
                "$.repaymentId");
        assertThat(((RecordRepayment) sent()).repaymentId()).isEqualTo(answered);
    }

    @Test
    void aRepaymentOnAnUnknownLoanIsNotFoundAndNothingIsSent() throws Exception {
        repay(UNKNOWN_LOAN, repayment("287500"), lkmOf(CODE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("LOAN_NOT_FOUND"))
                .andExpect(jsonPath("$.detail", containsString(UNKNOWN_LOAN)));

        verifyNoInteractions(gateway);
    }

    @Test
    void aLoanIdThatIsNotAUuidIsABadRequest() throws Exception {
        repay("loan-1", repayment("287500"), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aRepaymentWithoutAnIdempotencyKeyIsRefused() throws Exception {
        mvc.perform(json(REPAYMENTS, repayment("287500")).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REQUIRED"));

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"287500.5", "287500.00", "2.875e5", "-287500", "\"287500\"", "null"})
    void anAmountThatIsNotAWholeNumberOfRupiahIsRefused(String amount) throws Exception {
        repay(LOAN, repayment(amount), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("amount")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aRepaymentOfZeroRupiahIsRefused() throws Exception {
        repay(LOAN, repayment("0"), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.detail", containsString("more than Rp 0")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aRepaymentPaidAfterTodayIsRefused() throws Exception {
        repay(LOAN, repayment("287500").replace("2010-05-01", WebSliceConfiguration.TODAY.plusDays(1).toString()),
                lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EFFECTIVE_DATE_IN_FUTURE"));

        verifyNoInteractions(gateway);
    }

    @Test
    void theLkmOfAnotherKelurahanMayNotRecordRepaymentsOnThisLoan() throws Exception {
        repay(LOAN, repayment("287500"), lkmOf(OTHER_CODE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_PERMITTED"))
                .andExpect(jsonPath("$.detail", containsString(CODE)));

        verifyNoInteractions(gateway);
    }

    @Test
    void aMonitorMayNotRecordRepayments() throws Exception {
        repay(LOAN, repayment("287500"), monitor())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aMonitorIsRefusedBeforeTheLoanIsLookedUpSoItCannotTellWhichLoansExist() throws Exception {
        repay(UNKNOWN_LOAN, repayment("287500"), monitor())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway, identities);
    }

    @Test
    void aRepaymentOfMoreThanIsOwedIsUnprocessable() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new RuleViolation(RuleViolation.Kind.UNPROCESSABLE,
                "REPAYMENT_EXCEEDS_OUTSTANDING", "Rp 2.575.001 is more than is owed on 2010-06-10: at most "
                + "Rp 2.575.000 (2575000) — fees due and the principal outstanding."));

        repay(LOAN, repayment("2575001"), lkmOf(CODE))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("REPAYMENT_EXCEEDS_OUTSTANDING"))
                .andExpect(jsonPath("$.detail", containsString("(2575000)")));
    }

    @Test
    void aRepaymentOnAClosedLoanIsAConflict() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.conflict("LOAN_CLOSED",
                "Loan " + LOAN + " is closed (repaid or written off)."));

        repay(LOAN, repayment("287500"), lkmOf(CODE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("LOAN_CLOSED"));
    }

    // --- write-off -------------------------------------------------------------------------------------------------

    @Test
    void anAdminWritesOffALoanInItsKelurahan() throws Exception {
        writeOff(LOAN, admin())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.loanId").value(LOAN))
                .andExpect(jsonPath("$.writtenOffOn").value("2010-10-29"));

        assertThat(sent()).isEqualTo(new WriteOffLoan(CODE, LOAN, "macet", LocalDate.of(2010, 10, 29)));
    }

    @Test
    void theLkmMayNotWriteOffItsOwnLoans() throws Exception {
        writeOff(LOAN, lkmOf(CODE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"))
                .andExpect(jsonPath("$.detail", containsString("ADMIN")));

        verifyNoInteractions(gateway);
    }

    @Test
    void anLkmIsRefusedAWriteOffBeforeTheLoanIsLookedUp() throws Exception {
        writeOff(UNKNOWN_LOAN, lkmOf(CODE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway, identities);
    }

    @Test
    void aMonitorMayNotWriteOffLoans() throws Exception {
        writeOff(LOAN, monitor())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aWriteOffWithoutAnIdempotencyKeyIsRefused() throws Exception {
        mvc.perform(json(WRITE_OFF, "{\"reason\": \"macet\", \"writtenOffOn\": \"2010-10-29\"}").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REQUIRED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aWriteOffNeedsAReason() throws Exception {
        mvc.perform(json(WRITE_OFF, "{\"reason\": \"\", \"writtenOffOn\": \"2010-10-29\"}")
                        .header("Idempotency-Key", "write-off-1").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("reason"));

        verifyNoInteractions(gateway);
    }

    @Test
    void anUnknownLoanCannotBeWrittenOff() throws Exception {
        writeOff(UNKNOWN_LOAN, admin())
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("LOAN_NOT_FOUND"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aLoanNotLateEnoughToWriteOffIsAConflict() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.conflict("WRITE_OFF_NOT_ALLOWED",
                "Loan " + LOAN + " has no instalment more than 180 days late on 2010-10-28 (the most is 180 days)."));

        writeOff(LOAN, admin())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("WRITE_OFF_NOT_ALLOWED"))
                .andExpect(jsonPath("$.detail", containsString("180 days")));
    }
}
