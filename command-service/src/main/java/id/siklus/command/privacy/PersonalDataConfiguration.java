package id.siklus.command.privacy;

import id.siklus.support.privacy.PersonalDataCipher;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.Base64;

/**
 * The personal-data secrets come from configuration (environment), never from the database: the master key that wraps
 * the household data keys, and the pepper of the NIK hashes and request fingerprints.
 */
@Configuration(proxyBeanMethods = false)
class PersonalDataConfiguration {

    static final String MASTER_KEY = "siklus.personal-data.master-key";
    static final String PEPPER = "siklus.personal-data.pepper";

    @Bean
    JdbcHouseholdKeyStore householdKeyStore(DataSource dataSource, JdbcTemplate jdbc) {
        return new JdbcHouseholdKeyStore(dataSource, jdbc);
    }

    @Bean
    PersonalDataVault personalDataVault(HouseholdKeyStore keys, @Value("${" + MASTER_KEY + ":}") String masterKey,
                                        @Value("${" + PEPPER + ":}") String pepper) {
        if (pepper.isBlank()) {
            throw new IllegalStateException(PEPPER + " is not set: give a base64 secret of at least 32 bytes");
        }
        return new PersonalDataVault(keys, PersonalDataCipher.fromBase64(masterKey, MASTER_KEY),
                Base64.getDecoder().decode(pepper.strip()));
    }
}
