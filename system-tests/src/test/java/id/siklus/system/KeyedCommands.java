package id.siklus.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Commands sent as an LKM system sends them: each with its own Idempotency-Key (money commands require one). */
final class KeyedCommands {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KeyedCommands() {
    }

    static SiklusSystem.Response post(SiklusSystem system, String path, String token, String body) throws Exception {
        HttpResponse<String> response = send(system, path, token, UUID.randomUUID().toString(), body);
        return new SiklusSystem.Response(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /** One command with the given Idempotency-Key (none when null), as the client sends it: to retry, send it again. */
    static HttpResponse<String> send(SiklusSystem system, String path, String token, String key, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.commandUrl(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
