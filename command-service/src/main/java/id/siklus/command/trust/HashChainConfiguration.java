package id.siklus.command.trust;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.NonNull;

/** Wraps Axon's JDBC storage engine so that every appended event is chained to its aggregate's previous one. */
@Configuration
class HashChainConfiguration {

    @Bean
    static BeanPostProcessor hashChainingStorageEngine(
            @Qualifier("eventSerializer") ObjectProvider<Serializer> eventSerializer, ObjectProvider<JdbcTemplate> jdbc) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(@NonNull Object bean, @NonNull String name) {
                if (bean instanceof EventStorageEngine engine && !(bean instanceof HashChainingStorageEngine)) {
                    return new HashChainingStorageEngine(engine, eventSerializer.getObject(), jdbc.getObject());
                }
                return bean;
            }
        };
    }
}
