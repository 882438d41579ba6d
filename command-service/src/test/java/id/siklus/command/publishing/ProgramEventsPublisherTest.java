package id.siklus.command.publishing;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The publisher's contract with its processor: a batch commits only when Kafka acknowledged all of it. */
class ProgramEventsPublisherTest {

    private final List<MockProducer<String, byte[]>> producers = new CopyOnWriteArrayList<>();
    /** What the next producer's send throws at once (no metadata within max.block.ms, say), or null. */
    private RuntimeException sendFailure;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ProgramEventsPublisher publisher = new ProgramEventsPublisher(() -> {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, new StringSerializer(),
                new ByteArraySerializer());
        producer.sendException = sendFailure;
        sendFailure = null;
        producers.add(producer);
        return producer;
    }, DefaultKafkaMessageConverter.builder().serializer(JacksonSerializer.defaultSerializer()).build(),
            "siklus.program-events", Duration.ofMillis(500), meters);

    private static EventMessage<?> event(String kelurahan, long sequence) {
        return new GenericDomainEventMessage<>("Kelurahan", kelurahan, sequence, "event " + sequence);
    }

    /** Handles the events as the processor does: one unit of work for the batch, committed after the last. */
    private void publishBatch(EventMessage<?>... batch) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(batch[0]);
        try {
            for (EventMessage<?> event : batch) {
                publisher.on(event.getPayload(), event);
            }
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
        unitOfWork.commit();
    }

    @Test
    void aBatchCommitsOnceKafkaAcknowledgedEveryRecordInOrderKeyedByAggregate() throws Exception {
        ScheduledExecutorService kafka = Executors.newSingleThreadScheduledExecutor();
        try {
            // Kafka acknowledges a little later, as a broker would
            kafka.schedule(() -> {
                while (producers.isEmpty() || producers.get(0).history().size() < 3) {
                    Thread.onSpinWait();
                }
                while (producers.get(0).completeNext()) {
                    // all three
                }
            }, 50, TimeUnit.MILLISECONDS);
            publishBatch(event("35.71.03.1001", 7), event("35.71.03.1002", 3), event("35.71.03.1001", 8));
        } finally {
            kafka.shutdownNow();
        }
        assertThat(producers).hasSize(1);
        assertThat(producers.get(0).history()).extracting(ProducerRecord::key)
                .containsExactly("35.71.03.1001", "35.71.03.1002", "35.71.03.1001");
        assertThat(meters.get("siklus.publisher.records").counter().count()).isEqualTo(3);
        assertThat(publisher.health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void aBatchKafkaDidNotAcknowledgeFailsAndItsRetryStartsWithANewProducer() {
        assertThatThrownBy(() -> publishBatch(event("35.71.03.1001", 7), event("35.71.03.1001", 8)))
                .isInstanceOf(ProgramEventsPublisher.PublicationFailedException.class);
        assertThat(producers).hasSize(1);
        assertThat(producers.get(0).closed()).as("the failed producer is discarded with what it still holds").isTrue();
        assertThat(publisher.health().getStatus().getCode()).isEqualTo("DEGRADED");
        assertThat(publisher.health().getDetails()).containsEntry("consecutiveFailedBatches", 1);

        // the processor retries the same batch from its token: a new producer sends it whole, in order
        ScheduledExecutorService kafka = Executors.newSingleThreadScheduledExecutor();
        try {
            kafka.schedule(() -> {
                while (producers.size() < 2 || producers.get(1).history().size() < 2) {
                    Thread.onSpinWait();
                }
                producers.get(1).completeNext();
                producers.get(1).completeNext();
            }, 50, TimeUnit.MILLISECONDS);
            publishBatch(event("35.71.03.1001", 7), event("35.71.03.1001", 8));
        } finally {
            kafka.shutdownNow();
        }
        assertThat(producers).hasSize(2);
        assertThat(producers.get(1).history()).hasSize(2);
        assertThat(publisher.health().getStatus().getCode()).isEqualTo("UP");
    }

    @Test
    void aSendThatFailsAtOnceFailsTheBatchAndDiscardsTheProducer() {
        sendFailure = new TimeoutException("Topic siklus.program-events not present in metadata after 5000 ms.");
        assertThatThrownBy(() -> publishBatch(event("35.71.03.1001", 2)))
                .isInstanceOf(ProgramEventsPublisher.PublicationFailedException.class);
        assertThat(producers.get(0).closed()).isTrue();
        assertThat(meters.get("siklus.publisher.batch.failures").tag("reason", "TimeoutException").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("siklus.publisher.consecutive.failures").gauge().value()).isEqualTo(1);
    }
}
