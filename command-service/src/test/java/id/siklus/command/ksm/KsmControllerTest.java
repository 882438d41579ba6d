package id.siklus.command.ksm;

import id.siklus.api.ksm.AddKsmMember;
import id.siklus.api.ksm.DissolveKsm;
import id.siklus.api.ksm.FormKsm;
import id.siklus.api.ksm.KsmPurpose;
import id.siklus.api.ksm.RemoveKsmMember;
import id.siklus.command.RuleViolation;
import id.siklus.command.platform.WebSliceConfiguration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(KsmController.class)
@Import(WebSliceConfiguration.class)
@TestPropertySource(properties = {
        "spring.config.name=command-service",
        "siklus.security.jwt.public-key=classpath:test-jwt-public.pem"})
class KsmControllerTest {

    private static final String CODE = "35.71.03.1001";
    private static final String OTHER_CODE = "35.71.03.1002";
    private static final String KSM = "6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4";
    private static final String H1 = "2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50";
    private static final String H2 = "2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f51";
    private static final String H3 = "2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f52";
    private static final String PATH = "/api/v1/kelurahan/" + CODE + "/ksm";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway gateway;

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

    private static String formBody(String members) {
        return """
                {"ksmId": "%s", "name": "  KSM Sumber Rejeki ", "purpose": "EKONOMI",
                 "memberHouseholdIds": %s, "formedOn": "2010-03-15"}""".formatted(KSM, members);
    }

    private static String validFormBody() {
        return formBody("[\"%s\", \"%s\", \"%s\"]".formatted(H1, H2, H3));
    }

