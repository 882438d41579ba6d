package id.siklus.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random JSON at every command endpoint (found in the command-service's own OpenAPI document, so a new endpoint is
 * fuzzed without editing this test): never a 5xx, every refusal a problem with a code, and nothing written for any
 * refusal (event and idempotency counts unchanged). Seeded: {@code -Dsiklus.fuzz.seed=<n>} repeats a run, and the
 * seed is printed; {@code -Dsiklus.fuzz.per-endpoint=<n>} sets the bodies per endpoint (default 25).
 */
class CommandFuzzIT {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> NASTY_STRINGS = List.of("", " ", "NaN", "Infinity", "-Infinity", "null",
            "{\"$ne\":null}", "$where", "{\"$gt\":\"\"}", "#{T(java.lang.Runtime).getRuntime().exec('id')}",
            "${jndi:ldap://127.0.0.1/x}", "'; DROP TABLE domain_event_entry; --", "\u0000", "\uD83D\uDE00",
            "2009-02-30", "9999-12-31", "-1", "1e400", "0.1", "35.71.03.1001", "MISKIN", "SOSIAL",
            "REFLEKSI_KEMISKINAN", "../../etc/passwd", "<script>alert(1)</script>");
    private static final List<String> NASTY_KEYS = List.of("$where", "$ne", "__proto__", "#{1+1}", "", "a.b",
            "class", "@type");
    private static final List<String> RAW_BODIES = List.of("", "{", "[", "{\"a\":", "null", "[]", "true", "NaN",
            "{\"a\":NaN}", "{\"a\":1}{\"b\":2}", "\u0000\u0001", "{'single':'quotes'}", "{\"a\":01}",
            "{\"a\":1,}", "// comment\n{}");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Random random;
    private List<String> fieldNames;

    record Endpoint(String method, String path) {
    }

    @Test
    void randomJsonAtEveryCommandEndpointIsNeverA5xxAndARefusalWritesNothing() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        long seed = Long.getLong("siklus.fuzz.seed", ThreadLocalRandom.current().nextLong());
        int perEndpoint = Integer.getInteger("siklus.fuzz.per-endpoint", 25);
        random = new Random(seed);
        String code = "35.73.%02d.%04d".formatted(10 + random.nextInt(89), 1000 + random.nextInt(8999));
        system.prepareKelurahan(code);

