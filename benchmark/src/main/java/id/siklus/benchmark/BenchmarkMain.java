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
        try {
            run(args);
        } catch (BadArguments e) {
            // ./siklus bench shows the [bench] lines of standard output; the rest goes to its log
            System.out.println("[bench] " + e.getMessage());
            System.exit(2);
        }
        // the services' and Kafka's non-daemon threads are closed, but do not let a straggler keep the JVM up
        System.exit(0);
    }

    /** The command line cannot be understood: said in one sentence, nothing started. */
    static final class BadArguments extends IllegalArgumentException {
        BadArguments(String message) {
            super(message);
        }
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new BadArguments(flag + " needs a value");
        }
        return args[i];
    }

    private static long number(String[] args, int i, String flag) {
        return number(value(args, i, flag), flag);
    }

    /** A whole number not below zero, or a sentence that says what was given. */
    private static long number(String value, String flag) {
        try {
            long number = Long.parseLong(value.replace("_", ""));
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadArguments(flag + " takes whole numbers of zero or more (--growth: separated by "
                + "commas, e.g. 1000000,5000000), not \"" + value + "\"");
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
            String flag = args[i];
            switch (flag) {
                case "--quick" -> quick = true;
                case "--out" -> out = Path.of(value(args, ++i, flag));
                case "--seed" -> seed = number(args, ++i, flag);
                case "--kelurahan" -> kelurahan = (int) number(args, ++i, flag);
                case "--households" -> households = (int) number(args, ++i, flag);
                case "--large-households" -> largeHouseholds = (int) number(args, ++i, flag);
                case "--large-events" -> largeEvents = (int) number(args, ++i, flag);
                case "--large-only" -> largeOnly = true;
                case "--growth" -> {
                    java.util.List<Long> sizes = new java.util.ArrayList<>();
                    for (String size : value(args, ++i, flag).split(",")) {
                        if (!size.isBlank()) {
                            sizes.add(number(size.strip(), flag));
                        }
                    }
                    growth = java.util.List.copyOf(sizes);
                }
                default -> throw new BadArguments("Unknown argument " + flag
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
