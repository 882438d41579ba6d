package id.siklus.query.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.siklus.api.household.HouseholdRegistered;
import id.siklus.api.household.PovertyStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ParkingKafkaMessageConverterTest {

    private static final String TOPIC = "siklus.program-events";
    private static final HouseholdRegistered EVENT = new HouseholdRegistered(
            "2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50", "35.71.03.1001", "03", "010",
            new id.siklus.api.household.Sealed("2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50", "c2VhbGVk"), 4,
            PovertyStatus.MISKIN, null, null, java.time.LocalDate.of(2009, 5, 2));

    private static InMemoryMongo mongo;
    private MongoTemplate template;
    private SimpleMeterRegistry meters;
    private ParkedRecords parked;
    private ParkingKafkaMessageConverter converter;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start("parking-converter-test");
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshConverter() {
        template = mongo.template();
        template.dropCollection(ParkedRecords.COLLECTION);
        meters = new SimpleMeterRegistry();
        parked = new ParkedRecords(template, meters);
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
                .build();
        converter = new ParkingKafkaMessageConverter(
                DefaultKafkaMessageConverter.builder().serializer(serializer).build(), parked);
    }

    private ProducerRecord<String, byte[]> published() {
        DomainEventMessage<HouseholdRegistered> message = new GenericDomainEventMessage<>("Household",
                EVENT.householdId(), 0, EVENT, MetaData.with("clientId", "lkm-bandar-lor"));
        return converter.createKafkaMessage(message, TOPIC);
    }

    /** What a consumer sees of a published record at the given offset: same key, value and headers. */
    private static ConsumerRecord<String, byte[]> consumed(String key, byte[] value, Headers headers, long offset) {
        return new ConsumerRecord<>(TOPIC, 2, offset, 1_740_816_930_123L, TimestampType.CREATE_TIME,
                key == null ? -1 : key.length(), value == null ? -1 : value.length, key, value, headers,
                Optional.empty());
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> record, long offset) {
        return consumed(record.key(), record.value(), copy(record.headers()), offset);
    }

    private static Headers copy(Headers headers) {
        RecordHeaders copy = new RecordHeaders();
        for (Header header : headers) {
            copy.add(header.key(), header.value());
        }
        return copy;
    }

    private long parkedCount() {
        return template.count(new Query(), ParkedRecords.COLLECTION);
    }

    private double parkedCounter() {
        return meters.find("siklus.projection.parked").counters().stream().mapToDouble(Counter::count).sum();
    }

    @Test
    void aPublishedEventReadsBackAsTheSameDomainEvent() {
        ProducerRecord<String, byte[]> record = published();
        assertThat(record.topic()).isEqualTo(TOPIC);
        assertThat(record.key()).isEqualTo(EVENT.householdId());

        Optional<EventMessage<?>> read = converter.readKafkaMessage(consumed(record, 41));

        assertThat(read).isPresent();
        assertThat(read.get().getPayload()).isEqualTo(EVENT);
        assertThat(read.get().getMetaData()).containsEntry("clientId", "lkm-bandar-lor");
        assertThat(read.get()).isInstanceOfSatisfying(DomainEventMessage.class, domain -> {
            assertThat(domain.getAggregateIdentifier()).isEqualTo(EVENT.householdId());
            assertThat(domain.getSequenceNumber()).as("projections guard their upserts with it").isZero();
        });
        assertThat(parkedCount()).isZero();
        assertThat(parkedCounter()).isZero();
    }

    @Test
    void garbageBytesUnderAxonHeadersAreParkedWithTheirPositionAndReason() {
        ProducerRecord<String, byte[]> record = published();
        byte[] garbage = "{not json at all".getBytes(StandardCharsets.UTF_8);

        Optional<EventMessage<?>> read = converter.readKafkaMessage(
                consumed(record.key(), garbage, copy(record.headers()), 42));

        assertThat(read).isEmpty();
        assertThat(parkedCount()).isEqualTo(1);
        Document document = template.findById(TOPIC + "/2/42", Document.class, ParkedRecords.COLLECTION);
        assertThat(document).isNotNull();
        assertThat(document)
                .containsEntry("topic", TOPIC)
                .containsEntry("partition", 2)
                .containsEntry("offset", 42L)
                .containsEntry("key", EVENT.householdId())
                .containsEntry("status", "PARKED");
        assertThat(document.getString("reason")).startsWith("payload cannot be deserialized");
        assertThat(document.get("value", Binary.class).getData()).isEqualTo(garbage);
        assertThat(document.get("headers", Document.class)).containsKey("axon-message-type");
        assertThat(parkedCounter()).isEqualTo(1);
    }

    @Test
    void anEventOfATypeThisServiceDoesNotKnowIsParkedAsUnknown() {
        ProducerRecord<String, byte[]> record = published();
        Headers headers = copy(record.headers());
        headers.remove("axon-message-type");
        headers.add("axon-message-type", "id.siklus.api.household.HouseholdMoved".getBytes(StandardCharsets.UTF_8));

        Optional<EventMessage<?>> read = converter.readKafkaMessage(consumed(record.key(), record.value(), headers, 43));

        assertThat(read).isEmpty();
        Document document = template.findById(TOPIC + "/2/43", Document.class, ParkedRecords.COLLECTION);
        assertThat(document).isNotNull();
        assertThat(document.getString("reason"))
                .startsWith("unknown event type")
                .contains("id.siklus.api.household.HouseholdMoved");
        assertThat(meters.find("siklus.projection.parked").tag("reason", "unknown event type").counter())
                .isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isEqualTo(1));
    }

    @Test
    void aRecordWithoutAxonHeadersIsParkedAsNotAnEvent() {
        byte[] foreign = "{\"hello\": \"world\"}".getBytes(StandardCharsets.UTF_8);
        RecordHeaders headers = new RecordHeaders();
        headers.add("content.type", "application/json".getBytes(StandardCharsets.UTF_8));

        Optional<EventMessage<?>> read = converter.readKafkaMessage(consumed("some-key", foreign, headers, 44));

        assertThat(read).isEmpty();
        Document document = template.findById(TOPIC + "/2/44", Document.class, ParkedRecords.COLLECTION);
        assertThat(document).isNotNull();
        assertThat(document.getString("reason")).startsWith("not an event message");
        assertThat(document.get("headers", Document.class))
                .as("dots in header names are replaced so Mongo can store them")
                .containsEntry("content_type", "application/json");
        assertThat(parkedCounter()).isEqualTo(1);
    }

    @Test
    void aRecordWithoutKeyOrValueIsParkedToo() {
        Optional<EventMessage<?>> read = converter.readKafkaMessage(consumed(null, null, new RecordHeaders(), 45));

        assertThat(read).isEmpty();
        Document document = template.findById(TOPIC + "/2/45", Document.class, ParkedRecords.COLLECTION);
        assertThat(document).isNotNull();
        assertThat(document.get("value")).isNull();
    }

    @Test
    void theSameRecordMetTwiceIsParkedAndCountedOnce() {
        ConsumerRecord<String, byte[]> foreign = consumed("k", new byte[]{1, 2, 3}, new RecordHeaders(), 46);

        converter.readKafkaMessage(foreign);
        converter.readKafkaMessage(consumed("k", new byte[]{1, 2, 3}, new RecordHeaders(), 46));

        assertThat(parkedCount()).isEqualTo(1);
        assertThat(parkedCounter()).isEqualTo(1);
        assertThat(parked.count()).isEqualTo(1);
    }

    @Test
    void parkingSaysWhetherTheRecordWasNew() {
        ConsumerRecord<String, byte[]> record = consumed("k", new byte[]{9}, new RecordHeaders(), 47);

        assertThat(parked.park(record, "first: reason")).isTrue();
        assertThat(parked.park(record, "second: reason")).isFalse();

        Document document = template.findById(TOPIC + "/2/47", Document.class, ParkedRecords.COLLECTION);
        assertThat(document).isNotNull();
        assertThat(document.getString("reason")).as("the first reason is kept").isEqualTo("first: reason");
    }

    @Test
    void parkedRecordsShowInTheGaugeAndTheHealthDetails() {
        assertThat(parked.health().getDetails()).containsEntry("parkedRecords", 0L).doesNotContainKey("action");

        converter.readKafkaMessage(consumed("k", new byte[]{1}, new RecordHeaders(), 48));
        converter.readKafkaMessage(consumed("k", new byte[]{2}, new RecordHeaders(), 49));

        assertThat(meters.get("siklus.projection.parked.records").gauge().value()).isEqualTo(2);
        assertThat(parked.health().getStatus()).isEqualTo(Status.UP);
        assertThat(parked.health().getDetails()).containsEntry("parkedRecords", 2L).containsKey("action");
    }

    @Test
    void distinctPositionsAreDistinctParkedRecords() {
        converter.readKafkaMessage(consumed("k", new byte[]{1}, new RecordHeaders(), 50));
        converter.readKafkaMessage(consumed("k", new byte[]{1}, new RecordHeaders(), 51));

        assertThat(template.findAll(Document.class, ParkedRecords.COLLECTION))
                .extracting(d -> d.getString("_id"))
                .containsExactlyInAnyOrderElementsOf(List.of(TOPIC + "/2/50", TOPIC + "/2/51"));
    }
}
