package id.siklus.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Where the machine's CPU went between two moments: the benchmark's JVM (both services, the Kafka broker, the Mongo
 * wire server and the load generator are all in it) thread by thread, grouped into the system's parts by thread
 * name; the PostgreSQL server's processes from {@code /proc}; and the whole machine from {@code /proc/stat}. It is
 * the evidence for "what limits the rest": with two cores, which part needs how many milliseconds of CPU per command.
 * <p>
 * A thread's CPU is counted only while it is alive at the second reading (a thread that ended in between, such as the
 * load generator's per-response threads, shows in "JVM: GC, JIT, threads that ended": the process's CPU less every
 * live thread's). Linux only; elsewhere the PostgreSQL and machine figures are 0.
 */
final class CpuUse {

    /** The parts of the system, in the order they are reported, and the test that puts a thread in a part. */
    static final String COMMAND_HTTP = "command-service HTTP (commands)";
    static final String QUERY_HTTP = "query-service HTTP (views)";
    static final String PUBLISHER = "publisher (event store → Kafka)";
    static final String STORE_READER = "event store reader (Axon)";
    static final String PROJECTIONS = "projections (nine processors)";
    static final String KAFKA_CLIENTS = "Kafka clients (producer, consumer fetchers)";
    static final String KAFKA_BROKER = "Kafka broker (in this JVM)";
    static final String MONGO_SERVER = "Mongo wire server (stand-in, in this JVM)";
    static final String MONGO_DRIVER = "MongoDB driver";
    static final String PAST_VIEWS = "views of the past (background folds)";
    static final String LOAD = "load generator";
    static final String OTHER_THREADS = "other threads";
    static final String GC = "JVM: garbage collection";
    static final String JIT = "JVM: JIT compilers";
    static final String JVM = "JVM: threads that ended and the rest (e.g. the load generator's per-response threads)";
    static final String POSTGRES = "PostgreSQL (its own processes)";
    static final String REST = "rest of the machine (kernel, other processes)";
    static final String IDLE = "idle";

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Function<String, String> part;
    private final long postmasterPid;

    /**
     * @param commandHttp the command-service's Tomcat thread name prefix (e.g. {@code http-nio-auto-1-})
     * @param queryHttp   the query-service's
     * @param postmasterPid PostgreSQL's postmaster process, -1 when unknown
     */
    CpuUse(String commandHttp, String queryHttp, long postmasterPid) {
        this.postmasterPid = postmasterPid;
        this.part = name -> partOf(name, commandHttp, queryHttp);
    }

    static String partOf(String name, String commandHttp, String queryHttp) {
        if (name.startsWith(commandHttp)) {
            return COMMAND_HTTP;
        }
        if (name.startsWith(queryHttp)) {
            return QUERY_HTTP;
        }
        if (name.startsWith("EventProcessor[" + BenchSystem.PUBLISHER + "]")) {
            return PUBLISHER;
        }
        if (name.startsWith("EmbeddedEventStore")) {
            return STORE_READER;
        }
        if (name.startsWith("EventProcessor[") || name.startsWith("projection-replay")) {
            return PROJECTIONS;
        }
        if (name.startsWith("kafka-producer-network-thread") || name.startsWith("AsyncFetcher")
                || name.startsWith("kafka-coordinator-heartbeat-thread")) {
            return KAFKA_CLIENTS;
        }
        if (name.startsWith("mongo-server-")) {
            return MONGO_SERVER;
        }
        if (name.startsWith("cluster-") || name.startsWith("MaintenanceTimer")) {
            return MONGO_DRIVER;
        }
        if (name.startsWith("kota-summary") || name.startsWith("time-travel")) {
            return PAST_VIEWS;
        }
        if (name.startsWith("bench-") || name.startsWith("HttpClient-")) {
            return LOAD;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("kafka") || lower.contains("broker") || lower.contains("raft")
                || lower.contains("quorum") || lower.contains("controller") || lower.contains("expirationreaper")
                || lower.contains("data-plane") || lower.contains("log-cleaner") || lower.contains("executor-")) {
            return KAFKA_BROKER;
        }
        return OTHER_THREADS;
    }

    /** One reading. */
    Reading read() {
        long wall = System.nanoTime();
        Map<Long, Long> byThread = new HashMap<>();
        Map<Long, String> names = new HashMap<>();
        long[] ids = THREADS.getAllThreadIds();
        for (ThreadInfo info : THREADS.getThreadInfo(ids)) {
            if (info == null) {
                continue;
            }
            long cpu = THREADS.getThreadCpuTime(info.getThreadId());
            if (cpu >= 0) {
                byThread.put(info.getThreadId(), cpu);
                names.put(info.getThreadId(), info.getThreadName());
            }
        }
        long process = ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
        long[] machine = machine();
        long[] vm = vmThreads();
        return new Reading(wall, byThread, names, process, vm[0], vm[1], postgres(), machine[0], machine[1]);
    }

