package id.siklus.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one topic that carries every program event.
 *
 * @param name              topic name (the publisher's {@code axon.kafka.default-topic} must match)
 * @param partitions        partitions when the system creates it; the key is the aggregate id
 * @param replicationFactor replicas when the system creates it (1 on one machine, 3 in production)
 */
@ConfigurationProperties("siklus.topic")
public record TopicProperties(String name, int partitions, short replicationFactor) {

    public TopicProperties {
        name = name == null || name.isBlank() ? "siklus.program-events" : name;
        partitions = partitions <= 0 ? 6 : partitions;
        replicationFactor = replicationFactor <= 0 ? 1 : replicationFactor;
    }
}
