package id.siklus.query.platform;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Holds start-up until the program-events topic exists. Axon's Kafka source assigns itself the partitions that exist
 * when a processor opens its stream and never looks again, so a processor started before the command service has
 * created the topic would read nothing, for ever. This runs after the beans are made and before any processor or the
 * web server starts.
 */
@Component
class TopicReadiness implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(TopicReadiness.class);

    private final String topic;
    private final String bootstrapServers;
    private final Duration maxWait;

    TopicReadiness(@Value("${axon.kafka.default-topic}") String topic,
                   @Value("${axon.kafka.bootstrap-servers}") String bootstrapServers,
                   @Value("${siklus.topic.max-wait:10m}") Duration maxWait) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.maxWait = maxWait;
    }

    @Override
    public void afterSingletonsInstantiated() {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long backoffMillis = 250;
        while (true) {
            String reason = describe();
            if (reason == null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topic " + topic + " at " + bootstrapServers + " did not become "
                        + "available within " + maxWait + " (" + reason + "); the command service creates it on start");
            }
            log.info("Waiting for topic {} ({}); next look in {} ms", topic, reason, backoffMillis);
            try {
                TimeUnit.MILLISECONDS.sleep(backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topic " + topic, e);
            }
            backoffMillis = Math.min(backoffMillis * 2, 5_000);
        }
    }

    /** @return null when the topic exists with partitions, else why not */
    private String describe() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic);
            log.info("Topic {} is there with {} partitions", topic, description.partitions().size());
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e.toString() : e.getCause().getClass().getSimpleName();
        } catch (TimeoutException e) {
            return "Kafka did not answer";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }
}
