package id.siklus.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siklus.command.CommandServiceApplication;
import id.siklus.localstack.SigningKeys;
import id.siklus.localstack.TokenMinter;
import id.siklus.query.QueryServiceApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * The whole system for the system tests: infrastructure, then both services' application contexts in this JVM on
 * random ports, verifying tokens signed by a key made for the run. Started once and shared by every test class.
 */
final class SiklusSystem {

    static final String TOPIC = "siklus.program-events";
    private static SiklusSystem instance;

    final Infrastructure infrastructure;
    final ConfigurableApplicationContext commandService;
    final ConfigurableApplicationContext queryService;
    final TokenMinter tokens;
    final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SiklusSystem(Infrastructure infrastructure, ConfigurableApplicationContext commandService,
                         ConfigurableApplicationContext queryService, TokenMinter tokens) {
        this.infrastructure = infrastructure;
        this.commandService = commandService;
        this.queryService = queryService;
        this.tokens = tokens;
    }

    static synchronized SiklusSystem get() throws Exception {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "siklus-it-shutdown"));
        }
        return instance;
    }

    private static SiklusSystem start() throws Exception {
        Infrastructure infrastructure = Infrastructure.choose();
        Path keys = Files.createTempDirectory("siklus-it-keys-");
        SigningKeys signingKeys = SigningKeys.loadOrCreate(keys);
        String publicKey = "--siklus.security.jwt.public-key=" + signingKeys.publicKeyPem().toUri();
        String kafka = "--axon.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers();
        // personal data (ADR 0009): a master key and a pepper made for the run, as an operator's secrets would be
        String masterKey = "--siklus.personal-data.master-key=" + randomBase64();
        ConfigurableApplicationContext command = CommandServiceApplication.run(
                "--server.port=0",
                "--spring.datasource.url=" + infrastructure.jdbcUrl(),
                "--spring.datasource.username=" + infrastructure.jdbcUsername(),
                "--spring.datasource.password=" + infrastructure.jdbcPassword(),
                masterKey, "--siklus.personal-data.pepper=" + randomBase64(),
                kafka, publicKey);
        ConfigurableApplicationContext query = QueryServiceApplication.run(
                "--server.port=0",
                "--spring.data.mongodb.uri=" + infrastructure.mongoConnectionString(),
                masterKey,
                "--siklus.personal-data.key-store.url=" + infrastructure.jdbcUrl(),
                "--siklus.personal-data.key-store.username=" + infrastructure.jdbcUsername(),
                "--siklus.personal-data.key-store.password=" + infrastructure.jdbcPassword(),
                // a replay hands its folded documents to the writer every 500 (not 20,000): the histories here are a
                // few thousand documents, and ReplayIT's rebuilds must go through many batches, each stored while
                // the next is folded, documents of the batch in flight folded on (RebuildWriter)
                "--siklus.replay.flush-every=500",
                // a city's summary of the past folds its kelurahan three at a time (the default is one at a time):
                // TimeTravelIT's city has more kelurahan than that, so their rows are folded side by side and must
                // still come out in the directory's order
                "--siklus.views.kota-summary-past-parallelism=3",
                kafka, publicKey);
        return new SiklusSystem(infrastructure, command, query, new TokenMinter(signingKeys));
    }

    private static String randomBase64() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    private void stop() {
        queryService.close();
        commandService.close();
        infrastructure.close();
    }

    String commandUrl(String path) {
        return "http://localhost:" + commandService.getEnvironment().getProperty("local.server.port") + path;
    }

    String queryUrl(String path) {
        return "http://localhost:" + queryService.getEnvironment().getProperty("local.server.port") + path;
    }

    String token(String role, String... kelurahan) {
        return tokens.mint(TokenMinter.TokenRequest.of(role, kelurahan));
    }

    Response post(String url, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    Response get(String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    String getWithAccept(String url, String token, String accept) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** Registered by an ADMIN, with poverty reflection and self-mapping recorded by its LKM: ready for households. */
    Response prepareKelurahan(String code) throws IOException, InterruptedException {
        Response registered = post(commandUrl("/api/v1/kelurahan"), token("ADMIN"), """
                {"code":"%s","name":"Bandar Lor","kecamatan":"Mojoroto","kota":"Kediri"}""".formatted(code));
        if (registered.status() != 201) {
            throw new IllegalStateException("Registering " + code + " answered " + registered);
        }
        for (String stage : java.util.List.of("REFLEKSI_KEMISKINAN", "PEMETAAN_SWADAYA")) {
            Response recorded = post(commandUrl("/api/v1/kelurahan/" + code + "/cycle-stages"), token("LKM", code),
                    """
                    {"stage":"%s","heldOn":"2009-03-14","participants":{"men":40,"women":35,"poor":30}}"""
                            .formatted(stage));
            if (recorded.status() != 200) {
                throw new IllegalStateException("Recording " + stage + " for " + code + " answered " + recorded);
            }
        }
        return registered;
    }

    /** How many events the event store holds: the proof that a refusal wrote nothing. */
    long storedEvents() throws SQLException {
        try (Connection connection = DriverManager.getConnection(infrastructure.jdbcUrl(),
                infrastructure.jdbcUsername(), infrastructure.jdbcPassword());
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM domain_event_entry")) {
            count.next();
            return count.getLong(1);
        }
    }

    record Response(int status, String contentType, String body) {

        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(body);
        }
    }
}
