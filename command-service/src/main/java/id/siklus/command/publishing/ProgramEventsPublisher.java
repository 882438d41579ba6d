package id.siklus.command.publishing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Sends every stored event to the program-events topic, keyed by its aggregate id. It is the only handler of the
 * tracking processor {@value #PROCESSING_GROUP}, which reads the event store in batches: the batch's records are sent
 * together and the batch's token is stored only after Kafka acknowledged all of them (acks=all), so an outage loses
 * nothing and never fails a command.
 * <p>
 * The query side applies an event to a document only if the document has not seen a later event of the same
 * aggregate. That is exactly-once only if no event reaches the topic before an earlier event of its aggregate that is
 * still missing there. Hence: the producer never drops a record by itself ({@code delivery.timeout.ms} maximal) —
 * an idempotent producer that drops one starts a new epoch and goes on with the records queued behind it. When a batch
 * fails (no metadata within {@code max.block.ms}, or not all acknowledged within the ack timeout), this publisher
 * closes its producer at once; as it sends one request at a time, what it wrote is, per partition, a gap-free prefix.
 * The processor then rolls the batch back and sends it again from its token with a new producer (new producer id,
 * fresh metadata, nothing queued from before); copies of records that did reach Kafka are ignored by the projections.
 * <p>
 * Axon's {@code KafkaPublisher} is not used: it keeps one producer for the life of the service and waits only 1 s for
 * each record, so every failed attempt leaves its record queued in that producer, to be delivered or expired later.
 */
@ProcessingGroup(ProgramEventsPublisher.PROCESSING_GROUP)
public class ProgramEventsPublisher implements HealthIndicator {

    /**
     * The name Axon's publisher used: the processor's token in {@code token_entry} stays valid, so an upgrade continues
     * where the previous version stopped instead of publishing the whole store again.
     */
    public static final String PROCESSING_GROUP = "__axon-kafka-event-publishing-group";
    private static final Logger log = LoggerFactory.getLogger(ProgramEventsPublisher.class);
    private static final String PENDING = ProgramEventsPublisher.class.getName() + ".pending";

    private final Supplier<Producer<String, byte[]>> producers;
    private final KafkaMessageConverter<String, byte[]> converter;
    private final String topic;
    private final Duration ackTimeout;
    private final Counter acknowledged;
    private final MeterRegistry meters;
    private final AtomicInteger consecutiveFailures = new AtomicInteger();
    private volatile Instant lastSuccess;
    private volatile String lastFailure;
    /** Used by the processor's one thread only; replaced after a failure. */
    private Producer<String, byte[]> producer;

    ProgramEventsPublisher(Supplier<Producer<String, byte[]>> producers, KafkaMessageConverter<String, byte[]> converter,
                           String topic, Duration ackTimeout, MeterRegistry meters) {
        this.producers = producers;
        this.converter = converter;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
        this.meters = meters;
        this.acknowledged = Counter.builder("siklus.publisher.records")
                .description("Events acknowledged by Kafka (a batch sent again after a failure counts again)")
                .tag("outcome", "acknowledged").register(meters);
        Gauge.builder("siklus.publisher.consecutive.failures", consecutiveFailures, AtomicInteger::get)
                .description("Failed batches since the last acknowledged one; above 0 while Kafka is away")
                .register(meters);
        Gauge.builder("siklus.publisher.seconds.since.success", this, ProgramEventsPublisher::secondsSinceSuccess)
                .description("Seconds since Kafka last acknowledged a batch (-1 before the first)")
                .register(meters);
    }

    @EventHandler
    void on(Object payload, EventMessage<?> event) {
        List<Future<RecordMetadata>> pending = pendingOfThisBatch();
        ProducerRecord<String, byte[]> record = converter.createKafkaMessage(event, topic);
        try {
            pending.add(producer().send(record));
        } catch (RuntimeException e) {
            // send() itself fails when metadata cannot be had within max.block.ms, or when the producer is unusable
            throw failed(e);
        }
    }

    /**
     * The futures of the current batch. The first event of a batch registers the wait for all of them before the
     * processor's transaction (with the new token) commits.
     */
    private List<Future<RecordMetadata>> pendingOfThisBatch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            List<Future<RecordMetadata>> futures = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> awaitAcknowledgements(futures));
            return futures;
        });
    }

    private void awaitAcknowledgements(List<Future<RecordMetadata>> futures) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            for (Future<RecordMetadata> future : futures) {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw failed(e.getCause());
        } catch (TimeoutException e) {
            throw failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(e);
        }
        acknowledged.increment(futures.size());
        lastSuccess = Instant.now();
        int failures = consecutiveFailures.getAndSet(0);
        if (failures > 0) {
            log.info("Publishing to {} resumed after {} failed batch(es)", topic, failures);
            lastFailure = null;
        }
    }

    private PublicationFailedException failed(Throwable cause) {
        discardProducer();
        int failures = consecutiveFailures.incrementAndGet();
        String reason = cause == null ? "unknown" : cause.getClass().getSimpleName();
        lastFailure = reason + ": " + (cause == null ? "" : cause.getMessage());
        meters.counter("siklus.publisher.batch.failures", "reason", reason).increment();
        // the processor logs the exception and retries; one line here says what it means for the operator
        log.warn("Kafka did not acknowledge a batch ({} failed in a row, {}); its token stays, the processor retries "
                + "with a new producer", failures, lastFailure);
        return new PublicationFailedException("Kafka did not acknowledge the batch: " + lastFailure, cause);
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = producers.get();
        }
        return producer;
    }

    /** Drops the producer and everything it still holds; the batch's records are sent again by the retry. */
    private void discardProducer() {
        Producer<String, byte[]> current = producer;
        producer = null;
        if (current != null) {
            try {
                current.close(Duration.ZERO);
            } catch (RuntimeException e) {
                log.debug("Closing a failed producer", e);
            }
        }
    }

    private double secondsSinceSuccess() {
        Instant last = lastSuccess;
        return last == null ? -1 : Duration.between(last, Instant.now()).toMillis() / 1000.0;
    }

    /**
     * Kafka is deliberately not part of readiness (commands need only the event store); this component says whether
     * events are reaching the topic. DEGRADED is not one of the aggregated statuses, so the service's overall health
     * stays UP while Kafka is away, and the component shows why.
     */
    @Override
    public Health health() {
        int failures = consecutiveFailures.get();
        Health.Builder health = failures == 0 ? Health.up() : Health.status(new Status("DEGRADED",
                "Kafka does not acknowledge events; they wait in the event store and are sent when it returns"));
        health.withDetail("topic", topic).withDetail("consecutiveFailedBatches", failures);
        Instant last = lastSuccess;
        if (last != null) {
            health.withDetail("lastAcknowledgedBatch", last.toString());
        }
        String failure = lastFailure;
        if (failure != null) {
            health.withDetail("lastFailure", failure);
        }
        return health.build();
    }

    /** Shuts the producer down with the service, after the processor stopped. */
    void close() {
        Producer<String, byte[]> current = producer;
        producer = null;
        if (current != null) {
            current.close(Duration.ofSeconds(5));
        }
    }

    /** A batch that Kafka did not acknowledge; the processor rolls it back and retries from its token. */
    static final class PublicationFailedException extends RuntimeException {

        PublicationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
