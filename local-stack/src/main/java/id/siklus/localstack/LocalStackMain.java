package id.siklus.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The local-stack command line, called by {@code ./siklus}:
 * <pre>
 *   infra STATE_DIR                                   start the infrastructure and wait for Ctrl-C / SIGTERM
 *   token STATE_DIR ROLE [CODE…] [--kota K] [--sub S]  print a bearer token signed with the local key
 *   sample STATE_DIR COMMAND_SERVICE_URL               load the synthetic sample kelurahan once
 * </pre>
 */
public final class LocalStackMain {

    private LocalStackMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
            return;
        }
        Path state = Path.of(args[1]).toAbsolutePath();
        switch (args[0]) {
            case "infra" -> runInfrastructure(state);
            case "token" -> System.out.println(mintToken(state, Arrays.asList(args).subList(2, args.length)));
            case "sample" -> {
                if (args.length < 3) {
                    usage();
                    return;
                }
                new SampleData(new TokenMinter(SigningKeys.loadOrCreate(state.resolve("jwt"))), args[2])
                        .loadOnce(state.resolve("sample-loaded"));
            }
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("""
                usage: infra STATE_DIR
                       token STATE_DIR ROLE [KELURAHAN_CODE…] [--kota KOTA] [--sub SUBJECT]
                       sample STATE_DIR COMMAND_SERVICE_URL""");
        System.exit(2);
    }

    private static void runInfrastructure(Path state) throws IOException, InterruptedException {
        LocalStack stack = LocalStack.start(LocalStack.Settings.fromEnvironment(state));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        Path env = state.resolve("stack.env");
        PersonalDataSecrets secrets = PersonalDataSecrets.loadOrCreate(state.resolve("personal-data"));
        Files.writeString(env, String.join("\n",
                "SIKLUS_JDBC_URL=" + stack.jdbcUrl(),
                "SIKLUS_JDBC_USERNAME=" + stack.jdbcUsername(),
                "SIKLUS_KAFKA_BOOTSTRAP=" + stack.kafkaBootstrapServers(),
                "SIKLUS_MONGO_URI=" + stack.mongoConnectionString() + "/siklus",
                "SIKLUS_JWT_PUBLIC_KEY=" + stack.signingKeys().publicKeyPem().toUri(),
                "SIKLUS_PERSONAL_DATA_MASTER_KEY=" + secrets.masterKey(),
                "SIKLUS_PERSONAL_DATA_PEPPER=" + secrets.pepper(),
                "") );
        System.out.println("LOCAL-STACK READY");
        stopped.await();
    }

    static String mintToken(Path state, List<String> arguments) throws IOException {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("Name a role: ADMIN, LKM, MONITOR or AUDITOR");
        }
        String role = arguments.get(0);
        List<String> codes = new ArrayList<>();
        String kota = null;
        String subject = null;
        Iterator<String> rest = arguments.subList(1, arguments.size()).iterator();
        while (rest.hasNext()) {
            String argument = rest.next();
            switch (argument) {
                case "--kota" -> kota = rest.next();
                case "--sub" -> subject = rest.next();
                default -> codes.add(argument);
            }
        }
        TokenMinter.TokenRequest request = TokenMinter.TokenRequest.of(role, codes.toArray(String[]::new))
                .withKota(kota)
                .withSubject(subject);
        return new TokenMinter(SigningKeys.loadOrCreate(state.resolve("jwt"))).mint(request);
    }
}
