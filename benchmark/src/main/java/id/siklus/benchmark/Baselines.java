package id.siklus.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The raw baselines: what the same infrastructure does with the same data when nothing of Siklus stands between.
 * The rows are real rows of the run's event store (serialized payloads and metadata of the program's own events),
 * the Kafka records carry those payloads, and the Mongo documents are the run's own read-model documents.
 */
final class Baselines {

    private Baselines() {
    }

    /** One stored event row, as the command-service wrote it. */
    record EventRow(byte[] metaData, byte[] payload, String payloadRevision, String payloadType, String timeStamp,
                    String type) {
        int bytes() {
            return payload.length + (metaData == null ? 0 : metaData.length);
        }
    }

    record Rate(String name, long operations, double seconds, Histogram latencyMicros) {
        double perSecond() {
            return operations / seconds;
        }

        @Override
        public String toString() {
            return "%s: %d in %.2f s = %.0f/s%s".formatted(name, operations, seconds, perSecond(),
                    latencyMicros == null ? "" : ", p99 %.2f ms".formatted(latencyMicros.getValueAtPercentile(99) / 1000.0));
        }
    }

    static List<EventRow> sampleRows(BenchSystem system, int limit) throws SQLException {
        List<EventRow> rows = new ArrayList<>();
        try (Connection c = system.jdbc(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT meta_data, payload, payload_revision, payload_type, time_stamp, type "
                     + "FROM domain_event_entry ORDER BY random() LIMIT " + limit)) {
            while (r.next()) {
                rows.add(new EventRow(r.getBytes(1), r.getBytes(2), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6)));
            }
        }
        return rows;
    }

    // --- PostgreSQL ---------------------------------------------------------------------------------------------

    /**
     * Single-row INSERTs, one transaction each (autocommit), into a copy of the event table with the same columns,
     * unique constraints and index, from {@code threads} connections at once for {@code duration}.
     */
    static Rate jdbcInserts(BenchSystem system, List<EventRow> rows, int threads, Duration duration) throws Exception {
        try (Connection c = system.jdbc(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_event_copy");
            s.execute("DROP SEQUENCE IF EXISTS bench_event_copy_seq");
            s.execute("CREATE TABLE bench_event_copy (LIKE domain_event_entry INCLUDING CONSTRAINTS INCLUDING INDEXES)");
            s.execute("CREATE SEQUENCE bench_event_copy_seq INCREMENT 1 CACHE 1");
            s.execute("ALTER TABLE bench_event_copy ALTER COLUMN global_index SET DEFAULT nextval('bench_event_copy_seq')");
        }
        Recorder latency = new Recorder(3);
        AtomicLong done = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(threads);
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                try (Connection c = system.jdbc(); PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO bench_event_copy (event_identifier, meta_data, payload, payload_revision, "
                                + "payload_type, time_stamp, aggregate_identifier, sequence_number, type) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    c.setAutoCommit(true);
                    String aggregate = UUID.randomUUID().toString();
                    long sequence = 0;
                    while (System.nanoTime() < end) {
                        EventRow row = rows.get((int) ((offset + sequence * 7) % rows.size()));
                        long began = System.nanoTime();
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setBytes(2, row.metaData());
                        insert.setBytes(3, row.payload());
                        insert.setString(4, row.payloadRevision());
                        insert.setString(5, row.payloadType());
                        insert.setString(6, row.timeStamp());
                        insert.setString(7, aggregate);
                        insert.setLong(8, sequence++);
                        insert.setString(9, row.type());
                        insert.executeUpdate();
                        latency.recordValue(Math.max(1, (System.nanoTime() - began) / 1000));
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                } finally {
                    finished.countDown();
                }
            }, "bench-jdbc-" + t);
            thread.start();
        }
        finished.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (failure.get() != null) {
            throw failure.get();
        }
        try (Connection c = system.jdbc(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_event_copy");
            s.execute("DROP SEQUENCE bench_event_copy_seq");
        }
        return new Rate("plain JDBC single-row inserts, " + threads + " thread(s)", done.get(), seconds,
                latency.getIntervalHistogram());
    }

    // --- Kafka --------------------------------------------------------------------------------------------------

    static Properties producerProperties(String bootstrap) {
        // as the command-service's publisher is configured (command-service.yml, axon.kafka.producer)
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 65536);
        // bounded, so that a starved broker fails sends instead of retrying them for ever (on an overloaded
        // machine the idempotent producer was seen stuck in OUT_OF_ORDER_SEQUENCE_NUMBER retries)
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    static Properties consumerProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500); // as the query-service's fetcher
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return p;
    }

    private static String freshTopic(String bootstrap) throws Exception {
        String topic = "bench.raw." + UUID.randomUUID();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get(30, TimeUnit.SECONDS);
            // every partition led before the clock starts: the first sends to a topic still electing its leaders
            // were retried into OUT_OF_ORDER_SEQUENCE_NUMBER by the idempotent producer and some timed out after
            // 60 s (a quick run measured 82 records/s instead of thousands)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                boolean led;
                try {
                    led = admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS)
                            .get(topic).partitions().stream()
                            .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                    led = false; // created, not yet in the broker's metadata
                }
                if (led) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Topic " + topic + " has partitions without a leader after 30 s");
                }
                Thread.sleep(100);
            }
        }
        return topic;
    }

    /** Produce {@code count} records as fast as the producer takes them, all acknowledged; then consume them all. */
    static Rate[] kafkaProduceConsume(String bootstrap, List<EventRow> rows, int count) throws Exception {
        String topic = freshTopic(bootstrap);
        long start = System.nanoTime();
        AtomicLong acknowledged = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Exception> firstError =
                new java.util.concurrent.atomic.AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(bootstrap))) {
            // in batches that wait for their acknowledgements, as the publisher does (confirmation mode
            // wait_for_ack, batch size 100); 500 a batch gives the raw client the benefit of bigger batches
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, "aggregate-" + (i % 64), rows.get(i % rows.size()).payload()),
                        (metadata, error) -> {
                            if (error == null) {
                                acknowledged.incrementAndGet();
                            } else if (firstError.compareAndSet(null, error)) {
                                Harness.log("plain Kafka producer: a send failed: " + error);
                            }
                        });
                if (i % 500 == 499) {
                    producer.flush();
                }
            }
            producer.flush();
        }
        if (acknowledged.get() < count) {
            Harness.log("plain Kafka producer: only " + acknowledged.get() + " of " + count + " acknowledged");
        }
        Rate produced = new Rate("plain Kafka producer (acks=all, idempotent)", acknowledged.get(),
                (System.nanoTime() - start) / 1e9, null);
        count = (int) acknowledged.get();
        start = System.nanoTime();
        long consumed = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(bootstrap))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (consumed < count && System.nanoTime() < deadline) {
                consumed += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        Rate consumedRate = new Rate("plain Kafka consumer (max.poll.records 500)", consumed,
                (System.nanoTime() - start) / 1e9, null);
        return new Rate[]{produced, consumedRate};
    }

    /** Produce at a fixed rate while a consumer reads: send → receive latency of each record. */
    static Rate kafkaLatency(String bootstrap, List<EventRow> rows, double rate, Duration duration) throws Exception {
        String topic = freshTopic(bootstrap);
        Recorder latency = new Recorder(3);
        long count = Math.round(rate * duration.toSeconds());
        AtomicLong received = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(bootstrap))) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + duration.toNanos() + TimeUnit.SECONDS.toNanos(60);
                while (received.get() < count && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                        latency.recordValue(Math.max(1, (System.currentTimeMillis() - r.timestamp()) * 1000));
                        received.incrementAndGet();
                    }
                    if (!consumer.assignment().isEmpty()) {
                        ready.countDown();
                    }
                }
            }
        }, "bench-kafka-reader");
        reader.start();
        ready.await(30, TimeUnit.SECONDS);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProperties(bootstrap))) {
            long start = System.nanoTime();
            for (long i = 0; i < count; i++) {
                long due = start + (long) (i * 1e9 / rate);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                producer.send(new ProducerRecord<>(topic, "aggregate-" + (i % 64),
                        rows.get((int) (i % rows.size())).payload()));
            }
            producer.flush();
        }
        reader.join();
        return new Rate("plain Kafka send → receive at %.0f/s".formatted(rate), received.get(),
                duration.toSeconds(), latency.getIntervalHistogram());
    }

    // --- MongoDB ------------------------------------------------------------------------------------------------

    /** Every read-model document of the query-service's database, by collection (not its tokens or parked records). */
    /** The read models' collections (not the token store, not parked records). */
    static List<String> readModelCollections(MongoClient client, String database) {
        List<String> names = new ArrayList<>();
        for (String name : client.getDatabase(database).listCollectionNames()) {
            if (!name.startsWith("system.") && !name.equals("tracking_tokens") && !name.equals("parked_records")) {
                names.add(name);
            }
        }
        return names;
    }

    /** How many read-model documents the database holds (each collection's own count, no scan). */
    static long readModelDocumentCount(MongoClient client, String database) {
        MongoDatabase db = client.getDatabase(database);
        return readModelCollections(client, database).stream()
                .mapToLong(name -> db.getCollection(name).estimatedDocumentCount()).sum();
    }

    /**
     * The read models' own documents, bulk-upserted (unordered, 1,000 a batch) with the plain driver into an empty
     * database of {@code target}; only the bulk writes are timed. Documents are read from {@code source} a batch at a
     * time (the wire server would otherwise answer a large collection in one reply, over the driver's 48 MB limit,
     * and a million-event history's documents do not fit the heap twice).
     */
    static Rate mongoBulkUpsert(MongoClient source, String database, MongoClient target, String label) {
        return mongoBulkUpsert(source, database, target, label, null);
    }

    /** As above, stopping after the first batch that takes the timed writes past {@code timeBox} (when not null). */
    static Rate mongoBulkUpsert(MongoClient source, String database, MongoClient target, String label,
                                Duration timeBox) {
        MongoDatabase db = target.getDatabase("bench_raw");
        db.drop();
        long timed = 0;
        long written = 0;
        boolean boxed = false;
        for (String name : readModelCollections(source, database)) {
            if (timeBox != null && timed > timeBox.toNanos()) {
                boxed = true;
                break;
            }
            MongoCollection<Document> into = db.getCollection(name);
            List<WriteModel<Document>> batch = new ArrayList<>(1000);
            try (var documents = source.getDatabase(database).getCollection(name).find().batchSize(1_000).cursor()) {
                while (documents.hasNext()) {
                    Document d = documents.next();
                    batch.add(new ReplaceOneModel<>(Filters.eq("_id", d.get("_id")), d,
                            new ReplaceOptions().upsert(true)));
                    if (batch.size() == 1000 || !documents.hasNext()) {
                        long t = System.nanoTime();
                        into.bulkWrite(batch, new BulkWriteOptions().ordered(false));
                        timed += System.nanoTime() - t;
                        written += batch.size();
                        batch.clear();
                        if (timeBox != null && timed > timeBox.toNanos()) {
                            boxed = true;
                            break;
                        }
                    }
                }
            }
        }
        db.drop();
        return new Rate("plain MongoDB driver bulk upserts (" + label + (boxed ? ", first " + written
                + " documents, time box " + timeBox.toSeconds() + " s" : "") + ")", written, timed / 1e9, null);
    }

    static Rate mongoFindById(MongoClient client, String database, String collection, List<String> ids, int count) {
        MongoCollection<Document> c = client.getDatabase(database).getCollection(collection);
        Histogram latency = new Histogram(3);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long began = System.nanoTime();
            c.find(Filters.eq("_id", ids.get(i % ids.size()))).first();
            latency.recordValue(Math.max(1, (System.nanoTime() - began) / 1000));
        }
        return new Rate("plain MongoDB driver find by _id (" + collection + ")", count, (System.nanoTime() - start) / 1e9,
                latency);
    }
}
