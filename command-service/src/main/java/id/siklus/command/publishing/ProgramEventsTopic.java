package id.siklus.command.publishing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates the program-events topic with retention forever, so any read model can be rebuilt from offset zero. Runs
 * in the background and retries: the command service starts and accepts commands while Kafka is down.
 */
@Component
class ProgramEventsTopic implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProgramEventsTopic.class);

    private final TopicProperties topic;
    private final String bootstrapServers;
    private volatile Thread worker;
    private volatile boolean ready;

    ProgramEventsTopic(TopicProperties topic, @Value("${axon.kafka.bootstrap-servers}") String bootstrapServers) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public void start() {
        worker = new Thread(this::ensureTopic, "program-events-topic");
        worker.setDaemon(true);
        worker.start();
    }

    private void ensureTopic() {
        long backoffMillis = 500;
        while (!Thread.currentThread().isInterrupted()) {
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000))) {
                createIfMissing(admin);
                ready = true;
                return;
            } catch (ExecutionException | RuntimeException e) {
                log.warn("Topic {} not yet ensured ({}); retrying in {} ms", topic.name(), rootMessage(e), backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(backoffMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoffMillis = Math.min(backoffMillis * 2, 10_000);
        }
    }

    private void createIfMissing(Admin admin) throws ExecutionException, InterruptedException {
        NewTopic newTopic = new NewTopic(topic.name(), topic.partitions(), topic.replicationFactor())
                .configs(Map.of(
                        TopicConfig.RETENTION_MS_CONFIG, "-1",
                        TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                        // with acks=all, an event is acknowledged once on two replicas wherever there are two or more
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.min(2, topic.replicationFactor()))));
        try {
            createOrDescribe(admin, newTopic);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer in time", e);
        }
    }

    private void createOrDescribe(Admin admin, NewTopic newTopic)
            throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        try {
            admin.createTopics(List.of(newTopic)).all().get(15, TimeUnit.SECONDS);
            log.info("Created topic {} with {} partitions, replication {}, retention forever",
                    topic.name(), topic.partitions(), topic.replicationFactor());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            int partitions = admin.describeTopics(List.of(topic.name())).allTopicNames().get(15, TimeUnit.SECONDS)
                    .get(topic.name()).partitions().size();
            log.info("Topic {} exists with {} partitions", topic.name(), partitions);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    boolean isReady() {
        return ready;
    }

    @Override
    public void stop() {
        Thread current = worker;
        if (current != null) {
            current.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null && worker.isAlive();
    }
}
