package id.siklus.command.platform;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Only a broken connection replaces the pool's connections; a pool that is merely busy keeps them. */
class ConnectionBrokenTest {

    @Test
    void postgresqlGoneIsABrokenConnection() {
        // what Hikari throws when PostgreSQL refuses connections: its time-out carries the driver's 08001
        SQLException refused = new SQLException("Connection to localhost:55432 refused", "08001");
        SQLTransientConnectionException timeout = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 1000ms.", "08001", refused);
        assertThat(CommandSender.connectionBroken(new CannotCreateTransactionException("no JDBC", timeout))).isTrue();
    }

    @Test
    void aBusyPoolIsNotABrokenConnection() {
        SQLTransientConnectionException busy = new SQLTransientConnectionException(
                "HikariPool-1 - Connection is not available, request timed out after 1000ms (total=16, active=16, "
                        + "idle=0, waiting=159)");
        assertThat(CommandSender.connectionBroken(new CannotCreateTransactionException("no JDBC", busy))).isFalse();
    }
}
