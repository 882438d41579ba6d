package id.siklus.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Checks the repository's docker-compose.yml without a Docker engine: its structure always, and
 * {@code docker-compose config -q} as well when docker-compose is installed.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ComposeFileTest {

    /** Maven runs the tests in the module folder, so the repository root is one level up. */
    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");
    private static final List<String> SERVICES = List.of("postgres", "kafka", "mongo", "command-service", "query-service");

    private static Map<String, Object> compose;

    @BeforeAll
    static void parseComposeFile() throws IOException {
        assertThat(COMPOSE_FILE).as("docker-compose.yml at the repository root").isRegularFile();
        try (Reader reader = Files.newBufferedReader(COMPOSE_FILE, StandardCharsets.UTF_8)) {
            compose = new Yaml().load(reader);
        }
    }

    @Test
    void defines_the_three_datastores_and_both_services() {
        assertThat(services()).containsKeys(SERVICES.toArray(String[]::new));
    }

    /** The app services carry their own healthcheck in the compose file too, so depends_on can wait for them. */
    @Test
    void gives_every_service_a_healthcheck_in_the_compose_file() {
        for (String name : SERVICES) {
            Map<String, Object> healthcheck = map(service(name).get("healthcheck"), name + " healthcheck");
            assertThat(healthcheck.get("test")).as(name + " healthcheck test").isNotNull().isNotEqualTo(List.of("NONE"));
            assertThat(healthcheck.get("disable")).as(name + " healthcheck disable").isNotEqualTo(Boolean.TRUE);
        }
    }

    @Test
    void starts_each_service_after_the_datastores_it_needs_are_healthy() {
        assertThat(dependenciesAwaitedHealthy("command-service")).as("command-service waits for healthy")
                .contains("postgres", "kafka");
        assertThat(dependenciesAwaitedHealthy("query-service")).as("query-service waits for healthy")
                .contains("kafka", "mongo");
    }

    @Test
    void pins_every_image_to_a_version_tag() throws IOException {
        for (String name : services().keySet()) {
            Map<String, Object> service = service(name);
            assertThat(service.keySet()).as(name + " has an image or a build").containsAnyOf("image", "build");
            if (service.get("image") != null) {
                assertPinned(String.valueOf(service.get("image")), "service " + name);
            }
            if (service.get("build") != null) {
                for (String base : baseImages(dockerfileOf(service.get("build")))) {
                    assertPinned(base, "the Dockerfile of " + name);
                }
            }
        }
    }

    @Test
    void runs_mongo_as_the_replica_set_the_query_service_connects_to() {
        Object command = service("mongo").get("command");
        String commandLine = command instanceof List<?> parts
                ? parts.stream().map(String::valueOf).collect(Collectors.joining(" "))
                : String.valueOf(command);
        assertThat(commandLine).as("mongo command").contains("--replSet rs0");
        Map<String, Object> environment = map(service("query-service").get("environment"), "query-service environment");
        assertThat(String.valueOf(environment.get("SIKLUS_MONGO_URI"))).as("SIKLUS_MONGO_URI").contains("replicaSet=rs0");
    }

    @Test
    void builds_both_services_from_dockerfiles_that_exist() {
        for (String name : List.of("command-service", "query-service")) {
            assertThat(service(name)).as(name).containsKey("build");
            assertThat(dockerfileOf(service(name).get("build"))).as(name + " Dockerfile").isRegularFile();
        }
    }

    @Test
    void passes_docker_compose_config_when_docker_compose_is_installed(@TempDir Path temp) throws Exception {
        Optional<Path> dockerCompose = onPath("docker-compose");
        if (dockerCompose.isEmpty()) {
            System.out.println("docker-compose not installed: structural check only");
            return;
        }
        Path output = temp.resolve("docker-compose-config.txt");
        Process process = new ProcessBuilder(dockerCompose.get().toString(), "-f", COMPOSE_FILE.toString(), "config", "-q")
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("docker-compose config -q did not finish within 60 s");
        }
        assertThat(process.exitValue()).as("docker-compose config -q said: " + Files.readString(output)).isZero();
        System.out.println("compose validated by docker-compose config -q");
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static Map<String, Object> services() {
        return map(compose.get("services"), "services");
    }

    private static Map<String, Object> service(String name) {
        return map(services().get(name), "service " + name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** Only the long form of depends_on carries a condition; the short list form waits for the start alone. */
    private static Set<String> dependenciesAwaitedHealthy(String name) {
        Map<String, Object> dependsOn = map(service(name).get("depends_on"), name + " depends_on (long form)");
        Set<String> healthy = new TreeSet<>();
        dependsOn.forEach((dependency, spec) -> {
            if (spec instanceof Map<?, ?> condition && "service_healthy".equals(condition.get("condition"))) {
                healthy.add(dependency);
            }
        });
        return healthy;
    }

    /** {@code build: ./folder} or {@code build: {context: ./folder, dockerfile: …}}, relative to the compose file. */
    private static Path dockerfileOf(Object build) {
        Path composeDirectory = COMPOSE_FILE.getParent();
        if (build instanceof String context) {
            return composeDirectory.resolve(context).resolve("Dockerfile").normalize();
        }
        Map<String, Object> spec = map(build, "build");
        Path context = composeDirectory.resolve(String.valueOf(spec.getOrDefault("context", ".")));
        return context.resolve(String.valueOf(spec.getOrDefault("dockerfile", "Dockerfile"))).normalize();
    }

    /** The images named by FROM lines, flags such as --platform skipped. */
    private static List<String> baseImages(Path dockerfile) throws IOException {
        try (Stream<String> lines = Files.lines(dockerfile)) {
            return lines.map(String::strip)
                    .filter(line -> line.regionMatches(true, 0, "FROM ", 0, 5))
                    .map(line -> Stream.of(line.split("\\s+")).skip(1)
                            .filter(word -> !word.startsWith("--")).findFirst().orElse(""))
                    .collect(Collectors.toList());
        }
    }

    /** A digest pins an image; otherwise the tag must be a version (starts with a digit), never latest or absent. */
    private static void assertPinned(String image, String where) {
        if (image.contains("@sha256:")) {
            return;
        }
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        String tag = colon < 0 ? "" : lastSegment.substring(colon + 1);
        assertThat(tag).as(where + ": image " + image + " is pinned to a version tag").matches("\\d[\\w.-]*");
    }

    private static Optional<Path> onPath(String executable) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(folder -> !folder.isBlank())
                .map(folder -> Path.of(folder, executable))
                .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                .findFirst();
    }
}
