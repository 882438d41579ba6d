package id.siklus.command.platform;

import id.siklus.support.SupportConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.mockito.Mockito;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a controller slice needs besides the controller: the shared edge (security, tenancy, problem details), the
 * command sender and a meter registry. Slice tests also set {@code spring.config.name=command-service}, so they run
 * with the service's own Jackson strictness rather than a copy of it.
 */
@TestConfiguration
@Import({SupportConfiguration.class, CommandSender.class, KelurahanQueue.class})
@EnableConfigurationProperties(Links.class)
public class WebSliceConfiguration {

    /** "Today" in the slice tests, in the program's time zone. */
    public static final java.time.LocalDate TODAY = java.time.LocalDate.of(2026, 11, 28);

    @Bean
    EffectiveDates effectiveDates() {
        return new EffectiveDates(java.time.Clock.fixed(TODAY.atStartOfDay(java.time.ZoneId.of("Asia/Jakarta"))
                .plusHours(10).toInstant(), java.time.ZoneId.of("Asia/Jakarta")));
    }

    /** No key was recorded before: each slice test sends its command. Replays are tested on real PostgreSQL. */
    @Bean
    IdempotencyStore idempotencyStore() {
        return Mockito.mock(IdempotencyStore.class);
    }

    /** The hash-chain verifier reads PostgreSQL; TamperEvidenceIT tests it there. */
    @Bean
    id.siklus.command.trust.ChainVerifier chainVerifier() {
        return Mockito.mock(id.siklus.command.trust.ChainVerifier.class);
    }

    /** Request fingerprints are keyed; the slices keep no data keys (PersonalDataIT tests the real store). */
    @Bean
    id.siklus.command.privacy.PersonalDataVault personalDataVault() {
        return new id.siklus.command.privacy.PersonalDataVault(new id.siklus.command.privacy.HouseholdKeyStore() {
            @Override
            public void create(String householdId, String kelurahanCode, byte[] wrappedKey) {
            }

            @Override
            public void destroy(String householdId, String legalBasis, String destroyedBy) {
            }
        }, new id.siklus.support.privacy.PersonalDataCipher(new byte[32]), new byte[32]);
    }

    @Bean
    StoreConnections storeConnections() {
        return Mockito.mock(StoreConnections.class);
    }

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
