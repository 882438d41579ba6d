package id.siklus.benchmark;

import id.siklus.command.CommandServiceApplication;
import id.siklus.localstack.LocalStack;
import id.siklus.localstack.TokenMinter;
import id.siklus.query.QueryServiceApplication;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The whole system in this JVM, started the way system-tests' SiklusSystem does it: the project's local stack
 * (PostgreSQL 17 binaries with synchronous_commit and fsync on, an in-JVM KRaft broker, the Mongo wire server in
 * memory), then both services' application contexts on random ports, each with its own config file. The query
 * context gets one extra bean, {@link LagProbe}; nothing in either service is changed.
 */
final class BenchSystem implements AutoCloseable {

    /** The command-service's Kafka publisher, an Axon tracking processor over the event store. */
    static final String PUBLISHER = "__axon-kafka-event-publishing-group";

    /** The services' INFO logging would drown the harness's own lines and cost CPU under load. */
    private static final String QUIET = "--logging.level.root=WARN";

    final LocalStack stack;
    final ConfigurableApplicationContext command;
    final ConfigurableApplicationContext query;
    final TokenMinter tokens;
    final LagProbe lag;

    /** The query-service's arguments but the Mongo URI: a second instance is started with them. */
    private final List<String> queryArguments;

    private BenchSystem(LocalStack stack, ConfigurableApplicationContext command, ConfigurableApplicationContext query,
                        List<String> queryArguments) {
        this.stack = stack;
        this.queryArguments = queryArguments;
        this.command = command;
        this.query = query;
        this.tokens = stack.tokens();
        this.lag = query.getBean(LagProbe.class);
    }

    static BenchSystem start(Path state) throws IOException {
        LocalStack stack = LocalStack.start(new LocalStack.Settings(state, freePort(), freePort(), freePort(), 0,
                false));
        String publicKey = "--siklus.security.jwt.public-key=" + stack.signingKeys().publicKeyPem().toUri();
        String kafka = "--axon.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers();
        // personal data (ADR 0009): a master key and a pepper made for the run, as an operator's secrets would be
        String masterKey = "--siklus.personal-data.master-key=" + randomBase64();
        ConfigurableApplicationContext command = CommandServiceApplication.builder().run(
                "--server.port=0",
                "--spring.datasource.url=" + stack.jdbcUrl(),
                "--spring.datasource.username=" + stack.jdbcUsername(),
                "--spring.datasource.password=",
                masterKey, "--siklus.personal-data.pepper=" + randomBase64(),
                kafka, publicKey, QUIET);
        List<String> queryArguments = List.of("--server.port=0", masterKey,
                "--siklus.personal-data.key-store.url=" + stack.jdbcUrl(),
                "--siklus.personal-data.key-store.username=" + stack.jdbcUsername(),
                "--siklus.personal-data.key-store.password=",
                kafka, publicKey, QUIET);
        ConfigurableApplicationContext query = QueryServiceApplication.builder().sources(LagProbe.class)
                .run(withMongo(queryArguments, mongoUri(stack)));
        return new BenchSystem(stack, command, query, queryArguments);
    }

    private static String[] withMongo(List<String> arguments, String mongoUri) {
        List<String> all = new java.util.ArrayList<>(arguments);
        all.add("--spring.data.mongodb.uri=" + mongoUri);
        return all.toArray(String[]::new);
    }

    /**
     * Another query-service instance, as an operator would add one, over its own Mongo database: its processors
     * start with no tokens, so it builds every read model from offset 0 of the topic.
     */
    ConfigurableApplicationContext startAnotherQueryService(String mongoUri) {
        return QueryServiceApplication.builder().run(withMongo(queryArguments, mongoUri));
    }

    private static String randomBase64() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    static String mongoUri(LocalStack stack) {
        return stack.mongoConnectionString() + "/siklus";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Where this system's CPU goes, part by part: the services' HTTP threads are told apart by their Tomcat
     * connector's name, PostgreSQL's processes by its postmaster (the parent of this connection's backend).
     */
    CpuUse cpuUse() throws SQLException {
        long postmaster = -1;
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT pg_backend_pid()")) {
            r.next();
            long[] backend = CpuUse.stat(r.getLong(1));
            if (backend != null) {
                postmaster = backend[0];
            }
        }
        return new CpuUse(httpThreads(command), httpThreads(query), postmaster);
    }

    /** The prefix of a service's Tomcat thread names, e.g. {@code http-nio-auto-1-} for its exec, Poller, Acceptor. */
    private static String httpThreads(ConfigurableApplicationContext context) {
        var server = ((org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext) context)
                .getWebServer();
        var connector = ((org.springframework.boot.web.embedded.tomcat.TomcatWebServer) server).getTomcat()
                .getConnector();
        String name = ((org.apache.coyote.AbstractProtocol<?>) connector.getProtocolHandler()).getName();
        // named when its executor was made, before an automatic port was bound: "http-nio-auto-1", not the name the
        // connector has now ("http-nio-auto-1-53211")
        return name.replace("\"", "").replaceAll("^(.*-auto-\\d+)-\\d+$", "$1") + "-";
    }

    String commandUrl(String path) {
        return "http://localhost:" + command.getEnvironment().getProperty("local.server.port") + path;
    }

    String queryUrl(String path) {
        return "http://localhost:" + query.getEnvironment().getProperty("local.server.port") + path;
    }

    Connection jdbc() throws SQLException {
        return DriverManager.getConnection(stack.jdbcUrl(), stack.jdbcUsername(), "");
    }

    long storedEvents() throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Events of one aggregate (a kelurahan: its whole history, ADR 0005). */
    long eventsOf(String aggregate) throws SQLException {
        try (Connection c = jdbc(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            s.setString(1, aggregate);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    String pgSetting(String name) throws SQLException {
        try (Connection c = jdbc(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("SHOW " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    StreamingEventProcessor publisher() {
        return (StreamingEventProcessor) command.getBean(EventProcessingConfiguration.class).eventProcessor(PUBLISHER)
                .orElseThrow(() -> new IllegalStateException("No processor " + PUBLISHER));
    }

    /** The query side's projection processors, by name. */
    Map<String, EventProcessor> projections() {
        return query.getBean(EventProcessingConfiguration.class).eventProcessors();
    }

    List<StreamingEventProcessor> streamingProjections() {
        return projections().values().stream().filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast).toList();
    }

    @Override
    public void close() {
        try {
            query.close();
        } finally {
            try {
                command.close();
            } finally {
                stack.close();
            }
        }
    }
}
