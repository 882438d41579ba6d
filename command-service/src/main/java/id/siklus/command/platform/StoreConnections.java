package id.siklus.command.platform;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;

/**
 * After PostgreSQL was away, the pool still holds connections to the server that went: each would fail one more
 * request. When a request meets a broken connection, the idle ones are replaced, so the next requests get fresh
 * connections instead of one failure per stale connection.
 */
@Component
public class StoreConnections {

    private static final Logger log = LoggerFactory.getLogger(StoreConnections.class);

    private final DataSource dataSource;

    StoreConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void evictIdle() {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
            log.info("Event store unreachable: replacing pooled connections");
        }
    }
}
