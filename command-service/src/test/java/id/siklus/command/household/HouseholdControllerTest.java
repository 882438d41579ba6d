package id.siklus.command.household;

import id.siklus.api.AuditMetadata;
import id.siklus.api.household.PovertyStatus;
import id.siklus.api.household.RegisterHousehold;
import id.siklus.command.platform.CommandSenderMetrics;
import id.siklus.command.platform.WebSliceConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(HouseholdController.class)
@Import(WebSliceConfiguration.class)
@TestPropertySource(properties = {
        "spring.config.name=command-service",
        "siklus.security.jwt.public-key=classpath:test-jwt-public.pem"})
class HouseholdControllerTest {

    private static final String CODE = "35.71.03.1001";
    private static final String OTHER_CODE = "35.71.03.1002";
    private static final String HOUSEHOLD = "2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50";
    private static final String PATH = "/api/v1/kelurahan/" + CODE + "/households";

    @Autowired
    private MockMvc mvc;

    @Autowired
    private MeterRegistry meters;

    @MockitoBean
    private CommandGateway gateway;

    @BeforeEach
    void forgetEarlierMeasurements() {
        meters.clear();
    }

    private static RequestPostProcessor lkmOf(String... codes) {
        return jwt().jwt(token -> token.subject("lkm-bandar-lor").claim("kelurahan", List.of(codes)))
                .authorities(new SimpleGrantedAuthority("ROLE_LKM"));
    }

