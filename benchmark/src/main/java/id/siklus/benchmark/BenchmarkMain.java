package id.siklus.benchmark;

import java.nio.file.Path;

/**
 * {@code ./siklus bench [--quick] [--out DIR] [--seed N] [--kelurahan N] [--households N] [--large-households N]
 * [--large-events N] [--large-only] [--growth N[,N…]]}: runs the whole harness in this JVM and writes {@code benchmarks.json} and {@code benchmarks.md} into DIR (default {@code docs}).
 */
public final class BenchmarkMain {

    private BenchmarkMain() {
    }

    public static void main(String[] args) throws Exception {
        run(args);
        // the services' and Kafka's non-daemon threads are closed, but do not let a straggler keep the JVM up
        System.exit(0);
    }

    /** Runs and writes the result; returns the directory it was written to. */
    public static Path run(String... args) throws Exception {
        boolean quick = false;
        Path out = Path.of("docs");
        Long seed = null;
        Integer kelurahan = null;
        Integer households = null;
        Integer largeHouseholds = null;
        Integer largeEvents = null;
        boolean largeOnly = false;
        java.util.List<Long> growth = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--kelurahan" -> kelurahan = Integer.parseInt(args[++i]);
                case "--households" -> households = Integer.parseInt(args[++i]);
                case "--large-households" -> largeHouseholds = Integer.parseInt(args[++i]);
                case "--large-events" -> largeEvents = Integer.parseInt(args[++i]);
                case "--large-only" -> largeOnly = true;
                case "--growth" -> growth = java.util.Arrays.stream(args[++i].split(",")).map(String::strip)
                        .filter(v -> !v.isEmpty()).map(Long::parseLong).toList();
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                        + "; use --quick, --out DIR, --seed N, --kelurahan N, --households N, --large-households N,"
                        + " --large-events N, --large-only, --growth N[,N…]");
            }
        }
        Harness.Settings settings = quick ? Harness.Settings.quick(out) : Harness.Settings.full(out);
        settings = settings.with(seed != null ? seed : settings.seed(),
                kelurahan != null ? kelurahan : settings.kelurahan(),
                households != null ? households : settings.households());
        settings = settings.withLarge(largeHouseholds != null ? largeHouseholds : settings.largeHouseholds(),
                largeEvents != null ? largeEvents : settings.largeEvents());
        if (growth != null) {
            settings = settings.withGrowth(growth);
        }
        Report report = new Harness(settings).largeOnly(largeOnly).run();
        report.write(out);
        Harness.log("wrote " + out.resolve("benchmarks.md") + " and " + out.resolve("benchmarks.json"));
        return out;
    }
}
