package id.siklus.command;

import id.siklus.support.SupportConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/** Accepts commands from LKM systems and admins, keeps the event store, publishes every event to Kafka. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(SupportConfiguration.class)
public class CommandServiceApplication {

    /** Both services can share one classpath (the system tests do), so each reads its own config file. */
    public static final String CONFIG_NAME = "command-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        // Axon's update checker calls a host outside; these machines, and many production networks, have no route
        System.setProperty("axoniq.update-checker.disabled", System.getProperty("axoniq.update-checker.disabled", "true"));
        return new SpringApplicationBuilder(CommandServiceApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME);
    }

    public static ConfigurableApplicationContext run(String... args) {
        return builder().run(args);
    }
}
