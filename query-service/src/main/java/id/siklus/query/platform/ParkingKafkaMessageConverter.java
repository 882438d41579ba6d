package id.siklus.query.platform;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.serialization.UnknownSerializedType;

import java.util.Optional;

/**
 * Axon's default converter drops a record it cannot read after logging at TRACE. This one reads eagerly and parks
 * what it cannot read (garbage bytes, a foreign message, an event type this service does not know) before it lets
 * the processor move on; the later records of the same key (the aggregate identifier) wait behind it until an
 * operator retries or discards it, while other keys flow (ADR 0008).
 */
public class ParkingKafkaMessageConverter implements KafkaMessageConverter<String, byte[]> {

    private final KafkaMessageConverter<String, byte[]> delegate;
    private final ParkedRecords parked;

    public ParkingKafkaMessageConverter(KafkaMessageConverter<String, byte[]> delegate, ParkedRecords parked) {
        this.delegate = delegate;
        this.parked = parked;
    }

    @Override
    public ProducerRecord<String, byte[]> createKafkaMessage(EventMessage<?> eventMessage, String topic) {
        return delegate.createKafkaMessage(eventMessage, topic);
    }

    @Override
    public Optional<EventMessage<?>> readKafkaMessage(ConsumerRecord<String, byte[]> record) {
        Reading reading = read(delegate, record);
        if (reading.message() == null) {
            parked.park(record, reading.problem());
            return Optional.empty();
        }
        if (isRedelivery(record)) {
            // a copy re-published by an operator's release: it takes the place of its original, in order
            return Optional.of(reading.message());
        }
        return parked.mayApply(record) ? Optional.of(reading.message()) : Optional.empty();
    }

    static boolean isRedelivery(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(ParkedRecords.REDELIVERY_OF);
        return header != null;
    }

    /** A record read as an event, or why it cannot be. */
    public record Reading(EventMessage<?> message, String problem) {
    }

    /** Reads a record fully (payload included), the same way for the processors and for an operator's retry. */
    public static Reading read(KafkaMessageConverter<String, byte[]> converter, ConsumerRecord<String, byte[]> record) {
        Optional<EventMessage<?>> message;
        try {
            message = converter.readKafkaMessage(record);
        } catch (RuntimeException e) {
            return new Reading(null, "unreadable: " + e.getClass().getSimpleName());
        }
        if (message.isEmpty()) {
            return new Reading(null, "not an event message: missing or unreadable Axon headers");
        }
        try {
            Object payload = message.get().getPayload();
            if (payload instanceof UnknownSerializedType unknown) {
                return new Reading(null, "unknown event type: " + unknown.serializedType().getName());
            }
        } catch (RuntimeException e) {
            return new Reading(null, "payload cannot be deserialized: " + e.getClass().getSimpleName());
        }
        return new Reading(message.get(), null);
    }

    KafkaMessageConverter<String, byte[]> delegate() {
        return delegate;
    }
}
