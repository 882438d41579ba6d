package id.siklus.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.siklus.command.platform.IdempotencyStore;
import id.siklus.command.platform.IdentityClaims;
import id.siklus.command.platform.WebSliceConfiguration;
import id.siklus.support.web.Problems;
import org.assertj.core.api.SoftAssertions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The API description at /v3/api-docs cannot drift from the API: every command documents a request example, its
 * answer and its refusals, and each request example is posted here and must pass the controller's validation (the
 * gateway is mocked), its documented answer must be the answer the controller gives, and the refusals that do not
 * depend on recorded state are provoked and must be answered exactly as documented.
 *
 * <p>{@code @WebMvcTest} without controllers takes every controller of the service (they are package-private, so
 * they cannot be listed here); {@link #describesEveryCommand()} checks that all of them are in the document. The
 * slice has no springdoc: the three auto-configurations imported are the least that serve /v3/api-docs.
 */
@WebMvcTest
@Import(WebSliceConfiguration.class)
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class,
        SpringDocWebMvcConfiguration.class})
@TestPropertySource(properties = {
        "spring.config.name=command-service",
        "siklus.security.jwt.public-key=classpath:test-jwt-public.pem"})
class OpenApiDocumentTest {

    private static final String CODE = "35.71.03.1001";
    private static final String OTHER_CODE = "35.71.03.1002";

    /** What the examples put in the path: the ids the examples' bodies and answers use. */
    private static final Map<String, String> PATH_VALUES = Map.of(
            "code", CODE,
            "year", "2010",
            "householdId", "7c1e4d2a-9b3f-4a6e-8d5c-2f1a0b9e8d71",
            "ksmId", "6b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4",
            "loanId", "0d9c8b7a-6f5e-4d3c-9b2a-1f0e9d8c7b6a",
            "complaintId", "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091");

    private static final List<String> COMMANDS = List.of(
            "/api/v1/kelurahan",
            "/api/v1/kelurahan/{code}/cycle-stages",
            "/api/v1/kelurahan/{code}/households",
            "/api/v1/kelurahan/{code}/households/{householdId}/reclassifications",
            "/api/v1/kelurahan/{code}/households/{householdId}/personal-data/forget",
            "/api/v1/kelurahan/{code}/blm/{year}/allocation",
            "/api/v1/kelurahan/{code}/blm/{year}/disbursements",
            "/api/v1/kelurahan/{code}/ksm",
            "/api/v1/kelurahan/{code}/ksm/{ksmId}/members",
            "/api/v1/kelurahan/{code}/ksm/{ksmId}/members/{householdId}/removal",
            "/api/v1/kelurahan/{code}/ksm/{ksmId}/dissolution",
            "/api/v1/kelurahan/{code}/loans",
            "/api/v1/loans/{loanId}/repayments",
            "/api/v1/loans/{loanId}/write-off",
            "/api/v1/kelurahan/{code}/partnerships",
            "/api/v1/kelurahan/{code}/complaints",
            "/api/v1/kelurahan/{code}/complaints/{complaintId}/resolution");

    /** The commands only an ADMIN may send; every other one is sent by the LKM of {@link #CODE}. */
    private static final Set<String> ADMIN_COMMANDS = Set.of(
            "/api/v1/kelurahan",
            "/api/v1/kelurahan/{code}/blm/{year}/allocation",
            "/api/v1/kelurahan/{code}/households/{householdId}/personal-data/forget",
            "/api/v1/loans/{loanId}/write-off");

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{(\\w+)}");
    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Autowired
    private MockMvc mvc;

    @Autowired
    private ObjectMapper json;

    @Autowired
    private IdempotencyStore idempotency;

    @MockitoBean
    private CommandGateway gateway;

    @MockitoBean
    private IdentityClaims identities;

