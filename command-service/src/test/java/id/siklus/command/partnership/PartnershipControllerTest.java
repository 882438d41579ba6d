package id.siklus.command.partnership;

import id.siklus.api.money.Rupiah;
import id.siklus.api.partnership.PartnershipKind;
import id.siklus.api.partnership.RecordPartnership;
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

@WebMvcTest(PartnershipController.class)
@Import(WebSliceConfiguration.class)
@TestPropertySource(properties = {
        "spring.config.name=command-service",
        "siklus.security.jwt.public-key=classpath:test-jwt-public.pem"})
class PartnershipControllerTest {

    private static final String CODE = "35.71.03.1001";
    private static final String OTHER_CODE = "35.71.03.1002";
    private static final String PARTNERSHIP = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final String KSM = "6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4";
    private static final String PATH = "/api/v1/kelurahan/" + CODE + "/partnerships";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway gateway;

    private static RequestPostProcessor lkmOf(String code) {
        return jwt().jwt(token -> token.subject("lkm-bandar-lor").claim("kelurahan", List.of(code)))
                .authorities(new SimpleGrantedAuthority("ROLE_LKM"));
    }

    /** The fisheries office's training of a KSM, with one field's JSON value replaced. */
    private static String bodyWith(String field, String jsonValue) {
        String body = """
                {"partnershipId": "%s", "agency": " Dinas Perikanan Kota Kediri ", "kind": "TRAINING",
                 "ksmId": "%s", "value": 7500000, "startedOn": "2010-06-01"}""".formatted(PARTNERSHIP, KSM);
        return body.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\d+)", "\"" + field + "\": " + jsonValue);
    }

    private static String validBody() {
        return bodyWith("kind", "\"TRAINING\"");
    }

    private ResultActions record(String body, RequestPostProcessor who) throws Exception {
        return mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body).with(who));
    }

    private Object sent() {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(sent.capture());
        return ((CommandMessage<?>) sent.getValue()).getPayload();
    }

    @Test
    void theLkmRecordsAPartnershipWithAKsmAndTheAgencyIsTrimmed() throws Exception {
        record(validBody(), lkmOf(CODE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.partnershipId").value(PARTNERSHIP));

        assertThat(sent()).isEqualTo(new RecordPartnership(CODE, PARTNERSHIP, "Dinas Perikanan Kota Kediri",
                PartnershipKind.TRAINING, KSM, Rupiah.of(7_500_000), LocalDate.of(2010, 6, 1)));
    }

    @Test
    void aPartnershipWithoutKsmOrValueIsRecordedAndGetsAnIdFromTheServer() throws Exception {
        MvcResult result = record("""
                        {"agency": "Puskesmas Mojoroto", "kind": "VENUE", "startedOn": "2010-06-01"}""", lkmOf(CODE))
                .andExpect(status().isCreated())
                .andReturn();

        String answered = com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(),
                "$.partnershipId");
        assertThat(UUID.fromString(answered).toString()).isEqualTo(answered);
        assertThat(sent()).isEqualTo(new RecordPartnership(CODE, answered, "Puskesmas Mojoroto",
                PartnershipKind.VENUE, null, null, LocalDate.of(2010, 6, 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7500000.5", "7500000.0", "7.5e6", "-7500000", "\"7500000\"", "10000000000001"})
    void aValueThatIsNotAWholeNumberOfRupiahIsRefusedNotRounded(String value) throws Exception {
        record(bodyWith("value", value), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("value")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aValueOfZeroRupiahIsRefusedRatherThanRecorded() throws Exception {
        record(bodyWith("value", "0"), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.detail", containsString("'value'")));

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"   \"", "null"})
    void aPartnershipNeedsTheAgency(String agency) throws Exception {
        record(bodyWith("agency", agency), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("agency"));

        verifyNoInteractions(gateway);
    }

    @Test
    void anAgencyNameLongerThanTwoHundredCharactersIsRefused() throws Exception {
        record(bodyWith("agency", "\"" + "D".repeat(201) + "\""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("agency"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aKindOutsideTheKnownOnesIsRefusedListingThem() throws Exception {
        record(bodyWith("kind", "\"SPONSOR\""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.detail", containsString("SEED_STOCK")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aPartnershipNeedsItsKind() throws Exception {
        record(bodyWith("kind", "null"), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aKsmIdThatIsNotAUuidIsRefused() throws Exception {
        record(bodyWith("ksmId", "\"ksm-1\""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.detail", containsString("ksmId")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aPartnershipNeedsTheDayItStarted() throws Exception {
        record(bodyWith("startedOn", "null"), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("startedOn"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aPartnershipStartingAfterTodayIsRefused() throws Exception {
        record(bodyWith("startedOn", "\"" + WebSliceConfiguration.TODAY.plusDays(1) + "\""), lkmOf(CODE))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EFFECTIVE_DATE_IN_FUTURE"));

        verifyNoInteractions(gateway);
    }

    @Test
    void theLkmOfAnotherKelurahanMayNotRecordPartnershipsHere() throws Exception {
        record(validBody(), lkmOf(OTHER_CODE))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aMonitorMayNotRecordPartnerships() throws Exception {
        record(validBody(), jwt().jwt(token -> token.claim("kota", "Kediri"))
                .authorities(new SimpleGrantedAuthority("ROLE_MONITOR")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void anAdminMayNotRecordPartnershipsForAnLkm() throws Exception {
        record(validBody(), jwt().authorities(new SimpleGrantedAuthority("ROLE_ADMIN")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aPartnershipWithAKsmThatIsNotFormedIsNotFound() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.notFound("KSM_NOT_FOUND",
                "No KSM " + KSM + " is formed in kelurahan " + CODE + "."));

        record(validBody(), lkmOf(CODE))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("KSM_NOT_FOUND"))
                .andExpect(jsonPath("$.detail", containsString(KSM)));
    }

    @Test
    void aPartnershipRecordedBeforeIsAConflict() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(RuleViolation.conflict("PARTNERSHIP_ALREADY_RECORDED",
                "Partnership " + PARTNERSHIP + " is recorded already."));

        record(validBody(), lkmOf(CODE))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PARTNERSHIP_ALREADY_RECORDED"));
    }

    @Test
    void aPartnershipInAKelurahanThatIsNotRegisteredIsNotFound() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateNotFoundException(CODE, "no events"));

        record(validBody(), lkmOf(CODE))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_FOUND"));
    }
}
