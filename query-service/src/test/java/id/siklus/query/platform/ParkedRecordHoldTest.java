package id.siklus.query.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import id.siklus.api.household.HouseholdRegistered;
import id.siklus.api.household.PovertyStatus;
import id.siklus.api.household.Sealed;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.kafka.eventhandling.DefaultKafkaMessageConverter;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Later records of a parked record's key wait behind it, other keys flow, and every processor decides alike. */
class ParkedRecordHoldTest {

    private static final String TOPIC = "siklus.program-events";
    private static final String KEY = "35.71.03.1001";
    private static final String OTHER = "35.71.03.1002";

    private static InMemoryMongo mongo;
    private MongoTemplate template;
    private ParkedRecords parked;
    private ParkingKafkaMessageConverter converter;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start("parked-hold-test");
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void fresh() {
        template = mongo.template();
        template.dropCollection(ParkedRecords.COLLECTION);
        parked = newParkedRecords();
        converter = converter(parked);
    }

    /** A second service instance's view of the same database (each processor shares one in a service). */
    private ParkedRecords newParkedRecords() {
        return new ParkedRecords(template, new SimpleMeterRegistry(), Duration.ofMillis(20));
    }

    private static ParkingKafkaMessageConverter converter(ParkedRecords parked) {
        JacksonSerializer serializer = JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())).build();
        return new ParkingKafkaMessageConverter(DefaultKafkaMessageConverter.builder().serializer(serializer).build(),
                parked);
    }

    private ConsumerRecord<String, byte[]> event(String key, long sequence, long offset) {
        HouseholdRegistered event = new HouseholdRegistered("hh-" + sequence, key, "03", "010",
                new Sealed("hh-" + sequence, "c2VhbGVk"), 4, PovertyStatus.MISKIN, null, null, LocalDate.of(2009, 5, 2));
        ProducerRecord<String, byte[]> published = converter.createKafkaMessage(new GenericDomainEventMessage<>(
                "Kelurahan", key, sequence, event, MetaData.emptyInstance()), TOPIC);
        assertThat(published.key()).as("the record key is the aggregate identifier").isEqualTo(key);
        return record(key, published.value(), published.headers(), offset);
    }

    private static ConsumerRecord<String, byte[]> garbage(String key, long offset) {
        return record(key, "\u0000\u0001 not an event".getBytes(StandardCharsets.UTF_8), new RecordHeaders(), offset);
    }

    private static ConsumerRecord<String, byte[]> copyOf(ConsumerRecord<String, byte[]> original, long offset) {
        RecordHeaders headers = copy(original.headers());
        headers.add(ParkedRecords.REDELIVERY_OF, ParkedRecords.id(TOPIC, 0, original.offset())
                .getBytes(StandardCharsets.UTF_8));
        return record(original.key(), original.value(), headers, offset);
    }

    private static ConsumerRecord<String, byte[]> record(String key, byte[] value, Headers headers, long offset) {
        return new ConsumerRecord<>(TOPIC, 0, offset, 1_740_816_930_123L, TimestampType.CREATE_TIME, -1,
                value.length, key, value, copy(headers), Optional.empty());
    }

    private static RecordHeaders copy(Headers headers) {
        RecordHeaders copy = new RecordHeaders();
        for (Header header : headers) {
            copy.add(header.key(), header.value());
        }
        return copy;
    }

    private boolean applied(ConsumerRecord<String, byte[]> record) {
        return converter.readKafkaMessage(record).isPresent();
    }

    private Document stored(long offset) {
        return template.findById(ParkedRecords.id(TOPIC, 0, offset), Document.class, ParkedRecords.COLLECTION);
    }

    private void resolve(long blocker, String status, long releasedUpTo, String nextBlocker) {
        String id = ParkedRecords.id(TOPIC, 0, blocker);
        assertThat(parked.startRelease(id, status, "admin")).isTrue();
        parked.finishRelease(id, status, "admin", "test", releasedUpTo, 0, nextBlocker);
    }

    @Test
    void laterRecordsOfTheSameKeyAreHeldBehindTheParkedOneWhileOtherKeysFlow() {
        assertThat(applied(event(KEY, 1, 9))).isTrue();
        assertThat(applied(garbage(KEY, 10))).isFalse();
        assertThat(applied(event(KEY, 2, 11))).as("same aggregate: waits").isFalse();
        assertThat(applied(event(OTHER, 1, 12))).as("another aggregate flows").isTrue();
        assertThat(applied(event(KEY, 3, 13))).isFalse();

        Document held = stored(11);
        assertThat(held).isNotNull();
        assertThat(held).containsEntry("kind", ParkedRecords.HELD).containsEntry("status", ParkedRecords.PARKED)
                .containsEntry("heldBehind", TOPIC + "/0/10").containsEntry("key", KEY);
        assertThat(held.getString("reason")).isEqualTo("waiting behind " + TOPIC + "/0/10");
        assertThat(stored(13).getString("heldBehind")).isEqualTo(TOPIC + "/0/10");
        assertThat(stored(12)).as("nothing of the other aggregate is parked").isNull();
        assertThat(stored(10)).containsEntry("kind", ParkedRecords.UNREADABLE);
        assertThat(parked.count()).isEqualTo(3);
        assertThat(parked.health().getDetails()).containsEntry("parkedRecords", 3L)
                .containsEntry("unreadableRecords", 1L).containsEntry("heldRecords", 2L);
    }

    @Test
    void everyProcessorDecidesTheSameAndEachPositionIsParkedOnce() {
        List<ConsumerRecord<String, byte[]>> stream = List.of(event(KEY, 1, 20), garbage(KEY, 21),
                event(OTHER, 1, 22), event(KEY, 2, 23), event(OTHER, 2, 24));
        List<List<Boolean>> decisions = new ArrayList<>();
        for (int processor = 0; processor < 9; processor++) {
            decisions.add(stream.stream().map(this::applied).toList());
        }
        assertThat(decisions).allSatisfy(d -> assertThat(d).containsExactly(true, false, true, false, true));
        assertThat(template.count(new Query(), ParkedRecords.COLLECTION)).isEqualTo(2);

        // a processor of a restarted service (empty cache) decides alike
        ParkingKafkaMessageConverter restarted = converter(newParkedRecords());
        assertThat(stream.stream().map(r -> restarted.readKafkaMessage(r).isPresent()).toList())
                .containsExactly(true, false, true, false, true);
    }

    @Test
    void afterADiscardHeldPositionsAreSkippedForTheirCopiesAndLaterOnesApply() {
        ConsumerRecord<String, byte[]> follower = event(KEY, 2, 31);
        applied(event(KEY, 1, 29));
        applied(garbage(KEY, 30));
        assertThat(applied(follower)).isFalse();

        resolve(30, ParkedRecords.DISCARDED, 33, null);

        assertThat(stored(30)).containsEntry("status", ParkedRecords.DISCARDED).containsEntry("resolvedBy", "admin")
                .containsEntry("releasedUpTo", 33L);
        assertThat(stored(31)).containsEntry("status", ParkedRecords.RELEASED);
        assertThat(parked.count()).isZero();
        // a processor that is behind meets the originals only now: it skips them too, since their copies follow
        assertThat(applied(follower)).isFalse();
        assertThat(applied(event(KEY, 3, 32))).as("below releasedUpTo: re-delivered as a copy").isFalse();
        assertThat(stored(32)).as("a skipped position that was never held is not parked").isNull();
        assertThat(applied(garbage(KEY, 30))).as("the discarded record stays dropped").isFalse();
        assertThat(applied(copyOf(follower, 33))).as("the copy takes the original's place").isTrue();
        assertThat(applied(event(KEY, 4, 34))).as("after the copies: flows again").isTrue();
    }

    @Test
    void aBlockerThatReadsAfterARetryIsNotAppliedAtItsOldPositionButByItsCopy() {
        ConsumerRecord<String, byte[]> unknownThenKnown = event(KEY, 1, 40);
        converter.readKafkaMessage(garbage(KEY, 40)); // parked as unreadable at first
        resolve(40, ParkedRecords.REDELIVERED, 42, null);

        assertThat(applied(unknownThenKnown)).isFalse();
        assertThat(applied(copyOf(unknownThenKnown, 42))).isTrue();
    }

    @Test
    void aSecondUnreadableRecordOfTheKeyKeepsHoldingWhatFollowsIt() {
        applied(garbage(KEY, 50));
        applied(event(KEY, 1, 51));
        applied(garbage(KEY, 52));
        applied(event(KEY, 2, 53));
        assertThat(stored(53).getString("heldBehind")).isEqualTo(TOPIC + "/0/50");
        assertThat(parked.earlierBlocker(stored(52))).isNotNull();

        resolve(50, ParkedRecords.DISCARDED, 52, TOPIC + "/0/52");

        assertThat(stored(51)).containsEntry("status", ParkedRecords.RELEASED);
        assertThat(stored(53)).containsEntry("status", ParkedRecords.PARKED)
                .containsEntry("heldBehind", TOPIC + "/0/52");
        assertThat(parked.earlierBlocker(stored(52))).isNull();
        assertThat(applied(event(KEY, 3, 54))).isFalse();
        assertThat(stored(54).getString("heldBehind")).isEqualTo(TOPIC + "/0/52");
        assertThat(applied(event(OTHER, 1, 55))).isTrue();
    }

    @Test
    void whileAReleaseRunsProcessorsWaitForItsOutcome() throws Exception {
        applied(garbage(KEY, 60));
        String id = ParkedRecords.id(TOPIC, 0, 60);
        assertThat(parked.startRelease(id, ParkedRecords.DISCARDED, "admin")).isTrue();
        assertThat(parked.startRelease(id, ParkedRecords.DISCARDED, "admin")).as("one release at a time").isFalse();

        CompletableFuture<Boolean> beyond = CompletableFuture.supplyAsync(() -> applied(event(KEY, 2, 64)));
        CompletableFuture<Boolean> below = CompletableFuture.supplyAsync(() -> applied(event(KEY, 1, 61)));
        Thread.sleep(300);
        assertThat(beyond).as("undecided until the release ends").isNotDone();
        assertThat(below).isNotDone();

        parked.finishRelease(id, ParkedRecords.DISCARDED, "admin", "test", 63, 1, null);

        assertThat(beyond.get(5, TimeUnit.SECONDS)).as("after releasedUpTo: applies").isTrue();
        assertThat(below.get(5, TimeUnit.SECONDS)).as("below releasedUpTo: its copy comes").isFalse();
    }

    @Test
    void aReleaseAbandonedOrCutShortByAStopLeavesTheRecordParked() {
        applied(garbage(KEY, 70));
        String id = ParkedRecords.id(TOPIC, 0, 70);
        assertThat(parked.startRelease(id, ParkedRecords.DISCARDED, "admin")).isTrue();
        parked.abandonRelease(id, "ReleaseFailed: Kafka away");
        assertThat(stored(70)).containsEntry("status", ParkedRecords.PARKED);
        assertThat(applied(event(KEY, 1, 71))).isFalse();

        // a service stopped during a release: the next start finds it RELEASING and parks it again
        template.updateFirst(new Query(Criteria.where("_id").is(id)), new Update().set("status",
                ParkedRecords.RELEASING).set("releaseStartedAt", java.time.Instant.now().minusSeconds(1)),
                ParkedRecords.COLLECTION);
        ParkingKafkaMessageConverter restarted = converter(newParkedRecords());
        assertThat(restarted.readKafkaMessage(event(KEY, 2, 72))).isEmpty();
        assertThat(stored(70)).containsEntry("status", ParkedRecords.PARKED);
    }

    @Test
    void theRuleOverTheBlockersOfAKey() {
        Document parkedBlocker = new Document("_id", "t/0/1").append("status", ParkedRecords.PARKED);
        Document releasing = new Document("_id", "t/0/1").append("status", ParkedRecords.RELEASING);
        Document discarded = new Document("_id", "t/0/1").append("status", ParkedRecords.DISCARDED)
                .append("releasedUpTo", 10L);
        assertThat(ParkedRecords.decide(5, List.of()).verdict()).isEqualTo(ParkedRecords.Verdict.APPLY);
        assertThat(ParkedRecords.decide(5, List.of(parkedBlocker)).verdict()).isEqualTo(ParkedRecords.Verdict.HOLD);
        assertThat(ParkedRecords.decide(5, List.of(releasing)).verdict()).isEqualTo(ParkedRecords.Verdict.WAIT);
        assertThat(ParkedRecords.decide(9, List.of(discarded)).verdict())
                .isEqualTo(ParkedRecords.Verdict.SKIP_RELEASED);
        assertThat(ParkedRecords.decide(10, List.of(discarded)).verdict()).isEqualTo(ParkedRecords.Verdict.APPLY);
        assertThat(ParkedRecords.decide(12, List.of(discarded, parkedBlocker)).verdict())
                .isEqualTo(ParkedRecords.Verdict.HOLD);
    }
}
