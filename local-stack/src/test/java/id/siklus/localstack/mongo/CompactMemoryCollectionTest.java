package id.siklus.localstack.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import id.siklus.localstack.MongoWireServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory backend keeps documents as BSON bytes ({@link CompactMemoryCollection}); it must answer exactly what
 * the library's file backend answers (which keeps its own copies through H2) after the same writes, with every value
 * of the same BSON type: a long stays a long, a nested document stays nested.
 */
class CompactMemoryCollectionTest {

    private static final List<String> KELURAHAN = List.of("35.71.01.1001", "35.71.01.1002", "35.71.02.1003");

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private MongoCollection<Document> collection(MongoWireServer server) {
        open.add(server);
        MongoClient client = MongoClients.create(server.connectionString());
        open.add(client);
        return client.getDatabase("siklus").getCollection("loans");
    }

    @Test
    void inMemoryDocumentsAreWhatTheFileBackendKeepsThroughRandomWrites(@TempDir Path dir) throws Exception {
        MongoCollection<Document> compact = collection(MongoWireServer.startInMemory(0));
        MongoCollection<Document> file = collection(MongoWireServer.startFileBacked(dir.resolve("s.mv"), 0));
        for (MongoCollection<Document> c : List.of(compact, file)) {
            c.createIndex(new Document("kelurahanCode", 1));
        }
        Random random = new Random(20261128);
        for (int step = 0; step < 2_000; step++) {
            String id = "loan-" + random.nextInt(150);
            int action = random.nextInt(12);
            long amount = 287_500L * (1 + random.nextInt(10));
            String kelurahan = "35.71.01.10%02d".formatted(random.nextInt(6));
            for (MongoCollection<Document> c : List.of(compact, file)) {
                Bson byId = Filters.eq("_id", id);
                if (action < 5) {
                    c.updateOne(byId, Updates.combine(Updates.set("kelurahanCode", kelurahan),
                            Updates.inc("outstanding", amount), Updates.inc("sourceSequence", 1L),
                            Updates.push("repayments", new Document("amount", amount).append("paidOn",
                                    new Date(1_300_000_000_000L + step)))), new UpdateOptions().upsert(true));
                } else if (action < 7) {
                    c.replaceOne(byId, new Document("_id", id).append("kelurahanCode", kelurahan)
                                    .append("principal", amount).append("fee", new Decimal128(new BigDecimal("1.5")))
                                    .append("members", step % 7).append("note", step % 3 == 0 ? null : "catatan")
                                    .append("schedule", List.of(new Document("month", 1).append("due", amount))),
                            new ReplaceOptions().upsert(true));
                } else if (action < 8) {
                    c.deleteOne(byId);
                } else if (action < 9) {
                    c.updateMany(Filters.eq("kelurahanCode", kelurahan), Updates.unset("note"));
                } else {
                    c.findOneAndUpdate(byId, Updates.inc("sourceSequence", 1L),
                            new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                }
            }
        }
        assertThat(all(compact, Filters.empty())).isEqualTo(all(file, Filters.empty())).isNotEmpty();
        Bson one = Filters.eq("kelurahanCode", "35.71.01.1003");
        assertThat(all(compact, one)).isEqualTo(all(file, one)).isNotEmpty();
        assertThat(compact.countDocuments()).isEqualTo(file.countDocuments());
        Document sample = all(compact, Filters.exists("repayments")).get(0);
        assertThat(sample.get("sourceSequence")).isInstanceOf(Long.class);
        assertThat(sample.getList("repayments", Document.class).get(0).get("paidOn")).isInstanceOf(Date.class);
    }

    @Test
    void aFreedPositionIsReusedAndNaturalOrderIsKept() {
        MongoCollection<Document> c = collection(MongoWireServer.startInMemory(0));
        for (int i = 0; i < 5; i++) {
            c.insertOne(new Document("_id", "d" + i).append("n", i));
        }
        c.deleteOne(Filters.eq("_id", "d2"));
        c.insertOne(new Document("_id", "d5").append("n", 5));
        assertThat(c.find().map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactly("d0", "d1", "d5", "d3", "d4");
        assertThat(c.find().sort(Sorts.descending("$natural")).map(d -> d.getString("_id")).into(new ArrayList<>()))
                .containsExactly("d4", "d3", "d5", "d1", "d0");
        assertThat(c.countDocuments()).isEqualTo(5);
    }

    @Test
    void aFindOverManyDocumentsDoesNotHoldUpAWriteToTheSameCollection() throws Exception {
        CompactMemoryCollection loans = new CompactMemoryCollection(new MemoryDatabase("siklus", new CursorRegistry()),
                "loans", CollectionOptions.withDefaults(), new CursorRegistry());
        loans.addIndex(new MemoryUniqueIndex("_id_", List.of(new IndexKey("_id", true)), false));
        // a find that matches nothing decodes and matches every document: grow the collection until it takes a while
        QueryParameters scan = new QueryParameters(wire("note", "no such note"), 0, 0);
        int size = 0;
        long scanNanos = 0;
        while (scanNanos < Duration.ofMillis(300).toNanos() && size < 2_560_000) {
            int more = Math.max(size, 20_000);
            for (int i = size; i < size + more; i++) {
                loans.addDocument(wire("_id", "loan-" + i).append("kelurahanCode", KELURAHAN.get(i % 3))
                        .append("outstanding", 1_000_000L + i).append("note", "angsuran ke-" + (i % 10)));
            }
            size += more;
            loans.handleQuery(scan);
            long start = System.nanoTime();
            loans.handleQuery(scan);
            scanNanos = System.nanoTime() - start;
        }
        ExecutorService reader = Executors.newSingleThreadExecutor();
        try {
            for (int attempt = 1; ; attempt++) {
                CountDownLatch scanning = new CountDownLatch(1);
                Future<Long> scanEnded = reader.submit(() -> {
                    scanning.countDown();
                    loans.handleQuery(scan);
                    return System.nanoTime();
                });
                scanning.await();
                Thread.sleep(20);
                long writeStarted = System.nanoTime();
                loans.updateDocuments(wire("_id", "loan-7"), wire("$set", wire("outstanding", (long) -attempt)),
                        ArrayFilters.empty(), false, false, NoopOplog.get());
                long write = System.nanoTime() - writeStarted;
                long restOfScan = scanEnded.get() - writeStarted;
                if (restOfScan < Duration.ofMillis(100).toNanos() && attempt < 5) {
                    continue; // the find was nearly done when the write came: no evidence either way, try again
                }
                // had the find held the collection's lock, the write would have waited for the rest of it
                assertThat(write).as("the write's time beside a find with %d ms to go", restOfScan / 1_000_000)
                        .isLessThan(restOfScan / 2);
                break;
            }
        } finally {
            reader.shutdownNow();
        }
        assertThat(loans.handleQuery(new QueryParameters(wire("_id", "loan-7"), 0, 0)).collectDocuments())
                .singleElement().satisfies(d -> assertThat((Long) d.get("outstanding")).isNegative());
    }

    @Test
    void aPositionThatAnIndexGaveBeforeADeleteIsPassedOver() {
        CompactMemoryCollection loans = new CompactMemoryCollection(new MemoryDatabase("siklus", new CursorRegistry()),
                "loans", CollectionOptions.withDefaults(), new CursorRegistry());
        for (int i = 0; i < 3; i++) {
            loans.addDocument(wire("_id", "loan-" + i).append("kelurahanCode", KELURAHAN.get(0)));
        }
        // positions 0 to 2 in the order added; a find looked up 0 and 1 in an index, then loan-1 was deleted
        loans.deleteDocuments(wire("_id", "loan-1"), 1, NoopOplog.get());

        for (de.bwaldvogel.mongo.bson.Document query : List.of(wire("kelurahanCode", KELURAHAN.get(0)),
                new de.bwaldvogel.mongo.bson.Document())) {
            assertThat(loans.matchDocuments(query, List.of(0, 1), null, 0, 0, 0, null).collectDocuments())
                    .extracting(d -> d.get("_id")).containsExactly("loan-0");
        }
    }

    private static de.bwaldvogel.mongo.bson.Document wire(String key, Object value) {
        return new de.bwaldvogel.mongo.bson.Document(key, value);
    }

    @Test
    void findsBesideWritesAndDeletesReturnOnlyWholeDocumentsThatMatch() throws Exception {
        MongoCollection<Document> c = collection(MongoWireServer.startInMemory(0));
        c.createIndex(new Document("kelurahanCode", 1));
        for (int i = 0; i < 2_000; i++) {
            c.insertOne(loan(i, i % 3, i));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> work = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int seed = w;
                work.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    int writes = 0;
                    long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                    while (System.nanoTime() < until) {
                        int i = random.nextInt(2_000);
                        if (random.nextInt(4) == 0) {
                            c.deleteOne(Filters.eq("_id", "loan-" + i));
                            c.replaceOne(Filters.eq("_id", "loan-" + i), loan(i, random.nextInt(3), writes),
                                    new ReplaceOptions().upsert(true));
                        } else {
                            c.updateOne(Filters.eq("_id", "loan-" + i), Updates.combine(
                                    Updates.set("kelurahanCode", KELURAHAN.get(random.nextInt(3))),
                                    Updates.set("outstanding", (long) writes), Updates.set("copy", (long) writes)));
                        }
                        writes++;
                    }
                    return writes;
                }));
            }
            for (int r = 0; r < 2; r++) {
                int seed = 10 + r;
                work.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    int finds = 0;
                    while (writing.get()) {
                        String kelurahan = KELURAHAN.get(random.nextInt(3));
                        long atLeast = random.nextInt(5_000);
                        for (Document d : c.find(Filters.eq("kelurahanCode", kelurahan)).into(new ArrayList<>())) {
                            assertThat(d.getString("kelurahanCode")).isEqualTo(kelurahan);
                            assertThat(d.get("copy")).isEqualTo(d.get("outstanding"));
                        }
                        for (Document d : c.find(Filters.gte("outstanding", atLeast)).into(new ArrayList<>())) {
                            assertThat(d.getLong("outstanding")).isGreaterThanOrEqualTo(atLeast);
                            assertThat(d.get("copy")).isEqualTo(d.get("outstanding"));
                        }
                        finds++;
                    }
                    return finds;
                }));
            }
            assertThat(work.get(0).get() + work.get(1).get()).isPositive();
            writing.set(false);
            assertThat(work.get(2).get() + work.get(3).get()).isPositive();
        } finally {
            writing.set(false);
            threads.shutdownNow();
        }
        assertThat(c.countDocuments()).isEqualTo(2_000);
        assertThat(c.countDocuments(Filters.in("kelurahanCode", KELURAHAN))).isEqualTo(2_000);
    }

    private static Document loan(int i, int kelurahan, long outstanding) {
        return new Document("_id", "loan-" + i).append("kelurahanCode", KELURAHAN.get(kelurahan))
                .append("outstanding", outstanding).append("copy", outstanding);
    }

    private static List<Document> all(MongoCollection<Document> c, Bson filter) {
        return c.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
