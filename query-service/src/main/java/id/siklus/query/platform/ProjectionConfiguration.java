package id.siklus.query.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import com.mongodb.client.MongoClient;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.extensions.kafka.KafkaProperties;
import org.axonframework.extensions.kafka.eventhandling.consumer.ConsumerFactory;
import org.axonframework.extensions.kafka.eventhandling.consumer.Fetcher;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.KafkaEventMessage;
import org.axonframework.extensions.kafka.eventhandling.consumer.streamable.StreamableKafkaMessageSource;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The query side's Axon wiring: tokens in MongoDB, parking converter, lag metric, failures that stop and retry. */
@Configuration
class ProjectionConfiguration {

    /** Positions on the topic live beside the read models, so both move together. */
    @Bean
    TokenStore tokenStore(MongoClient mongoClient, @Value("${spring.data.mongodb.database:siklus}") String database,
                          Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(mongoClient, database)
                        .trackingTokensCollectionName("tracking_tokens")
                        .build())
                .serializer(serializer)
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Bean
    KafkaMessageConverter<String, byte[]> kafkaMessageConverter(@Qualifier("eventSerializer") Serializer serializer,
                                                               ParkedRecords parkedRecords) {
        return new ParkingKafkaMessageConverter(
                DefaultKafkaMessageConverter.builder().serializer(serializer).build(), parkedRecords);
    }

    /**
     * The source the processors track (named as in query-service.yml). Axon's auto-configured one re-sorts fetched
     * messages by timestamp, which makes the stored tokens unsound across partitions; this one hands them over in
     * fetch order ({@link FetchOrderBuffer}, ADR 0012).
     */
    @Bean
    StreamableKafkaMessageSource<String, byte[]> streamableKafkaMessageSource(
            KafkaProperties kafka, @Qualifier("eventSerializer") Serializer serializer,
            ConsumerFactory<String, byte[]> consumers, Fetcher<String, byte[], KafkaEventMessage> fetcher,
            KafkaMessageConverter<String, byte[]> converter) {
        int bufferSize = kafka.getFetcher().getBufferSize();
        return StreamableKafkaMessageSource.<String, byte[]>builder()
                .topics(List.of(kafka.getDefaultTopic()))
                .serializer(serializer)
                .consumerFactory(consumers)
                .fetcher(fetcher)
                .messageConverter(converter)
                .bufferFactory(() -> new FetchOrderBuffer<>(bufferSize))
                .build();
    }

    /**
     * A handler that fails (MongoDB away) must not lose the event: the error goes to the processor, which releases
     * its claim and retries from the last stored token. Handlers are idempotent, so the retry is harmless.
     */
    @Bean
    ConfigurerModule projectionErrorHandling() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance()));
    }

    /** How long after an event was recorded it reached a read model, per processor. */
    @Bean
    ConfigurerModule projectionLagMetric(MeterRegistry meters) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultHandlerInterceptor((config, processorName) -> lagInterceptor(meters, processorName)));
    }

    private static MessageHandlerInterceptor<EventMessage<?>> lagInterceptor(MeterRegistry meters, String processor) {
        Timer lag = Timer.builder("siklus.projection.lag")
                .description("Time from an event's recording in the event store to its application in a read model")
                .tag("processor", processor)
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            Instant recorded = unitOfWork.getMessage().getTimestamp();
            lag.record(Duration.between(recorded, Instant.now()));
            return result;
        };
    }
}
