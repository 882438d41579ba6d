package id.siklus.command.publishing;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.HashMap;
import java.util.Map;

/** The publishing processor over the event store and the producer it sends with. */
@Configuration
class PublishingConfiguration {

    /**
     * Defaults for a durable, ordered publisher: every in-sync replica acknowledges (acks=all), the idempotent producer
     * keeps per-partition order across its own retries, and no call blocks the processor for long while Kafka is away.
     */
    static Map<String, Object> producerSettings(String bootstrapServers, Map<String, String> overrides) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "siklus-command-service");
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // One request at a time: with several in flight, a broker just restarted can refuse one (its partition not led
        // yet) and accept the next, and it accepts any first sequence from a producer it does not know — a new
        // producer after a failure. A later event of an aggregate then reaches the topic before an earlier one.
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        settings.put(ProducerConfig.RETRIES_CONFIG, String.valueOf(Integer.MAX_VALUE));
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        // The producer never gives up on a record by itself. When it does (delivery.timeout.ms), it starts a new
        // epoch and goes on with the records queued behind the one it dropped: a later event of an aggregate would
        // reach the topic before an earlier one, and the query side's sequence guard would then skip the earlier one
        // for ever. The publisher gives up instead, on the whole batch, and discards the producer (see
        // ProgramEventsPublisher): what that producer wrote is then a gap-free prefix of each partition's records.
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Integer.MAX_VALUE));
        settings.putAll(overrides);
        return settings;
    }

    @Bean(destroyMethod = "close")
    ProgramEventsPublisher programEventsPublisher(PublisherProperties properties, TopicProperties topic,
                                                  @Value("${axon.kafka.bootstrap-servers}") String bootstrapServers,
                                                  @Qualifier("eventSerializer") Serializer eventSerializer,
                                                  MeterRegistry meters) {
        Map<String, Object> settings = producerSettings(bootstrapServers, properties.producer());
        long deliveryTimeout = Long.parseLong(String.valueOf(settings.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG)));
        if (deliveryTimeout <= properties.ackTimeout().toMillis()) {
            throw new IllegalStateException("The producer's delivery.timeout.ms (" + deliveryTimeout + " ms) must be "
                    + "longer than siklus.publisher.ack-timeout (" + properties.ackTimeout() + "): a record the producer "
                    + "drops by itself can let a later event of its aggregate reach the topic first");
        }
        return new ProgramEventsPublisher(() -> new KafkaProducer<String, byte[]>(settings),
                DefaultKafkaMessageConverter.builder().serializer(eventSerializer).build(), topic.name(),
                properties.ackTimeout(), meters);
    }

    /**
     * One segment, batches of {@code siklus.publisher.batch-size}. A failed send must fail the batch (the default
     * error handler would log it and move the token past the event), so errors propagate: the processor rolls the
     * batch back and retries from its token after 1 s, doubling to at most 60 s.
     */
    @Bean
    ConfigurerModule publishingProcessor(PublisherProperties properties) {
        String group = ProgramEventsPublisher.PROCESSING_GROUP;
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerTrackingEventProcessor(group, c -> c.eventStore(), c -> TrackingEventProcessorConfiguration
                        .forSingleThreadedProcessing()
                        .andBatchSize(properties.batchSize()))
                .registerListenerInvocationErrorHandler(group, c -> PropagatingErrorHandler.instance()));
    }
}
