package id.siklus.benchmark;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Projection lag, measured exactly as the query-service's own {@code siklus.projection.lag} timer does (from the
 * event's timestamp, set when the command-service recorded it, to the moment a projection has applied it), but into
 * an HdrHistogram that the harness can reset per phase. Micrometer's timer only publishes percentiles over a
 * decaying window, which cannot be cut to one phase of the run. Added to the query context as one more source; the
 * service's own interceptor keeps running beside it.
 *
 * <p>Each processor also has its own histogram, so that a tail can be traced to the projection that has it.
 */
@Configuration(proxyBeanMethods = false)
public class LagProbe {

    private final Recorder recorder = new Recorder(3);
    private final Map<String, Recorder> byProcessor = new ConcurrentHashMap<>();
    private final LongAdder applied = new LongAdder();

    @Bean
    ConfigurerModule benchmarkLagProbe() {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerDefaultHandlerInterceptor((config, processorName) -> interceptor(processorName)));
    }

    private MessageHandlerInterceptor<EventMessage<?>> interceptor(String processorName) {
        Recorder own = byProcessor.computeIfAbsent(processorName, name -> new Recorder(3));
        return (unitOfWork, chain) -> {
            Object result = chain.proceed();
            long lagMicros = Math.max(0,
                    (System.currentTimeMillis() - unitOfWork.getMessage().getTimestamp().toEpochMilli()) * 1000);
            recorder.recordValue(lagMicros);
            own.recordValue(lagMicros);
            applied.increment();
            return result;
        };
    }

    /** Everything recorded since the last call (microseconds), all processors together and per processor. */
    Interval interval() {
        Histogram all = recorder.getIntervalHistogram();
        Map<String, Histogram> each = new TreeMap<>();
        byProcessor.forEach((name, r) -> each.put(name, r.getIntervalHistogram()));
        return new Interval(all, each);
    }

    /** How many (event, projection) applications were seen since start. */
    long applied() {
        return applied.sum();
    }

    /** One interval's lag: {@code all} over every processor, {@code byProcessor} each processor's own. */
    record Interval(Histogram all, Map<String, Histogram> byProcessor) {
    }
}