    private ResultActions form(String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body).with(who));
    }

    private ResultActions postTo(String path, String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body).with(who));
    }

    private Object sent() {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(sent.capture());
        return ((CommandMessage<?>) sent.getValue()).getPayload();
    }

    // --- forming ---------------------------------------------------------------------------------------------------

    @Test
    void theLkmFormsAKsmAndTheNameIsTrimmed() throws Exception {
        form(validFormBody(), lkmOf(CODE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ksmId").value(KSM));

        assertThat(sent()).isEqualTo(new FormKsm(CODE, KSM, "KSM Sumber Rejeki", KsmPurpose.EKONOMI,
                List.of(H1, H2, H3), LocalDate.of(2010, 3, 15)));
    }

    @Test
    void withoutAKsmIdTheServerChoosesOneAndSendsThatSameId() throws Exception {
        MvcResult result = form(validFormBody().replace("\"ksmId\": \"" + KSM + "\", ", ""), lkmOf(CODE))
                .andExpect(status().isCreated())
                .andReturn();

        String answered = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), "$.ksmId");
        assertThat(UUID.fromString(answered).toString()).isEqualTo(answered);
        assertThat(((FormKsm) sent()).ksmId()).isEqualTo(answered);
    }

    @Test
    void memberIdsAreSentInTheirCanonicalLowerCaseForm() throws Exception {
        form(formBody("[\"%s\", \"%s\", \"%s\"]".formatted(H1.toUpperCase(), H2, H3)), lkmOf(CODE))
                .andExpect(status().isCreated());

        assertThat(((FormKsm) sent()).memberHouseholdIds()).containsExactly(H1, H2, H3);
    }

    @Test
    void aHouseholdListedTwiceIsRefusedBeforeAnythingIsSent() throws Exception {
        form(formBody("[\"%s\", \"%s\", \"%s\"]".formatted(H1, H2, H1)), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.detail", containsString("'memberHouseholdIds'")));

        verifyNoInteractions(gateway);
    }

    @Test
    void theSameHouseholdInUpperAndLowerCaseIsListedTwice() throws Exception {
        form(formBody("[\"%s\", \"%s\", \"%s\"]".formatted(H1, H2, H1.toUpperCase())), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"));

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "null"})
    void aKsmWithoutMembersIsRefusedNamingTheField(String members) throws Exception {
        form(formBody(members), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("memberHouseholdIds"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aNullAmongTheMembersIsRefused() throws Exception {
        form(formBody("[\"%s\", null, \"%s\"]".formatted(H1, H3)), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field", containsString("memberHouseholdIds")));

        verifyNoInteractions(gateway);
    }

    @Test
    void moreThanFiftyMembersAreRefused() throws Exception {
        StringBuilder members = new StringBuilder("[");
        for (int i = 0; i < 51; i++) {
            members.append(i == 0 ? "" : ",").append('"').append(UUID.randomUUID()).append('"');
        }
        form(formBody(members.append(']').toString()), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("memberHouseholdIds"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aMemberIdThatIsNotAUuidIsRefused() throws Exception {
        form(formBody("[\"%s\", \"h-2\", \"%s\"]".formatted(H1, H3)), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.detail", containsString("memberHouseholdIds")));

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"   \"", "null"})
    void aKsmNeedsAName(String name) throws Exception {
        form(validFormBody().replace("\"  KSM Sumber Rejeki \"", name), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aPurposeOutsideTridayaIsRefusedListingTheAllowedOnes() throws Exception {
        form(validFormBody().replace("\"EKONOMI\"", "\"DAGANG\""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.detail", containsString("LINGKUNGAN")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aKsmNeedsTheDayItWasFormed() throws Exception {
        form(validFormBody().replace(", \"formedOn\": \"2010-03-15\"", ""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("formedOn"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aKsmFormedAfterTodayIsRefused() throws Exception {
        form(validFormBody().replace("2010-03-15", WebSliceConfiguration.TODAY.plusDays(1).toString()), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EFFECTIVE_DATE_IN_FUTURE"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aRequestWithoutATokenIsUnauthenticated() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(validFormBody()))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void theLkmOfAnotherKelurahanMayNotFormKsmHere() throws Exception {
        form(validFormBody(), lkmOf(OTHER_CODE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aMonitorMayNotFormKsm() throws Exception {
        form(validFormBody(), monitor())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void anAdminMayNotFormKsmForAnLkm() throws Exception {
        form(validFormBody(), admin())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aMalformedKelurahanCodeIsABadRequest() throws Exception {
        mvc.perform(post("/api/v1/kelurahan/35-71-03/ksm").contentType(MediaType.APPLICATION_JSON)
                        .content(validFormBody()).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_KELURAHAN_CODE"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aKsmWithTooFewPoorMembersIsUnprocessable() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.unprocessable("KSM_TOO_FEW_POOR",
                "At least 50% of an EKONOMI KSM's members are MISKIN households; 1 of 3 are."));

        form(validFormBody(), lkmOf(CODE))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("KSM_TOO_FEW_POOR"))
                .andExpect(jsonPath("$.detail", containsString("1 of 3")));
    }

    @Test
    void aMemberOfAnotherEkonomiKsmIsAConflict() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.conflict("HOUSEHOLD_IN_ANOTHER_KSM",
                "Household " + H1 + " belongs to EKONOMI KSM ksm-1 already."));

        form(validFormBody(), lkmOf(CODE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("HOUSEHOLD_IN_ANOTHER_KSM"));
    }

    @Test
    void anUnregisteredMemberIsNotFound() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.notFound("HOUSEHOLD_NOT_FOUND",
                "Not registered in kelurahan " + CODE + ": [" + H3 + "]."));

        form(validFormBody(), lkmOf(CODE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("HOUSEHOLD_NOT_FOUND"))
                .andExpect(jsonPath("$.detail", containsString(H3)));
    }

    @Test
    void aKsmInAKelurahanThatIsNotRegisteredIsNotFound() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateNotFoundException(CODE, "no events"));

        form(validFormBody(), lkmOf(CODE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_FOUND"));
    }

    // --- members ---------------------------------------------------------------------------------------------------

    @Test
    void aHouseholdJoinsTheKsm() throws Exception {
        postTo(PATH + "/" + KSM + "/members", "{\"householdId\": \"%s\", \"joinedOn\": \"2010-05-02\"}"
                .formatted(H1), lkmOf(CODE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ksmId").value(KSM))
                .andExpect(jsonPath("$.householdId").value(H1))
                .andExpect(jsonPath("$.on").value("2010-05-02"));

        assertThat(sent()).isEqualTo(new AddKsmMember(CODE, KSM, H1, LocalDate.of(2010, 5, 2)));
    }

    @Test
    void aJoiningHouseholdNeedsAnId() throws Exception {
        postTo(PATH + "/" + KSM + "/members", "{\"joinedOn\": \"2010-05-02\"}", lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("householdId"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aKsmIdInThePathThatIsNotAUuidIsABadRequest() throws Exception {
        postTo(PATH + "/ksm-1/members", "{\"householdId\": \"%s\", \"joinedOn\": \"2010-05-02\"}".formatted(H1),
                lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aHouseholdAlreadyInTheKsmIsAConflict() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.conflict("ALREADY_A_MEMBER",
                "Household " + H1 + " is a member of KSM Sumber Rejeki already."));

        postTo(PATH + "/" + KSM + "/members", "{\"householdId\": \"%s\", \"joinedOn\": \"2010-05-02\"}"
                .formatted(H1), lkmOf(CODE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ALREADY_A_MEMBER"));
    }

    @Test
    void aHouseholdLeavesTheKsmWithItsReasonTrimmed() throws Exception {
        postTo(PATH + "/" + KSM + "/members/" + H2 + "/removal",
                "{\"reason\": \" pindah rumah \", \"leftOn\": \"2010-06-01\"}", lkmOf(CODE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ksmId").value(KSM))
                .andExpect(jsonPath("$.householdId").value(H2))
                .andExpect(jsonPath("$.on").value("2010-06-01"));

        assertThat(sent()).isEqualTo(new RemoveKsmMember(CODE, KSM, H2, "pindah rumah", LocalDate.of(2010, 6, 1)));
    }

    @Test
    void aHouseholdLeavesOnlyWithAReason() throws Exception {
        postTo(PATH + "/" + KSM + "/members/" + H2 + "/removal", "{\"reason\": \" \", \"leftOn\": \"2010-06-01\"}",
                lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aHouseholdThatIsNotAMemberIsNotFound() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.notFound("NOT_A_MEMBER",
                "Household " + H2 + " is not a member of KSM Sumber Rejeki."));

        postTo(PATH + "/" + KSM + "/members/" + H2 + "/removal",
                "{\"reason\": \"pindah rumah\", \"leftOn\": \"2010-06-01\"}", lkmOf(CODE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOT_A_MEMBER"));
    }

    @Test
    void theLkmOfAnotherKelurahanMayNotChangeItsMembers() throws Exception {
        postTo(PATH + "/" + KSM + "/members/" + H2 + "/removal",
                "{\"reason\": \"pindah rumah\", \"leftOn\": \"2010-06-01\"}", lkmOf(OTHER_CODE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    // --- dissolution -----------------------------------------------------------------------------------------------

    @Test
    void theLkmDissolvesAKsm() throws Exception {
        postTo(PATH + "/" + KSM + "/dissolution", "{\"reason\": \"anggota sepakat\", \"dissolvedOn\": \"2011-03-01\"}",
                lkmOf(CODE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ksmId").value(KSM))
                .andExpect(jsonPath("$.dissolvedOn").value("2011-03-01"));

        assertThat(sent()).isEqualTo(new DissolveKsm(CODE, KSM, "anggota sepakat", LocalDate.of(2011, 3, 1)));
    }

    @Test
    void aDissolutionNeedsItsDay() throws Exception {
        postTo(PATH + "/" + KSM + "/dissolution", "{\"reason\": \"anggota sepakat\"}", lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dissolvedOn"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aKsmWithAnOutstandingLoanCannotBeDissolved() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.conflict("KSM_HAS_OUTSTANDING_LOAN",
                "KSM Sumber Rejeki still owes on loan loan-1."));

        postTo(PATH + "/" + KSM + "/dissolution", "{\"reason\": \"anggota sepakat\", \"dissolvedOn\": \"2011-03-01\"}",
                lkmOf(CODE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("KSM_HAS_OUTSTANDING_LOAN"))
                .andExpect(jsonPath("$.detail", containsString("loan-1")));
    }

    @Test
    void aMonitorMayNotDissolveAKsm() throws Exception {
        postTo(PATH + "/" + KSM + "/dissolution", "{\"reason\": \"anggota sepakat\", \"dissolvedOn\": \"2011-03-01\"}",
                monitor())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }
}
