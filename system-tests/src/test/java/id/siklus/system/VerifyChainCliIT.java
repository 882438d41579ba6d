package id.siklus.system;

import id.siklus.command.trust.VerifyChainCli;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash-chain verifier as a command-line tool, run as its own process against the event store: exit 0 for an
 * intact history, 1 with the first broken link for an altered one, 2 on wrong use.
 */
class VerifyChainCliIT {

    record Run(int exit, String output) {
    }

    private static Run cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), VerifyChainCli.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS)).as("the verifier ends").isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private static void sql(SiklusSystem system, String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection(system.infrastructure.jdbcUrl(),
                system.infrastructure.jdbcUsername(), system.infrastructure.jdbcPassword());
             Statement sql = connection.createStatement()) {
            sql.executeUpdate(statement);
        }
    }

    @Test
    void theCommandLineVerifierFindsTheFirstBrokenLinkAndSaysSoByItsExitCode() throws Exception {
        SiklusSystem system = SiklusSystem.get();
        String code = "35.70.%02d.%04d".formatted(ThreadLocalRandom.current().nextInt(10, 99),
                ThreadLocalRandom.current().nextInt(1000, 9999));
        system.prepareKelurahan(code);
        String url = system.infrastructure.jdbcUrl();
        String user = system.infrastructure.jdbcUsername();
        String password = system.infrastructure.jdbcPassword();

        Run intact = cli(url, user, password, code);
        assertThat(intact.exit()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("intact: 3 events of 1 aggregates verified");

        String where = " WHERE aggregate_identifier = '" + code + "' AND sequence_number = 1";
        sql(system, "UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                + "'\"men\":40', '\"men\":400'), 'UTF8')" + where);
        try {
            Run broken = cli(url, user, password, code);
            assertThat(broken.exit()).as(broken.output()).isEqualTo(1);
            assertThat(broken.output()).contains("BROKEN at " + code + " #1").contains("content differs");
        } finally {
            sql(system, "UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                    + "'\"men\":400', '\"men\":40'), 'UTF8')" + where);
        }
        assertThat(cli(url, user, password, code).exit()).as("restored").isZero();

        Run wrongUse = cli(url);
        assertThat(wrongUse.exit()).isEqualTo(2);
        assertThat(wrongUse.output()).contains("usage:");
    }
}
