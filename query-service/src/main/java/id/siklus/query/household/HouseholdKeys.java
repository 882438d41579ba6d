package id.siklus.query.household;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.siklus.api.household.Sealed;
import id.siklus.support.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only access to the households' data keys (table {@code siklus_keys.household_key}, owned by the command service;
 * ADR 0009). Its own small connection pool, read-only at the connection, and not a Spring {@code DataSource} bean, so
 * nothing else in this service (health, Axon, JDBC auto-configuration) starts using PostgreSQL. Keys are looked up
 * when a view is answered and never cached, so a destroyed key stops opening data at once.
 */
@Component
public class HouseholdKeys implements DisposableBean {

    static final String MASTER_KEY = "siklus.personal-data.master-key";
    private static final Logger log = LoggerFactory.getLogger(HouseholdKeys.class);

    private final PersonalDataCipher cipher;
    private final HikariDataSource keyStore;

    HouseholdKeys(@Value("${" + MASTER_KEY + ":}") String masterKey,
                  @Value("${siklus.personal-data.key-store.url}") String url,
                  @Value("${siklus.personal-data.key-store.username}") String username,
                  @Value("${siklus.personal-data.key-store.password:}") String password) {
        this.cipher = PersonalDataCipher.fromBase64(masterKey, MASTER_KEY);
        HikariConfig config = new HikariConfig();
        config.setPoolName("household-keys");
        config.setJdbcUrl(url);
        config.setUsername(username);
        config.setPassword(password);
        config.setReadOnly(true);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(3000);
        // the key store may come up after this service: connect on first use, not at start
        config.setInitializationFailTimeout(-1);
        this.keyStore = new HikariDataSource(config);
    }

    /** What the key store says about each household: a live key, a destroyed one, or no row at all. */
    public Map<String, KeyState> states(Collection<String> householdIds) {
        Map<String, KeyState> states = new HashMap<>();
        if (householdIds.isEmpty()) {
            return states;
        }
        try (Connection connection = keyStore.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT household_id, wrapped_key FROM siklus_keys.household_key WHERE household_id = ANY (?)")) {
            Array ids = connection.createArrayOf("varchar", householdIds.toArray());
            query.setArray(1, ids);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byte[] wrapped = rows.getBytes(2);
                    states.put(rows.getString(1), wrapped == null ? KeyState.DESTROYED : new KeyState(wrapped));
                }
            }
        } catch (SQLException e) {
            // the class only: a driver message may quote parameters
            log.warn("The household key store could not be read ({}); personal data is shown as unavailable",
                    e.getClass().getName());
            householdIds.forEach(id -> states.put(id, KeyState.UNAVAILABLE));
        }
        return states;
    }

    /** The plaintext of a sealed field with the household's live key, or empty when it does not open. */
    public Optional<String> open(String householdId, String field, Sealed sealed, KeyState key) {
        if (sealed == null || key == null || key.wrapped() == null) {
            return Optional.empty();
        }
        try {
            byte[] dataKey = cipher.unwrap(householdId, key.wrapped());
            return Optional.of(PersonalDataCipher.open(dataKey, householdId, field, sealed));
        } catch (PersonalDataCipher.Unreadable e) {
            log.warn("The {} of household {} does not open: {}", field, householdId, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void destroy() {
        keyStore.close();
    }

    /** A live key ({@code wrapped} set), or one of the two states without a key. */
    public record KeyState(byte[] wrapped, boolean destroyed) {

        static final KeyState DESTROYED = new KeyState(null, true);
        static final KeyState UNAVAILABLE = new KeyState(null, false);

        KeyState(byte[] wrapped) {
            this(wrapped, false);
        }
    }
}