    /** What was used from {@code before} to {@code after}, by part, with {@code commands} answered in between. */
    Use between(Reading before, Reading after, long commands) {
        Map<String, Long> nanos = new LinkedHashMap<>();
        for (String p : List.of(COMMAND_HTTP, QUERY_HTTP, PUBLISHER, STORE_READER, PROJECTIONS, KAFKA_CLIENTS,
                KAFKA_BROKER, MONGO_SERVER, MONGO_DRIVER, PAST_VIEWS, LOAD, OTHER_THREADS, GC, JIT, JVM, POSTGRES,
                REST, IDLE)) {
            nanos.put(p, 0L);
        }
        long threads = 0;
        for (Map.Entry<Long, Long> t : after.byThread().entrySet()) {
            long used = t.getValue() - before.byThread().getOrDefault(t.getKey(), 0L);
            if (used > 0) {
                nanos.merge(part.apply(after.names().get(t.getKey())), used, Long::sum);
                threads += used;
            }
        }
        long process = after.process() - before.process();
        long gc = Math.max(0, after.gc() - before.gc());
        long jit = Math.max(0, after.jit() - before.jit());
        nanos.put(GC, gc);
        nanos.put(JIT, jit);
        nanos.put(JVM, Math.max(0, process - threads - gc - jit));
        long pg = Math.max(0, after.postgres() - before.postgres());
        nanos.put(POSTGRES, pg);
        long busy = after.machineBusy() - before.machineBusy();
        long total = after.machineTotal() - before.machineTotal();
        nanos.put(REST, Math.max(0, busy - process - pg));
        nanos.put(IDLE, Math.max(0, total - busy));
        return new Use(after.wall() - before.wall(), commands, nanos);
    }

    /** The parts that kept the most cores busy, e.g. {@code "idle 0.61 cores, PostgreSQL … 0.31 cores"}. */
    static String busiest(Use use, int parts) {
        return use.nanos().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(parts)
                .map(e -> String.format(java.util.Locale.ROOT, "%s %.2f cores", e.getKey(),
                        use.cores(e.getKey())))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** CPU of the postmaster and its children (and of children already gone, which the kernel adds to it). */
    private long postgres() {
        if (postmasterPid <= 0) {
            return 0;
        }
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) processes::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                long[] stat = stat(Long.parseLong(name));
                if (stat == null) {
                    continue;
                }
                if (Long.parseLong(name) == postmasterPid) {
                    ticks += stat[1] + stat[2] + stat[3] + stat[4];
                } else if (stat[0] == postmasterPid) {
                    ticks += stat[1] + stat[2];
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks * (1_000_000_000L / CLOCK_TICKS);
    }

    /**
     * CPU of the JVM's own threads, which are not Java threads and so not in the thread bean: its garbage collector's
     * and its JIT compilers', from {@code /proc/self/task} by their (15-character) names.
     */
    private static long[] vmThreads() {
        long gc = 0;
        long jit = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String name;
                long[] stat;
                try {
                    name = Files.readString(task.resolve("comm")).trim();
                    stat = stat(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // ended while being read
                }
                if (stat == null) {
                    continue;
                }
                if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
                    gc += stat[1] + stat[2];
                } else if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    jit += stat[1] + stat[2];
                }
            }
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
        return new long[] {gc * (1_000_000_000L / CLOCK_TICKS), jit * (1_000_000_000L / CLOCK_TICKS)};
    }

    /** USER_HZ: the unit of /proc's CPU times; 100 on every Linux this runs on (sysconf is not reachable from Java). */
    private static final long CLOCK_TICKS = 100;

    /** ppid, utime, stime, cutime, cstime of a process; null when it is gone. */
    static long[] stat(long pid) {
        return stat(Path.of("/proc", Long.toString(pid), "stat"));
    }

    private static long[] stat(Path file) {
        try {
            String s = Files.readString(file);
            // the command name (field 2) is in parentheses and may hold spaces: fields after the last ')'
            String[] f = s.substring(s.lastIndexOf(')') + 2).trim().split(" ");
            // f[0] is field 3 (state): ppid is field 4, utime..cstime are fields 14..17
            return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The whole machine's busy and total CPU time in nanoseconds (all cores), from the first line of /proc/stat. */
    private static long[] machine() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            long unit = 1_000_000_000L / CLOCK_TICKS;
            return new long[] {(total - idle) * unit, total * unit};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }

    record Reading(long wall, Map<Long, Long> byThread, Map<Long, String> names, long process, long gc, long jit,
                   long postgres, long machineBusy, long machineTotal) {
    }

    /** CPU used over {@code wallNanos}, by part (idle included), with {@code commands} answered. */
    record Use(long wallNanos, long commands, Map<String, Long> nanos) {

        /** Cores a part kept busy on average. */
        double cores(String part) {
            return wallNanos == 0 ? 0 : nanos.getOrDefault(part, 0L) / (double) wallNanos;
        }

        /** Milliseconds of CPU a part used per command answered. */
        double msPerCommand(String part) {
            return commands == 0 ? 0 : nanos.getOrDefault(part, 0L) / 1e6 / commands;
        }

        /** Milliseconds of CPU per command answered, all parts but idle. */
        double busyMsPerCommand() {
            long busy = nanos.entrySet().stream().filter(e -> !e.getKey().equals(IDLE))
                    .mapToLong(Map.Entry::getValue).sum();
            return commands == 0 ? 0 : busy / 1e6 / commands;
        }

        List<String> parts() {
            return new ArrayList<>(nanos.keySet());
        }
    }
}
