package id.siklus.command.cycle;

import id.siklus.api.cycle.CycleStage;
import id.siklus.api.cycle.Participants;
import id.siklus.api.cycle.RecordCycleStage;
import id.siklus.command.RuleViolation;
import id.siklus.command.platform.WebSliceConfiguration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.List;

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

@WebMvcTest(CycleController.class)
@Import(WebSliceConfiguration.class)
@TestPropertySource(properties = {
        "spring.config.name=command-service",
        "siklus.security.jwt.public-key=classpath:test-jwt-public.pem"})
class CycleControllerTest {

    private static final String CODE = "35.71.03.1001";
    private static final String PATH = "/api/v1/kelurahan/" + CODE + "/cycle-stages";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway gateway;

    private static RequestPostProcessor lkmOf(String... codes) {
        return jwt().jwt(token -> token.subject("lkm-bandar-lor").claim("kelurahan", List.of(codes)))
                .authorities(new SimpleGrantedAuthority("ROLE_LKM"));
    }

    private ResultActions record(String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body).with(who));
    }

    private static String stage(String stage, String heldOn, String extra) {
        return """
                {"stage":"%s","heldOn":"%s","participants":{"men":40,"women":35,"poor":30}%s}"""
                .formatted(stage, heldOn, extra);
    }

    private RecordCycleStage sent() {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(sent.capture());
        return (RecordCycleStage) ((CommandMessage<?>) sent.getValue()).getPayload();
    }

    @Test
    void theLkmRecordsThePovertyReflectionWithItsParticipants() throws Exception {
        record(stage("REFLEKSI_KEMISKINAN", "2009-03-14", ",\"notes\":\" FGD di balai RW \""), lkmOf(CODE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("REFLEKSI_KEMISKINAN"))
                .andExpect(jsonPath("$.heldOn").value("2009-03-14"));

        assertThat(sent()).isEqualTo(new RecordCycleStage(CODE, CycleStage.REFLEKSI_KEMISKINAN,
                LocalDate.of(2009, 3, 14), new Participants(40, 35, 30), "FGD di balai RW", null, null, null));
    }

    @Test
    void aPlanCarriesTheYearsItCovers() throws Exception {
        record(stage("PJM_PRONANGKIS", "2009-08-15", ",\"fromYear\":2010,\"toYear\":2012"), lkmOf(CODE))
                .andExpect(status().isOk());

        assertThat(sent().fromYear()).isEqualTo(2010);
    }

    @Test
    void morePoorParticipantsThanParticipantsIsRefused() throws Exception {
        record("""
                {"stage":"REFLEKSI_KEMISKINAN","heldOn":"2009-03-14","participants":{"men":4,"women":3,"poor":8}}""",
                lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("PARTICIPANTS_INCONSISTENT"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aStageDatedAfterTodayIsRefused() throws Exception {
        record(stage("REFLEKSI_KEMISKINAN", WebSliceConfiguration.TODAY.plusDays(1).toString(), ""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EFFECTIVE_DATE_IN_FUTURE"))
                .andExpect(jsonPath("$.detail", containsString("heldOn")));

        verifyNoInteractions(gateway);
    }

    @Test
    void formingTheLkmNeedsItsName() throws Exception {
        record(stage("PEMBENTUKAN_LKM", "2009-06-06", ""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("lkmName")));

        verifyNoInteractions(gateway);
    }

    @Test
    void yearsOnAStageThatIsNotAPlanAreRefused() throws Exception {
        record(stage("PEMETAAN_SWADAYA", "2009-04-20", ",\"fromYear\":2010,\"toYear\":2012"), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("PJM_PRONANGKIS only")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aPlanEndingBeforeItStartsIsRefused() throws Exception {
        record(stage("PJM_PRONANGKIS", "2009-08-15", ",\"fromYear\":2012,\"toYear\":2010"), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"));

        verifyNoInteractions(gateway);
    }

    @Test
    void anUnknownStageIsRefusedListingTheStages() throws Exception {
        record(stage("PEMBENTUKAN_KSM", "2009-08-15", ""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.detail", containsString("PEMETAAN_SWADAYA")));

        verifyNoInteractions(gateway);
    }

    @Test
    void anotherKelurahansLkmMayNotRecordHere() throws Exception {
        record(stage("REFLEKSI_KEMISKINAN", "2009-03-14", ""), lkmOf("35.71.03.1002"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aStageOutOfOrderIsAConflictNamingTheMissingStage() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.conflict("CYCLE_ORDER",
                "PEMETAAN_SWADAYA cannot be recorded before REFLEKSI_KEMISKINAN; record REFLEKSI_KEMISKINAN first."));

        record(stage("PEMETAAN_SWADAYA", "2009-04-20", ""), lkmOf(CODE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CYCLE_ORDER"))
                .andExpect(jsonPath("$.detail", containsString("record REFLEKSI_KEMISKINAN first")));
    }

    @Test
    void aDateBeforeThePreviousStageIsUnprocessable() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.unprocessable("CYCLE_DATE_ORDER", "too early"));

        record(stage("PEMETAAN_SWADAYA", "2009-01-01", ""), lkmOf(CODE))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("CYCLE_DATE_ORDER"));
    }

    @Test
    void aStageOfAnUnregisteredKelurahanIsNotFound() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateNotFoundException(CODE, "no such aggregate"));

        record(stage("REFLEKSI_KEMISKINAN", "2009-03-14", ""), lkmOf(CODE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_FOUND"));
    }
}
