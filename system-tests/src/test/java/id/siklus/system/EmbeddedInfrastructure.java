package id.siklus.system;

import id.siklus.localstack.LocalStack;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's own local stack inside the test JVM: PostgreSQL 17 binaries, a KRaft broker, the Mongo wire server. */
final class EmbeddedInfrastructure implements Infrastructure {

    private final LocalStack stack;

    private EmbeddedInfrastructure(LocalStack stack) {
        this.stack = stack;
    }

    static EmbeddedInfrastructure start() throws IOException {
        Path state = Files.createTempDirectory("siklus-it-");
        return new EmbeddedInfrastructure(LocalStack.start(new LocalStack.Settings(state, freePort(), freePort(),
                freePort(), 0, false)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String name() {
        return "embedded (PostgreSQL 17 binaries, in-JVM KRaft Kafka broker, mongo-java-server in memory)";
    }

    @Override
    public String jdbcUrl() {
        return stack.jdbcUrl();
    }

    @Override
    public String jdbcUsername() {
        return stack.jdbcUsername();
    }

    @Override
    public String jdbcPassword() {
        return "";
    }

    @Override
    public String kafkaBootstrapServers() {
        return stack.kafkaBootstrapServers();
    }

    @Override
    public String mongoConnectionString() {
        return stack.mongoConnectionString() + "/siklus";
    }

    @Override
    public void stopKafka() {
        stack.kafka().stop();
    }

    @Override
    public void startKafka() throws IOException {
        stack.kafka().start();
    }

    @Override
    public void stopPostgres() throws IOException {
        stack.stopPostgres();
    }

    @Override
    public void startPostgres() throws IOException {
        stack.startPostgres();
    }

    @Override
    public void close() {
        stack.close();
    }
}
