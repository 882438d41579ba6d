package id.siklus.query.platform;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.axonframework.serialization.UnknownSerializedType;

import java.util.Optional;

/**
 * Axon's default converter drops a record it cannot read after logging at TRACE. This one reads eagerly and parks
 * what it cannot read (garbage bytes, a foreign message, an event type this service does not know) before it lets
 * the processor move on.
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
        Optional<EventMessage<?>> message;
        try {
            message = delegate.readKafkaMessage(record);
        } catch (RuntimeException e) {
            parked.park(record, "unreadable: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
        if (message.isEmpty()) {
            parked.park(record, "not an event message: missing or unreadable Axon headers");
            return Optional.empty();
        }
        try {
            Object payload = message.get().getPayload();
            if (payload instanceof UnknownSerializedType unknown) {
                parked.park(record, "unknown event type: " + unknown.serializedType().getName());
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            parked.park(record, "payload cannot be deserialized: " + e.getClass().getSimpleName());
            return Optional.empty();
        }
        return message;
    }
}
