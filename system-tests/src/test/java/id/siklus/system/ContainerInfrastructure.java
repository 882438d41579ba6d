package id.siklus.system;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Real MongoDB (a single-node replica set), Kafka and PostgreSQL in containers, where a Docker engine exists. A Kafka
 * outage is a paused container: the mapped port stays the same, so clients reconnect as to a restarted broker.
 */
final class ContainerInfrastructure implements Infrastructure {

    private final PostgreSQLContainer<?> postgres;
    private final KafkaContainer kafka;
    private final MongoDBContainer mongo;

    private ContainerInfrastructure(PostgreSQLContainer<?> postgres, KafkaContainer kafka, MongoDBContainer mongo) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.mongo = mongo;
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    static ContainerInfrastructure start() {
        PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>(DockerImageName.parse("postgres:17"))
                .withDatabaseName("siklus");
        KafkaContainer kafka = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"))
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        MongoDBContainer mongo = new MongoDBContainer(DockerImageName.parse("mongo:7"));
        postgres.start();
        kafka.start();
        mongo.start();
        return new ContainerInfrastructure(postgres, kafka, mongo);
    }

    @Override
    public String name() {
        return "containers (postgres:17, apache/kafka:3.9.1, mongo:7 replica set)";
    }

    @Override
    public String jdbcUrl() {
        return postgres.getJdbcUrl();
    }

    @Override
    public String jdbcUsername() {
        return postgres.getUsername();
    }

    @Override
    public String jdbcPassword() {
        return postgres.getPassword();
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        return mongo.getReplicaSetUrl("siklus");
    }

    @Override
    public void stopKafka() {
        DockerClientFactory.instance().client().pauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void startKafka() {
        DockerClientFactory.instance().client().unpauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public void stopPostgres() {
        DockerClientFactory.instance().client().pauseContainerCmd(postgres.getContainerId()).exec();
    }

    @Override
    public void startPostgres() {
        DockerClientFactory.instance().client().unpauseContainerCmd(postgres.getContainerId()).exec();
    }

    @Override
    public void close() {
        mongo.stop();
        kafka.stop();
        postgres.stop();
    }
}
