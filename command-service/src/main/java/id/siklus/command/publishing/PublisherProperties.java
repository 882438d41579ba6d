package id.siklus.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.Map;

/**
 * How the command service sends stored events to Kafka.
 *
 * @param batchSize  events the publishing processor reads from the store and sends per batch; the batch's token moves
 *                   once Kafka acknowledged all of them
 * @param ackTimeout how long a batch waits for its acknowledgements before it is rolled back, its producer discarded
 *                   and the batch sent again; the producer's {@code delivery.timeout.ms} must be longer, so that the
 *                   producer never drops a record on its own
 * @param producer   Kafka producer settings ({@code acks}, timeouts…), over the defaults of {@link PublishingConfiguration}
 */
@ConfigurationProperties("siklus.publisher")
public record PublisherProperties(int batchSize, Duration ackTimeout, Map<String, String> producer) {

    public PublisherProperties {
        batchSize = batchSize <= 0 ? 100 : batchSize;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(15) : ackTimeout;
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }
}
