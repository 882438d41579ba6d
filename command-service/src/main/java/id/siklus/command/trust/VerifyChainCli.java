package id.siklus.command.trust;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The chain verifier from the command line, against any PostgreSQL event store, without starting the service:
 * {@code ./siklus verify [AGGREGATE]}, or
 * {@code java -cp command-service-…-exec.jar -Dloader.main=id.siklus.command.trust.VerifyChainCli
 * org.springframework.boot.loader.launch.PropertiesLauncher JDBC_URL USER PASSWORD [AGGREGATE]}.
 * Exits 0 when the history is intact, 1 when a link is broken, 2 on wrong use.
 */
public final class VerifyChainCli {

    private VerifyChainCli() {
    }

    public static void main(String[] args) {
        if (args.length < 3) {
            System.err.println("usage: VerifyChainCli JDBC_URL USER PASSWORD [AGGREGATE]");
            System.exit(2);
        }
        ChainVerifier verifier = new ChainVerifier(new JdbcTemplate(new DriverManagerDataSource(args[0], args[1],
                args[2])));
        ChainVerifier.Verification result = args.length > 3 ? verifier.verify(args[3]) : verifier.verifyAll();
        if (result.intact()) {
            System.out.printf("intact: %d events of %d aggregates verified%n", result.events(), result.aggregates());
            System.exit(0);
        }
        ChainVerifier.BrokenLink broken = result.firstBrokenLink();
        System.out.printf("BROKEN at %s #%d: %s (%d events checked)%n", broken.aggregateId(), broken.sequence(),
                broken.problem(), result.events());
        System.exit(1);
    }
}