    @BeforeEach
    void everyLoanBelongsToTheKelurahan() {
        when(identities.kelurahanOfLoan(anyString())).thenReturn(Optional.of(CODE));
        // a plain mock of WebSliceConfiguration, not reset by Spring: no key is recorded unless a test says so
        Mockito.reset(idempotency);
    }

    // --- the document ---------------------------------------------------------------------------------------------

    @Test
    void isPublic() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/v3/api-docs")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
    }

    @Test
    void describesEveryCommand() throws Exception {
        assertThat(commands().keySet()).containsExactlyInAnyOrderElementsOf(COMMANDS);
    }

    @Test
    void everyCommandHasARequestExampleInJson() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        commands().forEach((path, operation) -> {
            Map<String, JsonNode> examples = examples(operation.path("requestBody"), MediaType.APPLICATION_JSON_VALUE);
            softly.assertThat(examples).as("request examples of POST %s", path).isNotEmpty();
            examples.forEach((name, value) -> softly.assertThat(value.isObject())
                    .as("request example '%s' of POST %s is a JSON object", name, path).isTrue());
        });
        softly.assertAll();
    }

    @Test
    void everyCommandDocumentsItsAnswerAndItsRefusalsWithExamples() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        commands().forEach((path, operation) -> {
            JsonNode responses = operation.path("responses");
            softly.assertThat(statuses(responses, 2)).as("2xx answers of POST %s", path).hasSize(1);
            softly.assertThat(statuses(responses, 4)).as("4xx answers of POST %s", path).isNotEmpty();
            responses.properties().forEach(response -> {
                int status = Integer.parseInt(response.getKey());
                String mediaType = status < 300 ? MediaType.APPLICATION_JSON_VALUE : PROBLEM_JSON;
                softly.assertThat(examples(response.getValue(), mediaType))
                        .as("%s examples of %d to POST %s", mediaType, status, path).isNotEmpty();
            });
        });
        softly.assertAll();
    }

    @Test
    void everyRefusalExampleIsAProblemDetailOfItsStatus() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        commands().forEach((path, operation) -> operation.path("responses").properties().forEach(response -> {
            int status = Integer.parseInt(response.getKey());
            if (status < 400) {
                return;
            }
            Pattern instance = Pattern.compile(PATH_VARIABLE.matcher(Pattern.quote(path))
                    .replaceAll(Matcher.quoteReplacement("\\E[^/]+\\Q")));
            examples(response.getValue(), PROBLEM_JSON).forEach((name, problem) -> {
                String where = "'" + name + "' of " + status + " to POST " + path;
                String code = problem.path("code").asText();
                softly.assertThat(name).as("name of %s", where).startsWith(code);
                softly.assertThat(problem.path("status").asInt()).as("status of %s", where).isEqualTo(status);
                softly.assertThat(problem.path("type").asText()).as("type of %s", where)
                        .isEqualTo(Problems.TYPE_BASE + code.toLowerCase().replace('_', '-'));
                softly.assertThat(problem.path("title").asText()).as("title of %s", where)
                        .isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
                softly.assertThat(problem.path("detail").asText()).as("detail of %s", where).isNotBlank();
                if (status == 401) {
                    // written by the security filter chain, which sets no instance
                    softly.assertThat(problem.has("instance")).as("instance of %s", where).isFalse();
                } else {
                    softly.assertThat(problem.path("instance").asText()).as("instance of %s", where)
                            .matches(instance);
                }
            });
        }));
        softly.assertAll();
    }

    @Test
    void examplesHaveTheFieldsOfTheirSchemasAndMoneyIsAnInteger() throws Exception {
        JsonNode document = document();
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.has("Rupiah")).as("money is documented as a plain integer, not as a Rupiah object")
                .isFalse();
        SoftAssertions softly = new SoftAssertions();
        commands().forEach((path, operation) -> {
            JsonNode requestSchema = schema(schemas, operation.path("requestBody"), MediaType.APPLICATION_JSON_VALUE);
            examples(operation.path("requestBody"), MediaType.APPLICATION_JSON_VALUE).forEach((name, body) -> {
                softly.assertThat(fieldNames(body)).as("fields of request example '%s' of POST %s", name, path)
                        .isSubsetOf(fieldNames(requestSchema.path("properties")));
                requestSchema.path("required").forEach(required -> softly.assertThat(body.has(required.asText()))
                        .as("request example '%s' of POST %s has required '%s'", name, path, required.asText())
                        .isTrue());
            });
            JsonNode success = operation.path("responses").path(statuses(operation.path("responses"), 2).get(0));
            JsonNode answerSchema = schema(schemas, success, MediaType.APPLICATION_JSON_VALUE);
            examples(success, MediaType.APPLICATION_JSON_VALUE).forEach((name, body) -> softly
                    .assertThat(fieldNames(body)).as("fields of answer example '%s' of POST %s", name, path)
                    .containsExactlyInAnyOrderElementsOf(fieldNames(answerSchema.path("properties"))));
        });
        softly.assertAll();
    }

    // --- the examples against the controllers -----------------------------------------------------------------------

    @Test
    void everyRequestExamplePassesValidationAndTheFirstIsAnsweredAsDocumented() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, JsonNode> command : commands().entrySet()) {
            String path = command.getKey();
            JsonNode responses = command.getValue().path("responses");
            String success = statuses(responses, 2).get(0);
            JsonNode documented = examples(responses.path(success), MediaType.APPLICATION_JSON_VALUE)
                    .values().iterator().next();
            boolean first = true;
            for (Map.Entry<String, JsonNode> example : examples(command.getValue().path("requestBody"),
                    MediaType.APPLICATION_JSON_VALUE).entrySet()) {
                MockHttpServletResponse response = send(post(concrete(path)), example.getValue(), tokenFor(path),
                        UUID.randomUUID().toString());
                String what = "request example '" + example.getKey() + "' of POST " + path;
                softly.assertThat(response.getStatus()).as("status of %s (%s)", what, response.getContentAsString())
                        .isEqualTo(Integer.parseInt(success));
                if (first && response.getStatus() < 300) {
                    softly.assertThat(json.readTree(response.getContentAsString()))
                            .as("answer to %s", what).isEqualTo(documented);
                    softly.assertThat(response.getHeader(HttpHeaders.LOCATION) != null)
                            .as("Location of the answer to %s, as documented", what)
                            .isEqualTo(responses.path(success).path("headers").has(HttpHeaders.LOCATION));
                }
                first = false;
            }
        }
        softly.assertAll();
    }

    @Test
    void theIdempotencyKeyIsRequiredExactlyWhereTheDocumentSaysSo() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, JsonNode> command : commands().entrySet()) {
            String path = command.getKey();
            JsonNode header = null;
            for (JsonNode parameter : command.getValue().path("parameters")) {
                if (parameter.path("in").asText().equals("header")
                        && parameter.path("name").asText().equals("Idempotency-Key")) {
                    header = parameter;
                }
            }
            softly.assertThat(header).as("Idempotency-Key header of POST %s", path).isNotNull();
            if (header == null) {
                continue;
            }
            MockHttpServletResponse response = send(post(concrete(path)), firstRequestExample(command.getValue()),
                    tokenFor(path), null);
            if (header.path("required").asBoolean()) {
                softly.assertThat(response.getStatus()).as("POST %s without a key", path).isEqualTo(400);
                softly.assertThat(response.getContentAsString()).as("POST %s without a key", path)
                        .contains("IDEMPOTENCY_KEY_REQUIRED");
            } else {
                softly.assertThat(response.getStatus()).as("POST %s without a key", path).isBetween(200, 299);
            }
        }
        softly.assertAll();
    }

    /**
     * The refusals that do not depend on what is recorded are provoked for real, and the answer must be the
     * documented example, to the letter. The others (rule violations) are checked for their shape only.
     */
    @Test
    void theRefusalsThatCanBeProvokedHereAreAnsweredExactlyAsDocumented() throws Exception {
        SoftAssertions softly = new SoftAssertions();
        int provoked = 0;
        for (Map.Entry<String, JsonNode> command : commands().entrySet()) {
            String path = command.getKey();
            JsonNode body = firstRequestExample(command.getValue());
            for (Map.Entry<String, JsonNode> response : command.getValue().path("responses").properties()) {
                if (Integer.parseInt(response.getKey()) < 400) {
                    continue;
                }
                for (Map.Entry<String, JsonNode> example : examples(response.getValue(), PROBLEM_JSON).entrySet()) {
                    JsonNode documented = example.getValue();
                    Optional<MockHttpServletResponse> answer = provoke(documented, path, body);
                    if (answer.isEmpty()) {
                        continue;
                    }
                    provoked++;
                    String what = "'" + example.getKey() + "' of " + response.getKey() + " to POST " + path;
                    softly.assertThat(answer.get().getContentType()).as("media type of %s", what)
                            .isEqualTo(PROBLEM_JSON);
                    softly.assertThat(json.readTree(answer.get().getContentAsString())).as(what)
                            .isEqualTo(documented);
                    if (documented.path("code").asText().equals("STORE_UNAVAILABLE")) {
                        softly.assertThat(answer.get().getHeader(HttpHeaders.RETRY_AFTER)).as("Retry-After of %s", what)
                                .isEqualTo("5");
                    }
                }
            }
        }
        softly.assertAll();
        assertThat(provoked).as("refusals provoked").isGreaterThan(COMMANDS.size() * 8);
    }

    private Optional<MockHttpServletResponse> provoke(JsonNode problem, String path, JsonNode body) throws Exception {
        Mockito.reset(gateway, idempotency);
        when(identities.kelurahanOfLoan(anyString())).thenReturn(Optional.of(CODE));
        String code = problem.path("code").asText();
        String at = concrete(path);
        String key = UUID.randomUUID().toString();
        RequestPostProcessor token = tokenFor(path);
        switch (code) {
            case "UNAUTHENTICATED" -> token = request -> request;
            case "MALFORMED_JSON" -> {
                return Optional.of(mvc.perform(post(at).contentType(MediaType.APPLICATION_JSON).content("{")
                        .header("Idempotency-Key", key).with(token)).andReturn().getResponse());
            }
            case "MISSING_BODY" -> {
                return Optional.of(mvc.perform(post(at).contentType(MediaType.APPLICATION_JSON)
                        .header("Idempotency-Key", key).with(token)).andReturn().getResponse());
            }
            case "UNKNOWN_FIELD" -> body = json.createObjectNode().put("remarks", "x");
            case "INVALID_HEADER" -> key = "not a key";
            case "INVALID_KELURAHAN_CODE", "INVALID_PARAMETER" -> at = problem.path("instance").asText();
            case "IDEMPOTENCY_KEY_REQUIRED" -> key = null;
            case "ROLE_NOT_PERMITTED" -> token = ADMIN_COMMANDS.contains(path) ? lkmOf(CODE) : monitor();
            case "KELURAHAN_NOT_PERMITTED" -> token = lkmOf(OTHER_CODE);
            case "KELURAHAN_NOT_FOUND" -> when(gateway.sendAndWait(any()))
                    .thenThrow(new AggregateNotFoundException(CODE, "no events"));
            case "LOAN_NOT_FOUND" -> when(identities.kelurahanOfLoan(anyString())).thenReturn(Optional.empty());
            case "CONCURRENT_CHANGE" -> when(gateway.sendAndWait(any()))
                    .thenThrow(new ConcurrencyException("appended at the same moment"));
            case "STORE_UNAVAILABLE" -> when(gateway.sendAndWait(any()))
                    .thenThrow(new EventStoreException("connection refused"));
            case "IDEMPOTENCY_KEY_REUSED" -> {
                key = problem.path("detail").asText().replaceFirst("^Idempotency-Key '([^']+)'.*", "$1");
                when(idempotency.find(anyString(), any()))
                        .thenReturn(Optional.of(new IdempotencyStore.Recorded("another request", 201, null, "{}")));
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.of(send(post(at), body, token, key));
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private JsonNode document() throws Exception {
        return json.readTree(mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString());
    }

    /** The POST operations under /api/v1, by path. */
    private Map<String, JsonNode> commands() throws Exception {
        Map<String, JsonNode> commands = new LinkedHashMap<>();
        document().path("paths").properties().forEach(path -> {
            if (path.getKey().startsWith("/api/v1/")) {
                JsonNode post = path.getValue().path("post");
                if (!post.isMissingNode()) {
                    commands.put(path.getKey(), post);
                }
            }
        });
        return commands;
    }

    /** The examples of a request body or response in one media type, by name, each value as JSON. */
    private Map<String, JsonNode> examples(JsonNode bodyOrResponse, String mediaType) {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        bodyOrResponse.path("content").path(mediaType).path("examples").properties().forEach(example -> {
            JsonNode value = example.getValue().path("value");
            try {
                examples.put(example.getKey(), value.isTextual() ? json.readTree(value.asText()) : value);
            } catch (Exception e) {
                throw new AssertionError("Example '" + example.getKey() + "' is not JSON: " + value, e);
            }
        });
        return examples;
    }

    private JsonNode firstRequestExample(JsonNode operation) {
        return examples(operation.path("requestBody"), MediaType.APPLICATION_JSON_VALUE).values().iterator().next();
    }

    private static JsonNode schema(JsonNode schemas, JsonNode bodyOrResponse, String mediaType) {
        String ref = bodyOrResponse.path("content").path(mediaType).path("schema").path("$ref").asText();
        assertThat(ref).as("schema reference").startsWith("#/components/schemas/");
        return schemas.path(ref.substring("#/components/schemas/".length()));
    }

    private static List<String> statuses(JsonNode responses, int family) {
        List<String> statuses = new ArrayList<>();
        responses.fieldNames().forEachRemaining(status -> {
            if (status.startsWith(String.valueOf(family))) {
                statuses.add(status);
            }
        });
        return statuses;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> fields = node.fieldNames();
        fields.forEachRemaining(names::add);
        return names;
    }

    /** The path with the values the examples use for its variables. */
    private static String concrete(String path) {
        Matcher variables = PATH_VARIABLE.matcher(path);
        StringBuilder concrete = new StringBuilder();
        while (variables.find()) {
            String value = PATH_VALUES.get(variables.group(1));
            assertThat(value).as("an example value for {%s}", variables.group(1)).isNotNull();
            variables.appendReplacement(concrete, Matcher.quoteReplacement(value));
        }
        return variables.appendTail(concrete).toString();
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, JsonNode body,
                                         RequestPostProcessor token, String idempotencyKey) throws Exception {
        request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)).with(token);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static RequestPostProcessor tokenFor(String path) {
        return ADMIN_COMMANDS.contains(path) ? admin() : lkmOf(CODE);
    }

    private static RequestPostProcessor admin() {
        return withRole("ROLE_ADMIN", token -> token.subject("admin-console"));
    }

    private static RequestPostProcessor lkmOf(String code) {
        return withRole("ROLE_LKM", token -> token.subject("lkm-bandar-lor").claim("kelurahan", List.of(code)));
    }

    private static RequestPostProcessor monitor() {
        return withRole("ROLE_MONITOR", token -> token.subject("pemantau-kediri"));
    }

    private static RequestPostProcessor withRole(String authority,
                                                 Consumer<org.springframework.security.oauth2.jwt.Jwt.Builder> claims) {
        return jwt().jwt(claims).authorities(new SimpleGrantedAuthority(authority));
    }
}
