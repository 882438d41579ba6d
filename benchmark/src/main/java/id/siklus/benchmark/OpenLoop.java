package id.siklus.benchmark;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * An open-loop load generator: request i is due at start + i / rate whether or not earlier ones were answered, and
 * its latency is measured from that intended time, not from when it was actually sent. A slow system therefore shows
 * up as latency (queueing included) instead of quietly lowering the offered load: no coordinated omission.
 * Requests are sent asynchronously by one scheduling thread; at most {@code maxInFlight} may be outstanding, beyond
 * that the scheduler waits, and the wait counts in the latency of the requests it delays.
 */
final class OpenLoop {

    private OpenLoop() {
    }

    /** Latencies in microseconds, overall and per kind of request. */
    record Result(String name, double offeredRate, double seconds, long sent, long ok, long failed,
                  double achievedRate, double lastAnswerAfterSeconds, Histogram latency, Map<String, Histogram> byKind,
                  Map<String, Long> failures) {

        /** The highest median latency of a step kept up with: 100 ms, a few times what one request takes alone. */
        static final long SUSTAINED_MEDIAN_MICROS = 100_000;

        /**
         * It kept up: no more than 1% failed, the last answer came within a second after the last send, and the median
         * answer took at most {@link #SUSTAINED_MEDIAN_MICROS}: a median beyond that means most requests waited in a
         * standing queue, which grew through the step (run 14 and before counted such steps: finding 23).
         */
        boolean sustained() {
            return failed <= sent / 100 && lastAnswerAfterSeconds <= seconds + 1.0
                    && latency.getValueAtPercentile(50) <= SUSTAINED_MEDIAN_MICROS;
        }

        @Override
        public String toString() {
            return "%s: offered %.0f/s for %.0f s, sent %d, ok %d, failed %d, achieved %.0f/s, p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms, last answer at %.1f s %s"
                    .formatted(name, offeredRate, seconds, sent, ok, failed, achievedRate,
                            latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(99) / 1000.0,
                            latency.getValueAtPercentile(99.9) / 1000.0, latency.getMaxValue() / 1000.0,
                            lastAnswerAfterSeconds, failures.isEmpty() ? "" : failures);
        }
    }

    /** A request to send, and what to do with its status. */
    interface Request {
        String kind();

        java.util.concurrent.CompletableFuture<HttpResponse<String>> send();

        void completed(int status);
    }

    static Result run(String name, double rate, Duration duration, Supplier<Request> next, int maxInFlight) {
        long count = Math.max(1, Math.round(rate * duration.toNanos() / 1e9));
        double intervalNanos = 1e9 / rate;
        Recorder all = new Recorder(3);
        Map<String, Recorder> byKind = new ConcurrentHashMap<>();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicLong lastAnswer = new AtomicLong();
        Semaphore inFlight = new Semaphore(maxInFlight);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        for (long i = 0; i < count; i++) {
            long intended = start + (long) (i * intervalNanos);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquireUninterruptibly();
            Request request;
            try {
                request = next.get();
            } catch (RuntimeException e) {
                inFlight.release();
                throw e;
            }
            request.send().whenComplete((response, error) -> {
                long now = System.nanoTime();
                long micros = Math.max(1, (now - intended) / 1000);
                all.recordValue(micros);
                byKind.computeIfAbsent(request.kind(), k -> new Recorder(3)).recordValue(micros);
                int status = response == null ? 0 : response.statusCode();
                if (status / 100 == 2) {
                    ok.increment();
                } else {
                    failed.increment();
                    failures.computeIfAbsent(request.kind() + " " + (status == 0 ? error.getClass().getSimpleName()
                            : String.valueOf(status)), k -> new LongAdder()).increment();
                    if (failed.sum() <= 3) {
                        System.err.println("[bench] " + request.kind() + " answered " + status + ": "
                                + (response != null ? response.body() : String.valueOf(error)));
                    }
                }
                lastAnswer.accumulateAndGet(now, Math::max);
                try {
                    request.completed(status);
                } finally {
                    inFlight.release();
                }
            });
        }
        // every request answered (or given up after a minute)
        try {
            if (!inFlight.tryAcquire(maxInFlight, 90, TimeUnit.SECONDS)) {
                System.err.println("[bench] " + name + ": requests still unanswered after 90 s");
            } else {
                inFlight.release(maxInFlight);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = duration.toNanos() / 1e9;
        double lastAfter = (lastAnswer.get() - start) / 1e9;
        Map<String, Histogram> kinds = new TreeMap<>();
        byKind.forEach((k, r) -> kinds.put(k, r.getIntervalHistogram()));
        Map<String, Long> failureCounts = new TreeMap<>();
        failures.forEach((k, v) -> failureCounts.put(k, v.sum()));
        long done = ok.sum();
        return new Result(name, rate, seconds, count, done, failed.sum(),
                done / Math.max(seconds, lastAfter), lastAfter, all.getIntervalHistogram(), kinds, failureCounts);
    }
}
