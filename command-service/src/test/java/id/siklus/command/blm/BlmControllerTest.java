package id.siklus.command.blm;

import id.siklus.api.blm.AllocateBlm;
import id.siklus.api.blm.BlmCategory;
import id.siklus.api.blm.DisburseBlm;
import id.siklus.api.money.Rupiah;
import id.siklus.command.RuleViolation;
import id.siklus.command.platform.WebSliceConfiguration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(BlmController.class)
@Import(WebSliceConfiguration.class)
@TestPropertySource(properties = {
        "spring.config.name=command-service",
        "siklus.security.jwt.public-key=classpath:test-jwt-public.pem"})
class BlmControllerTest {

    private static final String CODE = "35.71.03.1001";
    private static final String BLM = "/api/v1/kelurahan/" + CODE + "/blm/2010";

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private CommandGateway gateway;

    private static RequestPostProcessor admin() {
        return jwt().jwt(token -> token.subject("admin")).authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
    }

    private static RequestPostProcessor lkm() {
        return jwt().jwt(token -> token.subject("lkm-bandar-lor").claim("kelurahan", List.of(CODE)))
                .authorities(new SimpleGrantedAuthority("ROLE_LKM"));
    }

    private ResultActions allocate(String pagu, String key) throws Exception {
        var request = post(BLM + "/allocation").contentType(MediaType.APPLICATION_JSON)
                .content("{\"pagu\":" + pagu + ",\"receivedOn\":\"2010-02-01\"}").with(admin());
        return mvc.perform(key == null ? request : request.header("Idempotency-Key", key));
    }

    private ResultActions disburse(String amount) throws Exception {
        return mvc.perform(post(BLM + "/disbursements").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "d-1")
                .content("""
                        {"category":"LINGKUNGAN","amount":%s,"activity":"Perbaikan saluran","disbursedOn":"2010-03-01"}"""
                        .formatted(amount))
                .with(lkm()));
    }

    private Object sent() {
        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(gateway).sendAndWait(sent.capture());
        return ((CommandMessage<?>) sent.getValue()).getPayload();
    }

    @Test
    void anAdminAllocatesTheYearsPaguInWholeRupiah() throws Exception {
        allocate("200000000", "pagu-2010")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.pagu").value(200000000))
                .andExpect(jsonPath("$.year").value(2010));

        assertThat(sent()).isEqualTo(new AllocateBlm(CODE, 2010, Rupiah.of(200_000_000), LocalDate.of(2010, 2, 1)));
    }

    @Test
    void aMoneyCommandWithoutAnIdempotencyKeyIsRefused() throws Exception {
        allocate("200000000", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("IDEMPOTENCY_KEY_REQUIRED"));

        verifyNoInteractions(gateway);
    }

    @ParameterizedTest
    @ValueSource(strings = {"200000000.5", "200000000.0", "2e8", "-5", "\"200000000\"", "12345678901234567890",
            "10000000000001", "true", "null", "{}"})
    void anAmountThatIsNotAWholeNumberOfRupiahIsRefusedNotRounded(String pagu) throws Exception {
        allocate(pagu, "pagu-2010")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("pagu")));

        verifyNoInteractions(gateway);
    }

    @Test
    void notANumberIsMalformedJson() throws Exception {
        allocate("NaN", "pagu-2010")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"));

        verifyNoInteractions(gateway);
    }

    @Test
    void zeroRupiahIsNotAnAllocation() throws Exception {
        allocate("0", "pagu-2010")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("more than Rp 0")));

        verifyNoInteractions(gateway);
    }

    @Test
    void anLkmMayNotAllocateItsOwnBlm() throws Exception {
        mvc.perform(post(BLM + "/allocation").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "k")
                        .content("{\"pagu\":200000000,\"receivedOn\":\"2010-02-01\"}").with(lkm()))
                .andExpect(status().isForbidden());

        verifyNoInteractions(gateway);
    }

    @Test
    void theLkmBooksAUseAndGetsItsId() throws Exception {
        disburse("120750000")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.disbursementId").isNotEmpty())
                .andExpect(jsonPath("$.amount").value(120750000));

        DisburseBlm command = (DisburseBlm) sent();
        assertThat(command.amount()).isEqualTo(Rupiah.of(120_750_000));
        assertThat(command.category()).isEqualTo(BlmCategory.LINGKUNGAN);
    }

    @Test
    void aUseBeyondThePaguIsUnprocessableAndSaysWhatRemains() throws Exception {
        when(gateway.sendAndWait(any())).thenThrow(new RuleViolation(RuleViolation.Kind.UNPROCESSABLE,
                "BLM_PAGU_EXCEEDED", "Rp 120.750.000 exceeds what is left: Rp 79.250.000 (79250000) remains."));

        disburse("120750000")
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("BLM_PAGU_EXCEEDED"))
                .andExpect(jsonPath("$.detail", containsString("79250000")));
    }

    @Test
    void aYearOutsideTheProgramsRangeIsRefused() throws Exception {
        mvc.perform(post("/api/v1/kelurahan/" + CODE + "/blm/1999/allocation").contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", "k").content("{\"pagu\":1,\"receivedOn\":\"2010-02-01\"}")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_PARAMETER"));

        verifyNoInteractions(gateway);
    }
}
