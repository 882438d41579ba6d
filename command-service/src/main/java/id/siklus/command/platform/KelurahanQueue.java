package id.siklus.command.platform;

import id.siklus.support.web.ApiProblem;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.ReflectionUtils;
import org.axonframework.common.annotation.AnnotationUtils;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Commands of one kelurahan wait for each other here, before their transaction, instead of inside it.
 * <p>
 * Every command goes to its kelurahan's aggregate (ADR 0005), whose lock Axon takes when it loads the aggregate,
 * after the unit of work has begun its transaction and taken a pooled connection. Under overload, requests queued
 * behind a busy kelurahan's lock therefore held connections while doing nothing, the pool ran dry, and commands of
 * every other kelurahan were refused as busy: the benchmark saw throughput collapse at about 1.3 times the sustainable
 * rate instead of levelling off. Here each kelurahan has one fair permit: a command takes it before it is sent (in
 * arrival order) and holds a connection only while it runs. A command that would wait longer than
 * {@code siklus.commands.kelurahan-queue-timeout} is refused at once as busy, with nothing written. Commands without a
 * target (none today) pass. Several command-service instances each queue their own commands; the aggregate's lock and
 * the event store's unique (aggregate, sequence) still order commands across instances.
 */
@Component
public class KelurahanQueue {

    private final Map<String, Semaphore> permits = new ConcurrentHashMap<>();
    private final long timeoutNanos;
    private final Timer waited;
    private final Counter refused;

    KelurahanQueue(@Value("${siklus.commands.kelurahan-queue-timeout:2s}") Duration timeout, MeterRegistry meters) {
        this.timeoutNanos = timeout.toNanos();
        this.waited = Timer.builder("siklus.commands.kelurahan-queue")
                .description("Time a command waited for the commands of its kelurahan before its own began")
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(meters);
        this.refused = Counter.builder("siklus.commands.kelurahan-queue.refused")
                .description("Commands refused as busy because their kelurahan's queue was longer than the timeout")
                .register(meters);
    }

    /** Runs {@code command} once no other command of its kelurahan runs here, or refuses it as busy. */
    public void run(CommandMessage<?> message, Runnable command) {
        String kelurahan = targetOf(message);
        if (kelurahan == null) {
            command.run();
            return;
        }
        Semaphore permit = permits.computeIfAbsent(kelurahan, k -> new Semaphore(1, true));
        long start = System.nanoTime();
        boolean acquired;
        try {
            acquired = permit.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        waited.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        if (!acquired) {
            refused.increment();
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "SERVICE_BUSY", "Kelurahan " + kelurahan
                    + " has more requests waiting than Siklus can take right now, so this one was not processed and "
                    + "nothing was written. Retry in a second.", Map.of("retryAfterSeconds", 1));
        }
        try {
            command.run();
        } finally {
            permit.release();
        }
    }

    /**
     * The kelurahan a command targets, as Axon resolves it ({@code @TargetAggregateIdentifier} on a method, else on a
     * field). Which member carries it is found once per command class: Axon's resolver walks the class's methods and
     * fields by reflection on every call (0.8% of all CPU samples of a benchmark run here, besides Axon's own
     * resolution of the same command).
     */
    private static String targetOf(CommandMessage<?> message) {
        Object target = TARGETS.get(message.getPayloadType()).apply(message.getPayload());
        return target == null ? null : target.toString();
    }

    private static final ClassValue<Function<Object, Object>> TARGETS = new ClassValue<>() {
        @Override
        protected Function<Object, Object> computeValue(Class<?> type) {
            for (Method m : ReflectionUtils.methodsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(m, TargetAggregateIdentifier.class)) {
                    ReflectionUtils.ensureAccessible(m);
                    return payload -> {
                        try {
                            return m.invoke(payload);
                        } catch (ReflectiveOperationException e) {
                            throw new IllegalStateException("Cannot read the target of " + type.getName(), e);
                        }
                    };
                }
            }
            for (Field f : ReflectionUtils.fieldsOf(type)) {
                if (AnnotationUtils.isAnnotationPresent(f, TargetAggregateIdentifier.class)) {
                    ReflectionUtils.ensureAccessible(f);
                    return payload -> ReflectionUtils.getFieldValue(f, payload);
                }
            }
            return payload -> null;
        }
    };
}
