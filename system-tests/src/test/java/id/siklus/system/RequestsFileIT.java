package id.siklus.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runs docs/requests.http against the running system, so the documented examples cannot drift from the API. */
class RequestsFileIT {

    record Example(String name, int expectedStatus, boolean await, String method, String url,
                   Map<String, String> headers, String body) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"requests.http", "full-cycle.http"})
    void everyDocumentedRequestAnswersAsDocumented(String file) throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = "35.72.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        Map<String, String> variables = Map.of(
                "commandUrl", system.commandUrl(""),
                "queryUrl", system.queryUrl(""),
                "adminToken", system.token("ADMIN"),
                "lkmToken", system.token("LKM", code),
                "monitorToken", system.token("MONITOR"),
                "auditorToken", system.token("AUDITOR"),
                "surabayaMonitorToken", system.tokens.mint(id.siklus.localstack.TokenMinter.TokenRequest
                        .of("MONITOR").withKota("Surabaya")),
                "code", code,
                "householdId", UUID.randomUUID().toString());
        List<Example> examples = parse(Files.readString(Path.of("..", "docs", file)), variables);
        assertThat(examples).hasSizeGreaterThanOrEqualTo(10);

        HttpClient http = HttpClient.newHttpClient();
        for (Example example : examples) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(example.url()))
                    .timeout(Duration.ofSeconds(30))
                    .method(example.method(), example.body().isEmpty()
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(example.body()));
            example.headers().forEach(request::header);
            HttpRequest built = request.build();
            if (example.await()) {
                await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                        http.send(built, HttpResponse.BodyHandlers.discarding()).statusCode()
                                == example.expectedStatus());
            }
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(example.name() + ": " + response.body())
                    .isEqualTo(example.expectedStatus());
        }
    }

    static List<Example> parse(String file, Map<String, String> variables) {
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            file = file.replace("{{" + variable.getKey() + "}}", variable.getValue());
        }
        // every other {{name}} is an id the client chooses: one fresh UUID per name
        java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{\\{(\\w+)}}").matcher(file);
        Map<String, String> ids = new java.util.HashMap<>();
        StringBuilder resolved = new StringBuilder();
        while (names.find()) {
            names.appendReplacement(resolved, ids.computeIfAbsent(names.group(1), n -> UUID.randomUUID().toString()));
        }
        names.appendTail(resolved);
        file = resolved.toString();
        List<Example> examples = new ArrayList<>();
        String[] blocks = file.split("(?m)^### ");
        for (int i = 1; i < blocks.length; i++) {
            String[] lines = blocks[i].split("\n", -1);
            String name = lines[0].strip();
            int expected = -1;
            boolean await = false;
            int line = 1;
            for (; line < lines.length && lines[line].startsWith("#"); line++) {
                if (lines[line].startsWith("# expect ")) {
                    expected = Integer.parseInt(lines[line].substring("# expect ".length()).strip());
                } else if (lines[line].strip().equals("# await")) {
                    await = true;
                }
            }
            String[] requestLine = lines[line++].strip().split(" ", 2);
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (; line < lines.length && !lines[line].isBlank(); line++) {
                String[] header = lines[line].split(":", 2);
                headers.put(header[0].strip(), header[1].strip());
            }
            StringBuilder body = new StringBuilder();
            for (; line < lines.length; line++) {
                body.append(lines[line]).append('\n');
            }
            assertThat(expected).as("'# expect' in " + name).isPositive();
            examples.add(new Example(name, expected, await, requestLine[0], requestLine[1], headers,
                    body.toString().strip()));
        }
        return examples;
    }
}
