package id.siklus.benchmark;

import id.siklus.localstack.TokenMinter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The public HTTP API, with real bearer tokens signed by the run's key: the way an LKM system or a monitor calls. */
final class Api implements AutoCloseable {

    private final BenchSystem system;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "bench-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    Api(BenchSystem system) {
        this.system = system;
    }

    String admin() {
        return tokens.computeIfAbsent("ADMIN", k -> system.tokens.mint(TokenMinter.TokenRequest.of("ADMIN")));
    }

    String monitor() {
        return tokens.computeIfAbsent("MONITOR", k -> system.tokens.mint(TokenMinter.TokenRequest.of("MONITOR")));
    }

    String lkm(String code) {
        return tokens.computeIfAbsent("LKM " + code,
                k -> system.tokens.mint(TokenMinter.TokenRequest.of("LKM", code)));
    }

    /** A command; {@code idempotencyKey} may be null for the commands that do not take one. */
    CompletableFuture<HttpResponse<String>> post(String path, String token, String json, String idempotencyKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.commandUrl(path)))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An operator's action on the query-service (no body): the replay of read models. */
    HttpResponse<String> postQuery(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.queryUrl(path)))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
    }

    CompletableFuture<HttpResponse<String>> get(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.queryUrl(path)))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A read of the command-service (the auditor's chain verification). */
    HttpResponse<String> getCommand(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(system.commandUrl(path)))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + token)
                .GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).join();
    }

    /** A command that must succeed (the city's set-up): waits for it and fails loudly otherwise. */
    String postOk(String path, String token, String json, String idempotencyKey) {
        HttpResponse<String> response = post(path, token, json, idempotencyKey).join();
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("POST " + path + " " + json + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
