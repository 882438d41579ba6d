package id.siklus.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Real PostgreSQL, a real Kafka broker and the Mongo wire server, started together on one machine without Docker.
 * {@code ./siklus up} runs it in its own process; the system tests start it inside the test JVM.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private final Settings settings;
    private PostgresServer postgres;
    private final KafkaBroker kafka;
    private final MongoWireServer mongo;
    private final SigningKeys keys;

    private LocalStack(Settings settings, PostgresServer postgres, KafkaBroker kafka, MongoWireServer mongo,
                       SigningKeys keys) {
        this.settings = settings;
        this.postgres = postgres;
        this.kafka = kafka;
        this.mongo = mongo;
        this.keys = keys;
    }

    public static LocalStack start(Settings settings) throws IOException {
        long started = System.nanoTime();
        SigningKeys keys = SigningKeys.loadOrCreate(settings.stateDirectory().resolve("jwt"));
        PostgresServer postgres = PostgresServer.start(settings.stateDirectory().resolve("postgres"),
                settings.postgresPort());
        KafkaBroker kafka = new KafkaBroker(settings.stateDirectory().resolve("kafka"), settings.kafkaPort(),
                settings.kafkaControllerPort()).start();
        MongoWireServer mongo = settings.durableMongo()
                ? MongoWireServer.startFileBacked(settings.stateDirectory().resolve("mongo/siklus.mv"), settings.mongoPort())
                : MongoWireServer.startInMemory(settings.mongoPort());
        log.info("Local stack up in {} ms: PostgreSQL {}, Kafka {}, Mongo {}",
                (System.nanoTime() - started) / 1_000_000, postgres.jdbcUrl(), kafka.bootstrapServers(),
                mongo.connectionString());
        return new LocalStack(settings, postgres, kafka, mongo, keys);
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    public String jdbcUsername() {
        return postgres.username();
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String mongoConnectionString() {
        return mongo.connectionString();
    }

    /** Stops PostgreSQL as an outage would; {@link #startPostgres()} brings it back with its data. */
    public synchronized void stopPostgres() throws IOException {
        postgres.close();
    }

    public synchronized void startPostgres() throws IOException {
        postgres = PostgresServer.start(settings.stateDirectory().resolve("postgres"), settings.postgresPort());
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public SigningKeys signingKeys() {
        return keys;
    }

    public TokenMinter tokens() {
        return new TokenMinter(keys);
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        closeQuietly("Mongo", mongo);
        closeQuietly("Kafka", kafka);
        closeQuietly("PostgreSQL", postgres);
    }

    private static void closeQuietly(String name, AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed: {}", name, e.toString());
        }
    }

    /**
     * Where the stack keeps its state and on which ports it listens. The defaults keep clear of a developer's own
     * PostgreSQL (5432), Kafka (9092) and MongoDB (27017).
     */
    public record Settings(Path stateDirectory, int postgresPort, int kafkaPort, int kafkaControllerPort,
                           int mongoPort, boolean durableMongo) {

        public static Settings fromEnvironment(Path stateDirectory) {
            return new Settings(stateDirectory,
                    intEnv("SIKLUS_PG_PORT", 55432),
                    intEnv("SIKLUS_KAFKA_PORT", 59092),
                    intEnv("SIKLUS_KAFKA_CONTROLLER_PORT", 59093),
                    intEnv("SIKLUS_MONGO_PORT", 57017),
                    true);
        }

        private static int intEnv(String name, int fallback) {
            String value = System.getenv(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'", e);
            }
        }
    }
}
