package id.siklus.command.platform;

import id.siklus.support.SupportConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a controller slice needs besides the controller: the shared edge (security, tenancy, problem details), the
 * command sender and a meter registry. Slice tests also set {@code spring.config.name=command-service}, so they run
 * with the service's own Jackson strictness rather than a copy of it.
 */
@TestConfiguration
@Import({SupportConfiguration.class, CommandSender.class})
public class WebSliceConfiguration {

    @Bean
    MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
