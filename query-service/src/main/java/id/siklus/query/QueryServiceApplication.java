package id.siklus.query;

import id.siklus.support.SupportConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/** Folds the Kafka stream of program events into MongoDB read models and answers monitors and auditors. */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
@ConfigurationPropertiesScan
@Import(SupportConfiguration.class)
public class QueryServiceApplication {

    /** Both services can share one classpath (the system tests do), so each reads its own config file. */
    public static final String CONFIG_NAME = "query-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        // Axon's update checker calls a host outside; these machines, and many production networks, have no route
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        return new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static ConfigurableApplicationContext run(String... args) {
        return builder().run(args);
    }
}
