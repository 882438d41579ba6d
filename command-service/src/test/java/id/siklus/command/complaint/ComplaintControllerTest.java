package id.siklus.command.complaint;

import id.siklus.api.complaint.FileComplaint;
import id.siklus.api.complaint.ResolveComplaint;
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

@WebMvcTest(ComplaintController.class)
@Import(WebSliceConfiguration.class)
@TestPropertySource(properties = {
        "spring.config.name=command-service",
        "siklus.security.jwt.public-key=classpath:test-jwt-public.pem"})
class ComplaintControllerTest {

    private static final String CODE = "35.71.03.1001";
    private static final String OTHER_CODE = "35.71.03.1002";
    private static final String COMPLAINT = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a";
    private static final String KSM = "6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4";
    private static final String PATH = "/api/v1/kelurahan/" + CODE + "/complaints";
    private static final String RESOLUTION = PATH + "/" + COMPLAINT + "/resolution";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway gateway;

    private static RequestPostProcessor lkmOf(String code) {
        return jwt().jwt(token -> token.subject("lkm-bandar-lor").claim("kelurahan", List.of(code)))
                .authorities(new SimpleGrantedAuthority("ROLE_LKM"));
    }

    private static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject("admin")).authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    private static RequestPostProcessor monitor() {
        return jwt().jwt(token -> token.subject("pemantau").claim("kota", "Kediri"))
                .authorities(new SimpleGrantedAuthority("ROLE_MONITOR"));
    }

    /** A complaint about the drainage works, with one field's JSON value replaced. */
    private static String complaintWith(String field, String jsonValue) {
        String body = """
                {"complaintId": "%s", "channel": " KOTAK_PENGADUAN ", "category": " PEMBANGUNAN ",
                 "text": " Saluran di RT 003 belum tersambung ", "concernsId": "%s", "receivedOn": "2010-06-10"}"""
                .formatted(COMPLAINT, KSM);
        return body.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\d+)", "\"" + field + "\": " + jsonValue);
    }

    private static String validComplaint() {
        return complaintWith("receivedOn", "\"2010-06-10\"");
    }

    private static final String VALID_RESOLUTION =
            "{\"resolution\": \" Sambungan saluran diselesaikan \", \"resolvedOn\": \"2010-07-01\"}";

    private ResultActions file(String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body).with(who));
    }

    private ResultActions resolve(String path, String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(path).contentType(MediaType.APPLICATION_JSON).content(body).with(who));
    }

    private Object sent() {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(sent.capture());
        return ((CommandMessage<?>) sent.getValue()).getPayload();
    }

    // --- filing ----------------------------------------------------------------------------------------------------

    @Test
    void theLkmFilesAComplaintItReceivedWithItsTextTrimmed() throws Exception {
        file(validComplaint(), lkmOf(CODE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.complaintId").value(COMPLAINT));

        assertThat(sent()).isEqualTo(new FileComplaint(CODE, COMPLAINT, "KOTAK_PENGADUAN", "PEMBANGUNAN",
                "Saluran di RT 003 belum tersambung", KSM, LocalDate.of(2010, 6, 10)));
    }

    @Test
    void anAdminMayFileAComplaintForAnyKelurahan() throws Exception {
        file(validComplaint(), admin())
                .andExpect(status().isCreated());

        assertThat(((FileComplaint) sent()).kelurahanCode()).isEqualTo(CODE);
    }

    @Test
    void withoutAComplaintIdTheServerChoosesOneAndSendsThatSameId() throws Exception {
        MvcResult result = file(validComplaint().replace("\"complaintId\": \"" + COMPLAINT + "\", ", ""),
                lkmOf(CODE))
                .andExpect(status().isCreated())
                .andReturn();

        String answered = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(),
                "$.complaintId");
        assertThat(UUID.fromString(answered).toString()).isEqualTo(answered);
        assertThat(((FileComplaint) sent()).complaintId()).isEqualTo(answered);
    }

    @Test
    void aComplaintAboutNothingInParticularIsFiled() throws Exception {
        file(complaintWith("concernsId", "null"), lkmOf(CODE))
                .andExpect(status().isCreated());

        assertThat(((FileComplaint) sent()).concernsId()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel", "category", "text"})
    void aComplaintNeedsItsChannelCategoryAndText(String field) throws Exception {
        file(complaintWith(field, "\"  \""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value(field));

        verifyNoInteractions(gateway);
    }

    @Test
    void aComplaintTextLongerThanFourThousandCharactersIsRefused() throws Exception {
        file(complaintWith("text", "\"" + "x".repeat(4001) + "\""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));

        verifyNoInteractions(gateway);
    }

    @Test
    void whatAComplaintConcernsIsAtMostSixtyFourCharacters() throws Exception {
        file(complaintWith("concernsId", "\"" + "k".repeat(65) + "\""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("concernsId"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aComplaintNeedsTheDayItWasReceived() throws Exception {
        file(complaintWith("receivedOn", "null"), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("receivedOn"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aComplaintReceivedAfterTodayIsRefused() throws Exception {
        file(complaintWith("receivedOn", "\"" + WebSliceConfiguration.TODAY.plusDays(1) + "\""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EFFECTIVE_DATE_IN_FUTURE"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aNumberWhereTextBelongsIsRefused() throws Exception {
        file(complaintWith("channel", "42"), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.detail", containsString("channel")));

        verifyNoInteractions(gateway);
    }

    @Test
    void theLkmOfAnotherKelurahanMayNotFileComplaintsHere() throws Exception {
        file(validComplaint(), lkmOf(OTHER_CODE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aMonitorMayNotFileComplaints() throws Exception {
        file(validComplaint(), monitor())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"))
                .andExpect(jsonPath("$.detail", containsString("LKM or ADMIN")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aComplaintFiledBeforeIsAConflict() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.conflict("COMPLAINT_ALREADY_FILED",
                "Complaint " + COMPLAINT + " is filed already."));

        file(validComplaint(), lkmOf(CODE))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("COMPLAINT_ALREADY_FILED"));
    }

    @Test
    void aComplaintInAKelurahanThatIsNotRegisteredIsNotFound() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateNotFoundException(CODE, "no events"));

        file(validComplaint(), admin())
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_FOUND"));
    }

    // --- resolving -------------------------------------------------------------------------------------------------

    @Test
    void theLkmRecordsHowAComplaintWasResolved() throws Exception {
        resolve(RESOLUTION, VALID_RESOLUTION, lkmOf(CODE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.complaintId").value(COMPLAINT))
                .andExpect(jsonPath("$.resolvedOn").value("2010-07-01"));

        assertThat(sent()).isEqualTo(new ResolveComplaint(CODE, COMPLAINT, "Sambungan saluran diselesaikan",
                LocalDate.of(2010, 7, 1)));
    }

    @Test
    void anAdminMayResolveAComplaint() throws Exception {
        resolve(RESOLUTION, VALID_RESOLUTION, admin())
                .andExpect(status().isOk());

        assertThat(sent()).isEqualTo(new ResolveComplaint(CODE, COMPLAINT, "Sambungan saluran diselesaikan",
                LocalDate.of(2010, 7, 1)));
    }

    @Test
    void theLkmOfAnotherKelurahanMayNotResolveComplaintsHere() throws Exception {
        resolve(RESOLUTION, VALID_RESOLUTION, lkmOf(OTHER_CODE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aMonitorMayNotResolveComplaints() throws Exception {
        resolve(RESOLUTION, VALID_RESOLUTION, monitor())
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aResolutionNeedsItsText() throws Exception {
        resolve(RESOLUTION, "{\"resolution\": \"\", \"resolvedOn\": \"2010-07-01\"}", lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("resolution"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aResolutionAfterTodayIsRefused() throws Exception {
        resolve(RESOLUTION, VALID_RESOLUTION.replace("2010-07-01", WebSliceConfiguration.TODAY.plusDays(1).toString()),
                lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EFFECTIVE_DATE_IN_FUTURE"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aComplaintIdInThePathThatIsNotAUuidIsABadRequest() throws Exception {
        resolve(PATH + "/c-1/resolution", VALID_RESOLUTION, lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));

        verifyNoInteractions(gateway);
    }

    @Test
    void anUnknownComplaintIsNotFound() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.notFound("COMPLAINT_NOT_FOUND",
                "No complaint " + COMPLAINT + " in kelurahan " + CODE + "."));

        resolve(RESOLUTION, VALID_RESOLUTION, lkmOf(CODE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("COMPLAINT_NOT_FOUND"));
    }

    @Test
    void aResolvedComplaintIsAConflict() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.conflict("COMPLAINT_ALREADY_RESOLVED",
                "Complaint " + COMPLAINT + " is resolved already."));

        resolve(RESOLUTION, VALID_RESOLUTION, lkmOf(CODE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("COMPLAINT_ALREADY_RESOLVED"));
    }

    @Test
    void aResolutionBeforeTheComplaintWasReceivedIsUnprocessable() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.unprocessable("CYCLE_DATE_ORDER",
                "A complaint received on 2010-06-10 cannot be resolved on 2010-06-09."));

        resolve(RESOLUTION, VALID_RESOLUTION, lkmOf(CODE))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("CYCLE_DATE_ORDER"))
                .andExpect(jsonPath("$.detail", containsString("2010-06-10")));
    }
}