    private static MockHttpServletRequestBuilder register(String body) {
        return post(PATH).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A valid body with one field's JSON value replaced. */
    private static String bodyWith(String field, String jsonValue) {
        String body = """
                {"householdId": "%s", "rw": "03", "rt": "010", "headName": "Siti Aminah", "members": 4,
                 "povertyStatus": "MISKIN"}""".formatted(HOUSEHOLD);
        return body.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\d+)", "\"" + field + "\": " + jsonValue);
    }

    private static String validBody() {
        return bodyWith("headName", "\"  Siti Aminah \"");
    }

    private CommandMessage<?> sentCommand() {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(sent.capture());
        return (CommandMessage<?>) sent.getValue();
    }

    @Test
    void theLkmOfTheKelurahanRegistersAHouseholdAndIsToldWhereItLives() throws Exception {
        mvc.perform(register(validBody()).with(lkmOf(CODE)).header("Idempotency-Key", "req-7"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost:8082/api/v1/households/" + HOUSEHOLD))
                .andExpect(jsonPath("$.householdId").value(HOUSEHOLD));

        CommandMessage<?> command = sentCommand();
        assertThat(command.getPayload()).isEqualTo(new RegisterHousehold(CODE, HOUSEHOLD, "03", "010",
                "Siti Aminah", 4, PovertyStatus.MISKIN, null, WebSliceConfiguration.TODAY));
        assertThat(command.getMetaData())
                .containsEntry(AuditMetadata.CLIENT_ID, "lkm-bandar-lor")
                .containsEntry(AuditMetadata.REQUEST_ID, "req-7");
        assertThat(CommandSenderMetrics.count(meters, "RegisterHousehold", "accepted")).isEqualTo(1);
    }

    @Test
    void anLkmActingForSeveralKelurahanMayWriteForEachOfThem() throws Exception {
        mvc.perform(register(validBody()).with(lkmOf(OTHER_CODE, CODE)))
                .andExpect(status().isCreated());

        assertThat(((RegisterHousehold) sentCommand().getPayload()).kelurahanCode()).isEqualTo(CODE);
    }

    @Test
    void withoutAHouseholdIdTheServerGivesOneAndSendsThatSameId() throws Exception {
        MvcResult result = mvc.perform(register("""
                        {"rw": "03", "rt": "010", "headName": "Siti Aminah", "members": 4, "povertyStatus": "MISKIN"}""")
                        .with(lkmOf(CODE)))
                .andExpect(status().isCreated())
                .andReturn();

        String location = result.getResponse().getHeader("Location");
        assertThat(location).startsWith("http://localhost:8082/api/v1/households/");
        String generated = location.substring("http://localhost:8082/api/v1/households/".length());
        assertThat(UUID.fromString(generated).toString()).isEqualTo(generated);
        assertThat(((RegisterHousehold) sentCommand().getPayload()).householdId()).isEqualTo(generated);
    }

    @Test
    void aRequestWithoutATokenIsUnauthenticated() throws Exception {
        mvc.perform(register(validBody()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aMonitorMayNotRegisterHouseholds() throws Exception {
        mvc.perform(register(validBody()).with(jwt()
                        .jwt(token -> token.claim("kota", "Kediri"))
                        .authorities(new SimpleGrantedAuthority("ROLE_MONITOR"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void anAdminMayNotRegisterHouseholdsForAnLkm() throws Exception {
        mvc.perform(register(validBody()).with(jwt().authorities(new SimpleGrantedAuthority("ROLE_ADMIN"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void theLkmOfAnotherKelurahanMayNotRegisterHouseholdsHere() throws Exception {
        mvc.perform(register(validBody()).with(lkmOf(OTHER_CODE)))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_PERMITTED"))
                .andExpect(jsonPath("$.type").value("https://siklus.id/problems/kelurahan-not-permitted"))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.detail", containsString(CODE)));

        verifyNoInteractions(gateway);
    }

    @Test
    void anLkmTokenWithoutKelurahanMayWriteNowhere() throws Exception {
        mvc.perform(register(validBody()).with(jwt().authorities(new SimpleGrantedAuthority("ROLE_LKM"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() throws Exception {
        mvc.perform(register("{\"rw\": \"03\" \"rt\": \"010\"}").with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aFieldTheRequestDoesNotKnowIsRefusedByName() throws Exception {
        mvc.perform(register(bodyWith("members", "4, \"address\": \"Jl. Mawar 3\"")).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                .andExpect(jsonPath("$.detail", containsString("'address'")));

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.5", "\"4\"", "4.0", "true", "[4]"})
    void membersThatAreNotAWholeJsonNumberAreRefused(String members) throws Exception {
        mvc.perform(register(bodyWith("members", members)).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.detail", containsString("'members'")));

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "51", "null"})
    void membersOutsideOneToFiftyAreRefusedNamingMembers(String members) throws Exception {
        mvc.perform(register(bodyWith("members", members)).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("members"));

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "\"0003\"", "\"0a\"", "\"\"", "\" 03\"", "null"})
    void anRwThatIsNotTwoOrThreeDigitsIsRefusedNamingRw(String rw) throws Exception {
        mvc.perform(register(bodyWith("rw", rw)).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("rw"))
                .andExpect(jsonPath("$.detail", containsString("'rw'")));

        verifyNoInteractions(gateway);
    }

    @Test
    void anRtThatIsNotTwoOrThreeDigitsIsRefusedNamingRt() throws Exception {
        mvc.perform(register(bodyWith("rt", "\"1\"")).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("rt"));

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\"   \"", "null"})
    void aBlankHeadNameIsRefusedNamingIt(String headName) throws Exception {
        mvc.perform(register(bodyWith("headName", headName)).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("headName"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aPovertyStatusOutsideTheSelfMappingIsRefusedListingTheAllowedOnes() throws Exception {
        mvc.perform(register(bodyWith("povertyStatus", "\"KAYA\"")).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.detail", containsString("HAMPIR_MISKIN")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aHouseholdIdThatIsNotAUuidIsRefused() throws Exception {
        mvc.perform(register(bodyWith("householdId", "\"household-1\"")).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.detail", containsString("'householdId'")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aHouseholdRegisteredBeforeIsAConflict() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(id.siklus.command.RuleViolation.conflict(
                "HOUSEHOLD_ALREADY_REGISTERED", "Household " + HOUSEHOLD + " is already registered."));

        mvc.perform(register(validBody()).with(lkmOf(CODE)))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("HOUSEHOLD_ALREADY_REGISTERED"))
                .andExpect(jsonPath("$.detail", containsString(HOUSEHOLD)));

        assertThat(CommandSenderMetrics.count(meters, "RegisterHousehold", "refused")).isEqualTo(1);
    }

    @Test
    void aHouseholdOfAKelurahanThatIsNotRegisteredIsNotFound() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateNotFoundException(CODE, "no events"));

        mvc.perform(register(validBody()).with(lkmOf(CODE)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("KELURAHAN_NOT_FOUND"))
                .andExpect(jsonPath("$.detail", containsString(CODE)));
    }

    @Test
    void rwAndRtAreRecordedInOneWrittenFormSoTheMapCountsThemAsOne() throws Exception {
        mvc.perform(register(bodyWith("rw", "\"003\"").replace("\"rt\": \"010\"", "\"rt\": \"10\""))
                        .with(lkmOf(CODE)))
                .andExpect(status().isCreated());

        RegisterHousehold sent = (RegisterHousehold) sentCommand().getPayload();
        assertThat(sent.rw()).isEqualTo("03");
        assertThat(sent.rt()).isEqualTo("010");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"00\"", "\"000\""})
    void rwZeroIsRefusedAndNothingIsSent(String rw) throws Exception {
        mvc.perform(register(bodyWith("rw", rw)).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.detail", containsString("'rw'")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aMalformedKelurahanCodeInThePathIsABadRequestNotAForbiddenOne() throws Exception {
        mvc.perform(post("/api/v1/kelurahan/35-71-03/households").contentType(MediaType.APPLICATION_JSON)
                        .content(validBody()).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_KELURAHAN_CODE"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aNumberWhereTextBelongsIsRefusedRatherThanStoredAsText() throws Exception {
        mvc.perform(register(bodyWith("headName", "42")).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_VALUE"))
                .andExpect(jsonPath("$.detail", containsString("headName")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aNikIsSixteenDigitsOrRefused() throws Exception {
        mvc.perform(register(validBody().replace("}", ",\"nik\":\"35710345\"}")).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("'nik'")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aRegistrationDatedAfterTodayIsRefused() throws Exception {
        mvc.perform(register(validBody().replace("}", ",\"registeredOn\":\""
                        + WebSliceConfiguration.TODAY.plusDays(1) + "\"}")).with(lkmOf(CODE)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EFFECTIVE_DATE_IN_FUTURE"));

        verifyNoInteractions(gateway);
    }

    @Test
    void theLkmReclassifiesAHouseholdFromADate() throws Exception {
        mvc.perform(post(PATH + "/" + HOUSEHOLD + "/reclassifications").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"povertyStatus":"HAMPIR_MISKIN","reason":"review 2010","effectiveOn":"2010-05-20"}""")
                        .with(lkmOf(CODE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.povertyStatus").value("HAMPIR_MISKIN"));

        assertThat(sentCommand().getPayload()).isEqualTo(new id.siklus.api.household.ReclassifyHousehold(CODE,
                HOUSEHOLD, PovertyStatus.HAMPIR_MISKIN, "review 2010", java.time.LocalDate.of(2010, 5, 20)));
    }

    @Test
    void aReclassificationOfAnUnknownHouseholdIsNotFound() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(id.siklus.command.RuleViolation.notFound("HOUSEHOLD_NOT_FOUND",
                "No household " + HOUSEHOLD + " is registered in kelurahan " + CODE + "."));

        mvc.perform(post(PATH + "/" + HOUSEHOLD + "/reclassifications").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"povertyStatus":"HAMPIR_MISKIN","reason":"review 2010","effectiveOn":"2010-05-20"}""")
                        .with(lkmOf(CODE)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("HOUSEHOLD_NOT_FOUND"));
    }

    // --- personal data ----------------------------------------------------------------------------------------------

    private static final String FORGET = PATH + "/" + HOUSEHOLD + "/personal-data/forget";

    private static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject("admin-console"))
                .authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    @Test
    void anAdminForgetsAHouseholdsPersonalDataWithALegalBasisAsOfToday() throws Exception {
        mvc.perform(post(FORGET).contentType(MediaType.APPLICATION_JSON).with(admin())
                        .content("{\"legalBasis\": \"  UU PDP 27/2022 Pasal 8 \"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.householdId").value(HOUSEHOLD))
                .andExpect(jsonPath("$.personalData").value("ERASED"))
                .andExpect(jsonPath("$.forgottenOn").value(WebSliceConfiguration.TODAY.toString()));

        CommandMessage<?> command = sentCommand();
        assertThat(command.getPayload()).isEqualTo(new id.siklus.api.household.ForgetHouseholdPersonalData(CODE,
                HOUSEHOLD, "UU PDP 27/2022 Pasal 8", WebSliceConfiguration.TODAY));
        assertThat(command.getMetaData()).containsEntry(AuditMetadata.CLIENT_ID, "admin-console");
    }

    @Test
    void theKelurahansOwnLkmCannotForgetPersonalDataAndNothingIsSent() throws Exception {
        mvc.perform(post(FORGET).contentType(MediaType.APPLICATION_JSON).with(lkmOf(CODE))
                        .content("{\"legalBasis\": \"Permintaan subjek data\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aForgetWithoutALegalBasisIsRefusedAndNothingIsSent() throws Exception {
        for (String body : List.of("{}", "{\"legalBasis\": \"   \"}",
                "{\"legalBasis\": \"" + "x".repeat(501) + "\"}")) {
            mvc.perform(post(FORGET).contentType(MediaType.APPLICATION_JSON).with(admin()).content(body))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("INVALID_FIELD"));
        }

        verifyNoInteractions(gateway);
    }

    /** Spring MVC writes a request's text to its DEBUG log: the name and NIK must not be in it. */
    @Test
    void aRegistrationRequestsTextLeavesTheNameAndNikOut() {
        HouseholdController.RegisterHouseholdRequest request = new HouseholdController.RegisterHouseholdRequest(
                java.util.UUID.fromString(HOUSEHOLD), "03", "010", "Siti Aminah", 4, PovertyStatus.MISKIN,
                "3571034506780001", WebSliceConfiguration.TODAY);

        assertThat(request.toString()).contains(HOUSEHOLD).doesNotContain("Siti").doesNotContain("3571034506780001");
        assertThat(new RegisterHousehold(CODE, HOUSEHOLD, "03", "010", "Siti Aminah", 4, PovertyStatus.MISKIN,
                "3571034506780001", WebSliceConfiguration.TODAY).toString())
                .contains(HOUSEHOLD).doesNotContain("Siti").doesNotContain("3571034506780001");
    }
}
