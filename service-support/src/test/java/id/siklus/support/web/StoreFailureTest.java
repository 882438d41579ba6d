package id.siklus.support.web;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class StoreFailureTest {

    /** What HikariCP throws when every connection stayed lent out for its connection timeout. */
    private static final SQLTransientConnectionException POOL_EXHAUSTED = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 1000ms "
                    + "(total=16, active=16, idle=0, waiting=159)");

    /** What it throws when it tried to connect and PostgreSQL did not answer: the failure is the cause. */
    private static SQLTransientConnectionException poolCannotConnect() {
        return new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out "
                + "after 1000ms (total=0, active=0, idle=0, waiting=3)",
                new SQLException("Connection to localhost:55432 refused", "08001", new ConnectException()));
    }

    @Test
    void aPoolWhoseConnectionsAreAllLentOutIsBusyNotAnOutage() {
        assertThat(StoreFailure.of(POOL_EXHAUSTED)).contains(StoreFailure.BUSY);
        // as JdbcTemplate wraps it
        assertThat(StoreFailure.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                POOL_EXHAUSTED))).contains(StoreFailure.BUSY);
    }

    @Test
    void aStoreThatCannotBeReachedIsUnreachable() {
        assertThat(StoreFailure.of(poolCannotConnect())).contains(StoreFailure.UNREACHABLE);
        assertThat(StoreFailure.of(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                poolCannotConnect()))).contains(StoreFailure.UNREACHABLE);
        assertThat(StoreFailure.of(new SQLException("An I/O error occurred while sending to the backend", "08006")))
                .contains(StoreFailure.UNREACHABLE);
        assertThat(StoreFailure.of(new DataAccessResourceFailureException("Timed out while waiting for a server")))
                .contains(StoreFailure.UNREACHABLE);
        // a timed-out pool that is not full: connections are being made and failing
        assertThat(StoreFailure.of(new SQLTransientConnectionException("HikariPool-1 - Connection is not "
                + "available, request timed out after 1000ms (total=3, active=3, idle=0, waiting=0)",
                new SQLException("refused", "08001")))).contains(StoreFailure.UNREACHABLE);
    }

    @Test
    void otherFailuresAreNotStoreFailures() {
        assertThat(StoreFailure.of(new IllegalStateException("a bug"))).isEmpty();
        assertThat(StoreFailure.of(new DataIntegrityViolationException("duplicate key"))).isEmpty();
        assertThat(StoreFailure.of(new SQLException("duplicate key value", "23505"))).isEmpty();
    }

    @RestController
    static class LookUps {
        @GetMapping("/look-up/{what}")
        String lookUp(@PathVariable String what) {
            throw switch (what) {
                case "busy" -> new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        POOL_EXHAUSTED);
                case "away" -> new DataAccessResourceFailureException("Timed out after 30000 ms while waiting to "
                        + "connect");
                default -> new IllegalStateException("a bug");
            };
        }
    }

    @Test
    void aStoreFailureOutsideACommandIsA503ProblemWithARetryHintNotA500() throws Exception {
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new LookUps()).setControllerAdvice(new ProblemHandler())
                .build();

        mvc.perform(get("/look-up/busy"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "1"))
                .andExpect(jsonPath("$.code").value("SERVICE_BUSY"))
                .andExpect(jsonPath("$.retryAfterSeconds").value(1));
        mvc.perform(get("/look-up/away"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.code").value("STORE_UNAVAILABLE"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing was written")));
        mvc.perform(get("/look-up/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"));
    }
}
