package id.siklus.query.platform;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.extensions.kafka.eventhandling.KafkaMessageConverter;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An operator's retry or discard of a parked record: the records of its key behind it are re-published, in order,
 * as copies (same key, partition, value and headers, plus {@link ParkedRecords#REDELIVERY_OF}), and the positions
 * they replace are recorded, so that every processor applies each event once and in its aggregate's order (ADR 0008).
 *
 * <p>The originals to copy are found by reading the partition itself, not from what the processors happened to have
 * seen: every record of the key from the blocker up to the partition's end, round after round, until a round finds
 * no new one (or the next unreadable record of the key, which keeps blocking what follows it). While the release
 * runs, processors that meet a record of the key wait; afterwards, positions below {@code releasedUpTo} are skipped
 * (their copies come) and later ones are applied.
 */
@Component
public class ParkedRecordRelease {

    private static final int MAX_ROUNDS = 50;

    private final ParkedRecords parked;
    private final KafkaMessageConverter<String, byte[]> reader;
    private final String bootstrapServers;
    private final Duration timeout;

    ParkedRecordRelease(ParkedRecords parked, KafkaMessageConverter<String, byte[]> converter,
                        @Value("${axon.kafka.bootstrap-servers}") String bootstrapServers,
                        @Value("${siklus.parked-records.release-timeout:30s}") Duration timeout) {
        this.parked = parked;
        this.reader = converter instanceof ParkingKafkaMessageConverter parking ? parking.delegate() : converter;
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    /** The original record at a position, read from the topic again. */
    public ConsumerRecord<String, byte[]> fetch(String topic, int partition, long offset) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            TopicPartition tp = new TopicPartition(topic, partition);
            consumer.assign(List.of(tp));
            consumer.seek(tp, offset);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                    if (record.offset() == offset) {
                        return record;
                    }
                    if (record.offset() > offset) {
                        return null;
                    }
                }
            }
            throw new ReleaseFailed("the record could not be read from the topic within " + timeout);
        }
    }

    /** Whether the record reads now; null when it does, else why not. */
    public String problemReading(ConsumerRecord<String, byte[]> record) {
        return ParkingKafkaMessageConverter.read(reader, record).problem();
    }

    /**
     * Re-publishes the blocker's followers (and the blocker itself first when {@code original} is given) and resolves
     * the blocker, which the caller has claimed with {@link ParkedRecords#startRelease}.
     *
     * @return how many records were re-published
     */
    public int release(Document blocker, ConsumerRecord<String, byte[]> original, String status, String by,
                       String why) {
        String id = blocker.getString("_id");
        String topic = blocker.getString("topic");
        int partition = blocker.getInteger("partition");
        long offset = ((Number) blocker.get("offset")).longValue();
        String key = blocker.getString("key");
        TopicPartition tp = new TopicPartition(topic, partition);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaProducer<String, byte[]> producer = producer(); KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.assign(List.of(tp));
            int redelivered = 0;
            if (original != null) {
                send(producer, original);
                redelivered++;
            }
            long scanFrom = offset + 1;
            long releasedUpTo;
            String nextBlocker = null;
            int rounds = 0;
            while (true) {
                if (++rounds > MAX_ROUNDS || System.nanoTime() > deadline) {
                    throw new ReleaseFailed("records of key " + key + " kept arriving; try again");
                }
                long end = consumer.endOffsets(List.of(tp), Duration.ofSeconds(5)).get(tp);
                List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
                long stop = -1;
                for (ConsumerRecord<String, byte[]> record : scan(consumer, tp, scanFrom, end, deadline)) {
                    if (!key.equals(record.key()) || ParkingKafkaMessageConverter.isRedelivery(record)) {
                        continue;
                    }
                    String recordId = ParkedRecords.id(topic, partition, record.offset());
                    String problem = problemReading(record);
                    if (parked.isUnresolvedBlocker(recordId) || problem != null) {
                        if (problem != null) {
                            parked.park(record, problem);
                        }
                        nextBlocker = recordId;
                        stop = record.offset();
                        break;
                    }
                    found.add(record);
                }
                for (ConsumerRecord<String, byte[]> record : found) {
                    send(producer, record);
                    redelivered++;
                }
                if (stop >= 0) {
                    releasedUpTo = stop;
                    break;
                }
                if (found.isEmpty()) {
                    // every copy made so far was acknowledged before this end was read: all lie below it
                    releasedUpTo = end;
                    break;
                }
                scanFrom = end;
            }
            parked.finishRelease(id, status, by, why, releasedUpTo, redelivered, nextBlocker);
            return redelivered;
        }
    }

    private List<ConsumerRecord<String, byte[]>> scan(KafkaConsumer<String, byte[]> consumer, TopicPartition tp,
                                                      long from, long end, long deadline) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        if (from >= end) {
            return records;
        }
        consumer.seek(tp, from);
        while (consumer.position(tp) < end) {
            if (System.nanoTime() > deadline) {
                throw new ReleaseFailed("the topic could not be read in time");
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200)).records(tp)) {
                if (record.offset() < end) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    private static void send(KafkaProducer<String, byte[]> producer, ConsumerRecord<String, byte[]> original) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : original.headers()) {
            if (!ParkedRecords.REDELIVERY_OF.equals(header.key())) {
                headers.add(header.key(), header.value());
            }
        }
        headers.add(ParkedRecords.REDELIVERY_OF, ParkedRecords.id(original.topic(), original.partition(),
                original.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            // one at a time and acknowledged: the copies land in the order of their originals
            producer.send(new ProducerRecord<>(original.topic(), original.partition(), null, original.key(),
                    original.value(), headers)).get(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReleaseFailed("interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new ReleaseFailed("Kafka did not acknowledge a copy: " + e.getClass().getSimpleName());
        }
    }

    /** Configured like the command side's publisher (ADR 0002): nothing acknowledged is lost, nothing duplicated. */
    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "siklus-query-service-redelivery",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE,
                ProducerConfig.LINGER_MS_CONFIG, 0,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10000),
                new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.CLIENT_ID_CONFIG, "siklus-query-service-parked-records",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Kafka could not be read or written in time; the blocker stays parked and the action may be repeated. */
    public static class ReleaseFailed extends RuntimeException {
        ReleaseFailed(String message) {
            super(message);
        }
    }
}
