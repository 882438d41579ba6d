package id.siklus.command.trust;

import id.siklus.support.trust.EventHashes;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Chains every event to the previous event of its aggregate as it is appended: each stored event carries its own
 * hash and its predecessor's in its metadata, so an event changed, removed, inserted or reordered in the database
 * afterwards breaks the chain where it happened. Runs inside the appending transaction; the aggregate's previous hash
 * is read on the same connection, behind the same lock that orders its events.
 */
public class HashChainingStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;

    public HashChainingStorageEngine(EventStorageEngine delegate, Serializer serializer, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.serializer = serializer;
        this.jdbc = jdbc;
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        Map<String, String> lastHash = new HashMap<>();
        List<EventMessage<?>> chained = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain) {
                String previous = lastHash.computeIfAbsent(domain.getAggregateIdentifier(),
                        id -> storedHashBefore(id, domain.getSequenceNumber()));
                String hash = hash(domain, previous);
                lastHash.put(domain.getAggregateIdentifier(), hash);
                chained.add(domain.andMetaData(Map.of(EventHashes.PREVIOUS, previous, EventHashes.HASH, hash)));
            } else {
                chained.add(event);
            }
        }
        delegate.appendEvents(chained);
    }

    private String hash(DomainEventMessage<?> event, String previous) {
        try {
            return EventHashes.hash(previous, event.getIdentifier(), event.getAggregateIdentifier(),
                    event.getSequenceNumber(), event.getPayloadType().getName(),
                    EventHashes.recordingTime(event.getTimestamp()),
                    event.serializePayload(serializer, byte[].class).getData(),
                    serializer.serialize(event.getMetaData(), byte[].class).getData());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not hash event " + event.getIdentifier(), e);
        }
    }

    private String storedHashBefore(String aggregateId, long sequence) {
        if (sequence == 0) {
            return EventHashes.GENESIS;
        }
        List<byte[]> metadata = jdbc.query("SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "AND sequence_number = ?", (rs, i) -> rs.getBytes(1), aggregateId, sequence - 1);
        try {
            String hash = metadata.isEmpty() ? null : EventHashes.recorded(metadata.get(0), EventHashes.HASH);
            // an aggregate recorded before hashing began starts its chain here
            return hash != null ? hash : EventHashes.GENESIS;
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable metadata of " + aggregateId + " #" + (sequence - 1), e);
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
