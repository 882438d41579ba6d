package id.siklus.command.kelurahan;

import id.siklus.api.AuditMetadata;
import id.siklus.api.kelurahan.RegisterKelurahan;
import id.siklus.command.platform.CommandSenderMetrics;
import id.siklus.command.platform.WebSliceConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(KelurahanController.class)
@Import(WebSliceConfiguration.class)
@TestPropertySource(properties = {
        "spring.config.name=command-service",
        "siklus.security.jwt.public-key=classpath:test-jwt-public.pem"})
class KelurahanControllerTest {

    private static final String CODE = "35.71.03.1001";
    private static final String VALID_BODY = """
            {"code": "35.71.03.1001", "name": "  Bandar Lor ", "kecamatan": "Mojoroto", "kota": "Kediri"}""";

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

    private static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject("admin-console"))
                .authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    private static MockHttpServletRequestBuilder register(String body) {
        return post("/api/v1/kelurahan").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void anAdminRegistersAKelurahanAndIsToldWhereItLives() throws Exception {
        mvc.perform(register(VALID_BODY).with(admin())
                        .header("Idempotency-Key", "req-1")
                        .header("X-Correlation-Id", "corr-1")
                        .header("X-User-Id", "operator@kediri"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "http://localhost:8082/api/v1/kelurahan/" + CODE))
                .andExpect(jsonPath("$.code").value(CODE));

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(sent.capture());
        CommandMessage<?> command = (CommandMessage<?>) sent.getValue();
        assertThat(command.getPayload())
                .isEqualTo(new RegisterKelurahan(CODE, "Bandar Lor", "Mojoroto", "Kediri"));
        assertThat(command.getMetaData())
                .containsEntry(AuditMetadata.CLIENT_ID, "admin-console")
                .containsEntry(AuditMetadata.REQUEST_ID, "req-1")
                .containsEntry(AuditMetadata.CORRELATION_ID, "corr-1")
                .containsEntry(AuditMetadata.USER_ID, "operator@kediri");
        assertThat(CommandSenderMetrics.count(meters, "RegisterKelurahan", "accepted")).isEqualTo(1);
    }

    @Test
    void withoutAnIdempotencyKeyTheServerNamesTheRequestAndCorrelatesByIt() throws Exception {
        mvc.perform(register(VALID_BODY).with(admin())).andExpect(status().isCreated());

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(sent.capture());
        CommandMessage<?> command = (CommandMessage<?>) sent.getValue();
        assertThat(command.getMetaData().get(AuditMetadata.REQUEST_ID)).asString().isNotBlank();
        assertThat(command.getMetaData().get(AuditMetadata.CORRELATION_ID))
                .isEqualTo(command.getMetaData().get(AuditMetadata.REQUEST_ID));
        assertThat(command.getMetaData()).doesNotContainKey(AuditMetadata.USER_ID);
    }

    @Test
    void aRequestWithoutATokenIsUnauthenticated() throws Exception {
        mvc.perform(register(VALID_BODY))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("WWW-Authenticate", "Bearer"))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aBearerTokenThatDoesNotVerifyAgainstTheConfiguredKeyIsUnauthenticated() throws Exception {
        mvc.perform(register(VALID_BODY).header("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aMonitorMayNotRegisterAKelurahan() throws Exception {
        mvc.perform(register(VALID_BODY).with(jwt().authorities(new SimpleGrantedAuthority("ROLE_MONITOR"))))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"))
                .andExpect(jsonPath("$.detail", containsString("ADMIN")));

        verifyNoInteractions(gateway);
    }

    @Test
    void anLkmMayNotRegisterAKelurahanEvenItsOwn() throws Exception {
        mvc.perform(register(VALID_BODY).with(jwt()
                        .jwt(token -> token.claim("kelurahan", List.of(CODE)))
                        .authorities(new SimpleGrantedAuthority("ROLE_LKM"))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_PERMITTED"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aBodyThatIsNotJsonIsMalformed() throws Exception {
        mvc.perform(register("{\"code\": \"35.71.03.1001\", \"name\": ").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aRequestWithoutABodyIsRefused() throws Exception {
        mvc.perform(post("/api/v1/kelurahan").contentType(MediaType.APPLICATION_JSON).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MISSING_BODY"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aFieldTheRequestDoesNotKnowIsRefusedByName() throws Exception {
        mvc.perform(register("""
                        {"code": "35.71.03.1001", "name": "Bandar Lor", "kecamatan": "Mojoroto", "kota": "Kediri",
                         "provinsi": "Jawa Timur"}""").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("UNKNOWN_FIELD"))
                .andExpect(jsonPath("$.detail", containsString("provinsi")));

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"35.71.03.100", "35-71-03-1001", "3571031001", "35.71.03.1001 ", ""})
    void aCodeThatIsNotAKemendagriCodeIsRefusedNamingTheCode(String code) throws Exception {
        mvc.perform(register("""
                        {"code": "%s", "name": "Bandar Lor", "kecamatan": "Mojoroto", "kota": "Kediri"}"""
                        .formatted(code)).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("code"))
                .andExpect(jsonPath("$.detail", containsString("'code'")));

        verifyNoInteractions(gateway);
    }

    @Test
    void aMissingCodeIsRefusedNamingTheCode() throws Exception {
        mvc.perform(register("""
                        {"name": "Bandar Lor", "kecamatan": "Mojoroto", "kota": "Kediri"}""").with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("code"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aBlankNameIsRefusedNamingTheName() throws Exception {
        mvc.perform(register("""
                        {"code": "35.71.03.1001", "name": "   ", "kecamatan": "Mojoroto", "kota": "Kediri"}""")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aNameLongerThan120CharactersIsRefused() throws Exception {
        mvc.perform(register("""
                        {"code": "35.71.03.1001", "name": "%s", "kecamatan": "Mojoroto", "kota": "Kediri"}"""
                        .formatted("a".repeat(121))).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_FIELD"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));

        verifyNoInteractions(gateway);
    }

    @Test
    void aSecondRegistrationOfTheSameCodeIsAConflict() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new AggregateStreamCreationException("exists"));

        mvc.perform(register(VALID_BODY).with(admin()))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("KELURAHAN_ALREADY_REGISTERED"))
                .andExpect(jsonPath("$.detail", containsString(CODE)));

        assertThat(CommandSenderMetrics.count(meters, "RegisterKelurahan", "refused")).isEqualTo(1);
    }

    @Test
    void aConcurrentChangeIsAConflictTheClientMayRetry() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new ConcurrencyException("sequence taken"));

        mvc.perform(register(VALID_BODY).with(admin()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CONCURRENT_CHANGE"));
    }

    @Test
    void anEventStoreFailureIsReportedAsUnavailableWithARetryHint() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new EventStoreException("connection refused"));

        mvc.perform(register(VALID_BODY).with(admin()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("STORE_UNAVAILABLE"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(5));

        assertThat(CommandSenderMetrics.count(meters, "RegisterKelurahan", "failed")).isEqualTo(1);
    }

    @Test
    void aPoolWithEveryConnectionBusyIsReportedAsBusyWithAShortRetryHintNotAsAnOutage() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new org.springframework.transaction.CannotCreateTransactionException(
                "Could not open JDBC Connection for transaction", new java.sql.SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 1000ms "
                        + "(total=16, active=16, idle=0, waiting=40)")));

        mvc.perform(register(VALID_BODY).with(admin()))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.code").value("SERVICE_BUSY"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(1));
    }

    @Test
    void anUnexpectedFailureIsAnInternalErrorAndCountedAsFailed() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new IllegalStateException("boom"));

        mvc.perform(register(VALID_BODY).with(admin()))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"));

        assertThat(CommandSenderMetrics.count(meters, "RegisterKelurahan", "accepted"))
                .as("a command that failed must not be counted as accepted").isZero();
        assertThat(CommandSenderMetrics.count(meters, "RegisterKelurahan", "failed")).isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyWithCharactersOutsideTheSafeSetIsRefusedBeforeSending() throws Exception {
        mvc.perform(register(VALID_BODY).with(admin()).header("Idempotency-Key", "key with spaces"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_HEADER"))
                .andExpect(jsonPath("$.detail", containsString("Idempotency-Key")));

        verifyNoInteractions(gateway);
    }
}
