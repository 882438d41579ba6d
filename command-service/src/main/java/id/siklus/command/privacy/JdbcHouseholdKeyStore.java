package id.siklus.command.privacy;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

/**
 * The data keys in schema {@code siklus_keys} of the event store's database, migrated by its own Flyway location
 * ({@code db/keys}, history in that schema). Same database, so a key is created and destroyed in the very transaction
 * that appends the household's event: there is no moment at which an event exists without its key, or a
 * "forgotten" event with a live key.
 */
public class JdbcHouseholdKeyStore implements HouseholdKeyStore {

    public static final String SCHEMA = "siklus_keys";
    private static final Logger log = LoggerFactory.getLogger(JdbcHouseholdKeyStore.class);

    private final JdbcTemplate jdbc;

    public JdbcHouseholdKeyStore(DataSource dataSource, JdbcTemplate jdbc) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/keys")
                .load()
                .migrate();
        this.jdbc = jdbc;
    }

    @Override
    public void create(String householdId, String kelurahanCode, byte[] wrappedKey) {
        jdbc.update("INSERT INTO siklus_keys.household_key (household_id, kelurahan_code, wrapped_key) "
                + "VALUES (?, ?, ?)", householdId, kelurahanCode, wrappedKey);
    }

    @Override
    public void destroy(String householdId, String legalBasis, String destroyedBy) {
        int destroyed = jdbc.update("""
                        UPDATE siklus_keys.household_key
                        SET wrapped_key = NULL, destroyed_at = now(), legal_basis = ?, destroyed_by = ?
                        WHERE household_id = ? AND wrapped_key IS NOT NULL""",
                legalBasis, destroyedBy, householdId);
        if (destroyed == 0) {
            // no live key: the data was never sealed (or is gone already); record the erasure all the same
            jdbc.update("""
                            INSERT INTO siklus_keys.household_key (household_id, kelurahan_code, wrapped_key,
                                                                   destroyed_at, legal_basis, destroyed_by)
                            VALUES (?, '', NULL, now(), ?, ?) ON CONFLICT (household_id) DO NOTHING""",
                    householdId, legalBasis, destroyedBy);
        }
    }

    /**
     * PostgreSQL keeps the replaced row version until it is vacuumed; after a forget commits, vacuum the key table so
     * that the wrapped key does not linger in the table's pages. Best effort: autovacuum would do it later anyway.
     */
    @Override
    public void vacuum() {
        try {
            jdbc.execute("VACUUM siklus_keys.household_key");
        } catch (RuntimeException e) {
            log.warn("Could not vacuum the household keys after a forget ({}); autovacuum will",
                    e.getClass().getName());
        }
    }
}