        JsonNode api = system.get(system.commandUrl("/v3/api-docs"), null).json();
        List<Endpoint> endpoints = new ArrayList<>();
        api.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (List.of("post", "put", "patch", "delete").contains(method)) {
                endpoints.add(new Endpoint(method.toUpperCase(), path.getKey()));
            }
        }));
        TreeSet<String> names = new TreeSet<>();
        collectPropertyNames(api.path("components").path("schemas"), names);
        fieldNames = new ArrayList<>(names);
        assertThat(endpoints).as("the command endpoints").hasSizeGreaterThanOrEqualTo(10);
        System.out.printf("[fuzz] seed %d: %d bodies at each of %d endpoints, %d field names%n", seed, perEndpoint,
                endpoints.size(), fieldNames.size());

        int refused = 0;
        int accepted = 0;
        try (Connection db = DriverManager.getConnection(system.infrastructure.jdbcUrl(),
                system.infrastructure.jdbcUsername(), system.infrastructure.jdbcPassword())) {
            for (Endpoint endpoint : endpoints) {
                for (int i = 0; i < perEndpoint; i++) {
                    String path = endpoint.path().replace("{code}", code).replace("{kelurahanCode}", code)
                            .replaceAll("\\{[^}]+}", random.nextInt(10) == 0 ? "x%20y" : UUID.randomUUID().toString());
                    String body = random.nextInt(8) == 0 ? pick(RAW_BODIES) : json(0).toString();
                    String token = switch (random.nextInt(10)) {
                        case 0, 1 -> system.token("ADMIN");
                        case 2 -> system.token("MONITOR");
                        default -> system.token("LKM", code);
                    };
                    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(system.commandUrl(path)))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", random.nextInt(10) == 0 ? "text/plain" : "application/json")
                            .method(endpoint.method(), HttpRequest.BodyPublishers.ofString(body));
                    int key = random.nextInt(10);
                    if (key < 6) {
                        request.header("Idempotency-Key", UUID.randomUUID().toString());
                    } else if (key == 6) {
                        // only visible ASCII can travel in a header at all
                        request.header("Idempotency-Key", pick(NASTY_STRINGS).replaceAll("[^\\x21-\\x7e]", "") + "x");
                    }
                    long events = count(db, "domain_event_entry");
                    long keys = count(db, "idempotency_record");
                    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                    String what = endpoint.method() + " " + path + " " + abbreviate(body) + " → "
                            + response.statusCode() + " " + abbreviate(response.body()) + " (seed " + seed + ")";
                    assertThat(response.statusCode()).as(what).isLessThan(500);
                    if (response.statusCode() >= 400) {
                        refused++;
                        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                                .startsWith("application/problem+json");
                        assertThat(system.json.readTree(response.body()).path("code").asText()).as(what)
                                .isNotBlank();
                        assertThat(count(db, "domain_event_entry")).as("refused, yet written: " + what)
                                .isEqualTo(events);
                        assertThat(count(db, "idempotency_record")).as("refused, yet a key kept: " + what)
                                .isEqualTo(keys);
                    } else {
                        accepted++;
                    }
                }
            }
        }
        System.out.printf("[fuzz] %d refused with a problem and nothing written, %d accepted, no 5xx%n", refused,
                accepted);
    }

    private static void collectPropertyNames(JsonNode node, TreeSet<String> names) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fieldNames().forEachRemaining(names::add);
            }
            for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
                collectPropertyNames(children.next(), names);
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectPropertyNames(child, names));
        }
    }

    /** An object of known and odd field names with random values, or now and then another JSON value. */
    private JsonNode json(int depth) {
        if (depth == 0 && random.nextInt(10) > 0) {
            ObjectNode object = NODES.objectNode();
            int fields = random.nextInt(9);
            for (int i = 0; i < fields; i++) {
                String name = random.nextInt(10) < 8 && !fieldNames.isEmpty() ? pick(fieldNames) : pick(NASTY_KEYS);
                object.set(name, value(depth + 1));
            }
            return object;
        }
        return value(depth + 1);
    }

    private JsonNode value(int depth) {
        int kind = random.nextInt(depth >= 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> switch (random.nextInt(6)) {
                case 0 -> NODES.numberNode(0);
                case 1 -> NODES.numberNode(-random.nextInt(1000));
                case 2 -> NODES.numberNode(Long.MAX_VALUE);
                case 3 -> NODES.numberNode(new java.math.BigInteger("99999999999999999999"));
                case 4 -> NODES.numberNode(random.nextInt(100_000_000));
                default -> NODES.numberNode(random.nextInt(12) + 1);
            };
            case 3 -> switch (random.nextInt(4)) {
                case 0 -> NODES.numberNode(new java.math.BigDecimal("1.5"));
                case 1 -> NODES.numberNode(new java.math.BigDecimal("1E+3"));
                case 2 -> NODES.numberNode(new java.math.BigDecimal("-0.01"));
                default -> NODES.numberNode(new java.math.BigDecimal("1E+400"));
            };
            case 4 -> NODES.textNode(pick(NASTY_STRINGS));
            case 5 -> NODES.textNode(randomText());
            case 6 -> {
                ArrayNode array = NODES.arrayNode();
                int items = random.nextInt(4);
                for (int i = 0; i < items; i++) {
                    array.add(random.nextBoolean() ? NODES.textNode(UUID.randomUUID().toString()) : value(depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                int fields = random.nextInt(4);
                for (int i = 0; i < fields; i++) {
                    object.set(random.nextBoolean() ? pick(fieldNames) : pick(NASTY_KEYS), value(depth + 1));
                }
                yield object;
            }
        };
    }

    private String randomText() {
        int length = random.nextInt(20) == 0 ? 5000 + random.nextInt(5000) : random.nextInt(30);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(10) == 0 ? (char) (0x80 + random.nextInt(0x2000)) : (char) (32 + random.nextInt(95)));
        }
        return text.toString();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static long count(Connection db, String table) throws Exception {
        try (Statement statement = db.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM " + table)) {
            count.next();
            return count.getLong(1);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
