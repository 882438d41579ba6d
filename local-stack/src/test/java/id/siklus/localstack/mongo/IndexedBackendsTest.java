package id.siklus.localstack.mongo;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import id.siklus.localstack.MongoWireServer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wire server's completed indexes answer exactly what its full scan answers: every query is run against an
 * indexed collection and against an identical collection without indexes, after the same random writes.
 */
class IndexedBackendsTest {

    private static final List<String> KELURAHAN = List.of("35.71.01.1001", "35.71.01.1002", "35.71.02.1003",
            "35.71.02.1004", "35.71.03.1005");

    private MongoWireServer server;
    private MongoClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private MongoDatabase inMemory() {
        server = MongoWireServer.startInMemory(0);
        client = MongoClients.create(server.connectionString());
        return client.getDatabase("siklus");
    }

    @Test
    void aSecondaryIndexAnswersEveryQueryAsTheFullScanDoesThroughInsertsUpdatesAndDeletes() {
        MongoDatabase db = inMemory();
        MongoCollection<Document> indexed = db.getCollection("households");
        MongoCollection<Document> scanned = db.getCollection("households_unindexed");
        indexed.createIndex(Indexes.ascending("kelurahanCode"));
        indexed.createIndex(Indexes.ascending("kelurahanCode", "rw"));
        indexed.createIndex(Indexes.ascending("members"));

        Random random = new Random(20261128);
        for (int step = 0; step < 3_000; step++) {
            String id = "h" + random.nextInt(400);
            int action = random.nextInt(10);
            // both collections get the same write, drawn once
            Bson byId = Filters.eq("_id", id);
            if (action < 6) {
                Bson update = Updates.combine(Updates.set("kelurahanCode", KELURAHAN.get(random.nextInt(5))),
                        Updates.set("rw", "%02d".formatted(1 + random.nextInt(3))),
                        Updates.set("poor", random.nextBoolean()), Updates.inc("sourceSequence", 1),
                        random.nextBoolean() ? Updates.set("tags", List.of("t" + random.nextInt(4),
                                "t" + random.nextInt(4))) : Updates.unset("tags"));
                // integers and doubles of the same value must meet, as in MongoDB
                Bson members = random.nextBoolean() ? Updates.set("members", random.nextInt(4))
                        : Updates.set("members", (double) random.nextInt(4));
                indexed.updateOne(byId, Updates.combine(update, members), new UpdateOptions().upsert(true));
                scanned.updateOne(byId, Updates.combine(update, members), new UpdateOptions().upsert(true));
            } else if (action < 8) {
                indexed.deleteOne(byId);
                scanned.deleteOne(byId);
            } else {
                Bson move = Updates.set("kelurahanCode", KELURAHAN.get(random.nextInt(5)));
                indexed.updateMany(Filters.eq("rw", "01"), move);
                scanned.updateMany(Filters.eq("rw", "01"), move);
            }
        }

        List<Bson> queries = new ArrayList<>();
        for (String code : KELURAHAN) {
            queries.add(Filters.eq("kelurahanCode", code));
            queries.add(Filters.and(Filters.eq("kelurahanCode", code), Filters.eq("poor", true)));
            queries.add(Filters.and(Filters.eq("kelurahanCode", code), Filters.eq("rw", "02")));
        }
        queries.add(Filters.in("kelurahanCode", KELURAHAN.subList(1, 4)));
        queries.add(Filters.eq("kelurahanCode", "35.99.99.9999"));
        queries.add(Filters.eq("members", 2));
        queries.add(Filters.eq("members", 2.0));
        queries.add(Filters.in("members", List.of(1, 3.0)));
        queries.add(Filters.gt("members", 1)); // not narrowed: the full scan answers
        queries.add(Filters.eq("kelurahanCode", null)); // not narrowed either
        queries.add(Filters.regex("kelurahanCode", "^35\\.71\\.02"));
        queries.add(Filters.eq("tags", "t1"));
        for (Bson query : queries) {
            List<Document> expected = scanned.find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>());
            List<Document> actual = indexed.find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>());
            assertThat(actual).as("%s", query).isEqualTo(expected);
            assertThat(indexed.countDocuments(query)).as("count %s", query).isEqualTo(expected.size());
        }
        assertThat(indexed.countDocuments()).isEqualTo(scanned.countDocuments()).isPositive();
    }

    /**
     * The journal's index on (kelurahanCode, sequence) alone: "this kelurahan's entries after sequence n" is narrowed
     * by both fields, and every query answers what the full scan answers, whatever type the sequence has.
     */
    @Test
    void aCompoundIndexAnswersPrefixAndRangeQueriesAsTheFullScanDoes() {
        MongoDatabase db = inMemory();
        MongoCollection<Document> indexed = db.getCollection("audit_journal");
        MongoCollection<Document> scanned = db.getCollection("audit_journal_unindexed");
        indexed.createIndex(Indexes.ascending("kelurahanCode", "sequence"));

        Random random = new Random(20261129);
        for (int step = 0; step < 3_000; step++) {
            String id = "e" + random.nextInt(500);
            Bson byId = Filters.eq("_id", id);
            int action = random.nextInt(10);
            if (action < 7) {
                int n = random.nextInt(60);
                // mostly whole numbers as MongoDB stores them; now and then another type, nothing or a list
                Object sequence = switch (random.nextInt(12)) {
                    case 0 -> (double) n + 0.5;
                    case 1 -> "s" + n;
                    case 2 -> Double.NaN;
                    case 3 -> List.of(n, n + 3);
                    case 4 -> -0.0;
                    default -> random.nextBoolean() ? (Object) n : (Object) (long) n;
                };
                Bson update = Updates.combine(Updates.set("kelurahanCode", KELURAHAN.get(random.nextInt(5))),
                        random.nextInt(15) == 0 ? Updates.unset("sequence") : Updates.set("sequence", sequence),
                        Updates.set("effectiveDate", "2010-%02d-01".formatted(1 + random.nextInt(12))));
                indexed.updateOne(byId, update, new UpdateOptions().upsert(true));
                scanned.updateOne(byId, update, new UpdateOptions().upsert(true));
            } else if (action < 9) {
                indexed.deleteOne(byId);
                scanned.deleteOne(byId);
            } else {
                Bson move = Updates.set("sequence", 100 + random.nextInt(10));
                Bson some = Filters.and(Filters.eq("kelurahanCode", KELURAHAN.get(random.nextInt(5))),
                        Filters.lt("sequence", 10));
                indexed.updateMany(some, move);
                scanned.updateMany(some, move);
            }
        }

        List<Bson> queries = new ArrayList<>();
        for (String code : KELURAHAN) {
            Bson kelurahan = Filters.eq("kelurahanCode", code);
            queries.add(kelurahan);
            queries.add(Filters.and(kelurahan, Filters.gt("sequence", 30)));
            queries.add(Filters.and(kelurahan, Filters.gte("sequence", 30L)));
            queries.add(Filters.and(kelurahan, Filters.lt("sequence", 12.5)));
            queries.add(Filters.and(kelurahan, Filters.lte("sequence", 0)));
            queries.add(Filters.and(kelurahan, Filters.gte("sequence", -0.0)));
            queries.add(Filters.and(kelurahan, Filters.gt("sequence", 10), Filters.lte("sequence", 40)));
            queries.add(Filters.and(kelurahan, Filters.gt("sequence", 40), Filters.lt("sequence", 10)));
            queries.add(Filters.and(kelurahan, Filters.gt("sequence", 100)));
            queries.add(Filters.and(kelurahan, Filters.eq("sequence", 7)));
            queries.add(Filters.and(kelurahan, Filters.eq("sequence", 7.0)));
            queries.add(Filters.and(kelurahan, Filters.eq("sequence", "s7")));
            queries.add(Filters.and(kelurahan, Filters.eq("sequence", null)));
            queries.add(Filters.and(kelurahan, Filters.ne("sequence", 7)));
            queries.add(Filters.and(kelurahan, Filters.gt("sequence", "s3")));
            queries.add(Filters.and(kelurahan, Filters.gt("sequence", 20), Filters.or(
                    Filters.lte("effectiveDate", "2010-06-01"), Filters.eq("effectiveDate", null))));
        }
        queries.add(Filters.gt("sequence", 30)); // no kelurahan: the full scan answers
        queries.add(Filters.eq("kelurahanCode", "35.99.99.9999"));
        for (Bson query : queries) {
            List<Document> expected = scanned.find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>());
            List<Document> actual = indexed.find(query).sort(Sorts.ascending("_id")).into(new ArrayList<>());
            assertThat(actual).as("%s", query).isEqualTo(expected);
        }
        for (String code : KELURAHAN) {
            Bson kelurahan = Filters.eq("kelurahanCode", code);
            assertThat(indexed.find(kelurahan).sort(Sorts.descending("sequence")).limit(1).first())
                    .isEqualTo(scanned.find(kelurahan).sort(Sorts.descending("sequence")).limit(1).first());
        }
        assertThat(indexed.countDocuments()).isEqualTo(scanned.countDocuments()).isPositive();
    }

    /** The projections' write: applied once per source sequence, found by _id with a further condition. */
    @Test
    void theGuardedUpsertByIdStillAppliesOnlyNewerSequences() {
        MongoCollection<Document> journal = inMemory().getCollection("audit_journal");
        Bson newer5 = Filters.and(Filters.eq("_id", "k1"), Filters.or(Filters.lt("sourceSequence", 5),
                Filters.exists("sourceSequence", false)));

        journal.updateOne(newer5, Updates.combine(Updates.inc("events", 1), Updates.set("sourceSequence", 5)),
                new UpdateOptions().upsert(true));
        // the same event again: the filter misses the document and the insert collides on _id
        assertThatThrownBy(() -> journal.updateOne(newer5, Updates.combine(Updates.inc("events", 1),
                Updates.set("sourceSequence", 5)), new UpdateOptions().upsert(true)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        Bson newer6 = Filters.and(Filters.eq("_id", "k1"), Filters.lt("sourceSequence", 6));
        journal.updateOne(newer6, Updates.combine(Updates.inc("events", 1), Updates.set("sourceSequence", 6)));

        assertThat(journal.find(Filters.eq("_id", "k1")).first())
                .containsEntry("events", 2).containsEntry("sourceSequence", 6);
        assertThat(journal.find(Filters.and(Filters.eq("_id", "k1"), Filters.eq("events", 3))).first()).isNull();
        assertThat(journal.find(Filters.and(Filters.eq("_id", "nope"), Filters.eq("events", 2))).first()).isNull();
    }

    /** As MongoDB 7: dropping what is not there is ok, on both backends (the wire server used to refuse and log it). */
    @Test
    void aDropOfACollectionThatDoesNotExistIsAnsweredOk(@TempDir Path directory) throws Exception {
        for (boolean fileBacked : List.of(false, true)) {
            server = fileBacked ? MongoWireServer.startFileBacked(directory.resolve("drop.mv"), 0)
                    : MongoWireServer.startInMemory(0);
            client = MongoClients.create(server.connectionString());
            MongoDatabase db = client.getDatabase("siklus");
            assertThat(db.runCommand(new Document("drop", "never_created")).get("ok")).isEqualTo(1.0);
            db.getCollection("loans").insertOne(new Document("_id", "l1"));
            assertThat(db.runCommand(new Document("drop", "loans")).get("ok")).isEqualTo(1.0);
            assertThat(db.listCollectionNames().into(new ArrayList<>())).doesNotContain("loans");
            client.close();
            server.close();
        }
        client = null;
        server = null;
    }

    @Test
    void aFileBackedServerRebuildsItsSecondaryIndexesWhenItOpensAgain(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("read-models.mv");
        server = MongoWireServer.startFileBacked(file, 0);
        client = MongoClients.create(server.connectionString());
        MongoCollection<Document> households = client.getDatabase("siklus").getCollection("households");
        households.createIndex(Indexes.ascending("kelurahanCode"));
        for (int i = 0; i < 50; i++) {
            households.insertOne(new Document("_id", "h" + i).append("kelurahanCode", KELURAHAN.get(i % 5)));
        }
        client.close();
        server.close();

        server = MongoWireServer.startFileBacked(file, 0);
        client = MongoClients.create(server.connectionString());
        households = client.getDatabase("siklus").getCollection("households");
        households.insertOne(new Document("_id", "h50").append("kelurahanCode", KELURAHAN.get(0)));

        assertThat(households.countDocuments(Filters.eq("kelurahanCode", KELURAHAN.get(0)))).isEqualTo(11);
        assertThat(households.find(Filters.in("kelurahanCode", KELURAHAN.subList(0, 2))).into(new ArrayList<>()))
                .hasSize(21);
    }

    /** The unique _id index lives on the heap of a file-backed server: it is rebuilt from the file when it opens. */
    @Test
    void aFileBackedServerStillRefusesADuplicateIdAfterItOpensAgain(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("read-models.mv");
        server = MongoWireServer.startFileBacked(file, 0);
        client = MongoClients.create(server.connectionString());
        MongoCollection<Document> journal = client.getDatabase("siklus").getCollection("audit_journal");
        for (int i = 0; i < 50; i++) {
            journal.updateOne(guardedBelow("k" + i, 3), Updates.combine(Updates.inc("events", 1),
                    Updates.set("sourceSequence", 3)), new UpdateOptions().upsert(true));
        }
        client.close();
        server.close();

        server = MongoWireServer.startFileBacked(file, 0);
        client = MongoClients.create(server.connectionString());
        MongoCollection<Document> reopened = client.getDatabase("siklus").getCollection("audit_journal");
        assertThatThrownBy(() -> reopened.insertOne(new Document("_id", "k7")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        // the same event again: found by _id, filtered out, and the insert collides
        assertThatThrownBy(() -> reopened.updateOne(guardedBelow("k7", 3), Updates.combine(Updates.inc("events", 1),
                Updates.set("sourceSequence", 3)), new UpdateOptions().upsert(true)))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        reopened.updateOne(guardedBelow("k7", 4), Updates.combine(Updates.inc("events", 1),
                Updates.set("sourceSequence", 4)), new UpdateOptions().upsert(true));
        reopened.deleteOne(Filters.eq("_id", "k8"));
        reopened.insertOne(new Document("_id", "k8").append("events", 9));

        assertThat(reopened.countDocuments()).isEqualTo(50);
        assertThat(reopened.find(Filters.eq("_id", "k7")).first()).containsEntry("events", 2);
        assertThat(reopened.find(Filters.eq("_id", "k8")).first()).containsEntry("events", 9);
        assertThat(reopened.find(Filters.in("_id", List.of("k1", "k2", "nope"))).into(new ArrayList<>())).hasSize(2);
    }

    /** A file written by the wire server's own H2 backend (index maps kept in the file) opens, and loses those maps. */
    @Test
    void theIndexMapsAnEarlierVersionKeptInTheFileAreRemovedAndTheIndexesRebuilt(@TempDir Path directory)
            throws Exception {
        Path file = directory.resolve("read-models.mv");
        de.bwaldvogel.mongo.MongoServer plain = new de.bwaldvogel.mongo.MongoServer(
                new de.bwaldvogel.mongo.backend.h2.H2Backend(file.toString()));
        plain.bind("localhost", 0);
        try (MongoClient earlier = MongoClients.create("mongodb://localhost:" + plain.getLocalAddress().getPort())) {
            MongoCollection<Document> households = earlier.getDatabase("siklus").getCollection("households");
            households.createIndex(Indexes.ascending("kelurahanCode"));
            for (int i = 0; i < 20; i++) {
                households.insertOne(new Document("_id", "h" + i).append("kelurahanCode", KELURAHAN.get(i % 5)));
            }
        }
        plain.shutdown();
        assertThat(indexMaps(file)).contains("siklus.households._index__id_");

        server = MongoWireServer.startFileBacked(file, 0);
        client = MongoClients.create(server.connectionString());
        MongoCollection<Document> households = client.getDatabase("siklus").getCollection("households");
        assertThatThrownBy(() -> households.insertOne(new Document("_id", "h3")))
                .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        households.insertOne(new Document("_id", "h20").append("kelurahanCode", KELURAHAN.get(0)));
        assertThat(households.countDocuments(Filters.eq("kelurahanCode", KELURAHAN.get(0)))).isEqualTo(5);
        assertThat(households.find(Filters.eq("_id", "h20")).first()).containsEntry("kelurahanCode", KELURAHAN.get(0));
        client.close();
        server.close();
        client = null;
        server = null;

        assertThat(indexMaps(file)).isEmpty();
    }

    private static Bson guardedBelow(String id, long sequence) {
        return Filters.and(Filters.eq("_id", id), Filters.or(Filters.lt("sourceSequence", sequence),
                Filters.exists("sourceSequence", false)));
    }

    private static List<String> indexMaps(Path file) {
        org.h2.mvstore.MVStore store = org.h2.mvstore.MVStore.open(file.toString());
        try {
            return store.getMapNames().stream().filter(name -> name.contains("._index_")).toList();
        } finally {
            store.close();
        }
    }

    /** Which queries the indexes narrow (the rest go to the server's scan, which the test above compares against). */
    @Test
    void theIndexesNarrowEqualityAndInQueriesAndIdQueriesWithFurtherConditions() {
        EqualityIndex<Integer> kelurahan = new EqualityIndex<>("kelurahanCode_1",
                List.of(new de.bwaldvogel.mongo.backend.IndexKey("kelurahanCode", true)));
        kelurahan.add(doc("_id", "a", "kelurahanCode", "k1"), 1, null);
        kelurahan.add(doc("_id", "b", "kelurahanCode", "k2"), 2, null);
        kelurahan.add(doc("_id", "c", "kelurahanCode", "k1"), 3, null);

        assertThat(kelurahan.canHandle(doc("kelurahanCode", "k1", "poor", true))).isTrue();
        assertThat(kelurahan.getPositions(doc("kelurahanCode", "k1"))).containsExactly(1, 3);
        assertThat(kelurahan.getPositions(doc("kelurahanCode", doc("$in", List.of("k2", "k3")))))
                .containsExactly(2);
        assertThat(kelurahan.canHandle(doc("kelurahanCode", doc("$gt", "k1")))).isFalse();
        assertThat(kelurahan.canHandle(doc("kelurahanCode", null))).isFalse();
        assertThat(kelurahan.canHandle(doc("rw", "01"))).isFalse();

        kelurahan.updateInPlace(doc("_id", "c", "kelurahanCode", "k1"), doc("_id", "c", "kelurahanCode", "k2"), 3,
                null);
        assertThat(kelurahan.remove(doc("_id", "a", "kelurahanCode", "k1"))).isEqualTo(1);
        assertThat(kelurahan.getPositions(doc("kelurahanCode", "k1"))).isEmpty();
        assertThat(kelurahan.getPositions(doc("kelurahanCode", "k2"))).containsExactlyInAnyOrder(2, 3);
        assertThat(kelurahan.getCount()).isEqualTo(2);

        de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex ids =
                new de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex("_id_",
                        List.of(new de.bwaldvogel.mongo.backend.IndexKey("_id", true)), false);
        IdFirstIndex<Integer> idFirst = new IdFirstIndex<>(ids);
        idFirst.add(doc("_id", "k1"), 7, null);
        de.bwaldvogel.mongo.bson.Document guarded = doc("_id", "k1", "$or",
                List.of(doc("sourceSequence", doc("$lt", 5))));
        assertThat(ids.canHandle(guarded)).as("the server's own index").isFalse();
        assertThat(idFirst.canHandle(guarded)).isTrue();
        assertThat(idFirst.getPositions(guarded)).containsExactly(7);
        assertThat(idFirst.canHandle(doc("_id", doc("$gt", "k0"), "x", 1))).isFalse();
    }

    /** What the compound index narrows: a kelurahan's entries, and of those the ones in a range of sequences. */
    @Test
    void aCompoundIndexNarrowsToTheKelurahanAndTheRangeOfSequences() {
        CompoundIndex<Integer> journal = new CompoundIndex<>("kelurahanCode_1_sequence_1",
                List.of(new de.bwaldvogel.mongo.backend.IndexKey("kelurahanCode", true),
                        new de.bwaldvogel.mongo.backend.IndexKey("sequence", true)));
        for (int i = 0; i < 10; i++) {
            journal.add(doc("_id", "a" + i, "kelurahanCode", "k1", "sequence", (long) i), i, null);
            journal.add(doc("_id", "b" + i, "kelurahanCode", "k2", "sequence", i), 100 + i, null);
        }
        journal.add(doc("_id", "c", "kelurahanCode", "k1", "sequence", "not a number"), 50, null);

        assertThat(journal.canHandle(doc("kelurahanCode", "k1"))).isTrue();
        assertThat(journal.canHandle(doc("sequence", doc("$gt", 3)))).isFalse();
        assertThat(journal.canHandle(doc("kelurahanCode", doc("$in", List.of("k1"))))).isFalse();
        assertThat(journal.getPositions(doc("kelurahanCode", "k1"))).hasSize(11);
        // the entries after sequence 7, and the one whose sequence is no number (left to the server to compare)
        assertThat(journal.getPositions(doc("kelurahanCode", "k1", "sequence", doc("$gt", 7L))))
                .containsExactlyInAnyOrder(7, 8, 9, 50);
        assertThat(journal.getPositions(doc("kelurahanCode", "k2", "sequence", doc("$gte", 2, "$lt", 4.0))))
                .containsExactlyInAnyOrder(102, 103, 104);
        assertThat(journal.getPositions(doc("kelurahanCode", "k2", "sequence", 5.0))).containsExactly(105);
        assertThat(journal.getPositions(doc("kelurahanCode", "k3", "sequence", doc("$gt", 0)))).isEmpty();

        journal.updateInPlace(doc("_id", "a9", "kelurahanCode", "k1", "sequence", 9L),
                doc("_id", "a9", "kelurahanCode", "k2", "sequence", 9L), 9, null);
        assertThat(journal.remove(doc("_id", "a8", "kelurahanCode", "k1", "sequence", 8L))).isEqualTo(8);
        assertThat(journal.getPositions(doc("kelurahanCode", "k1", "sequence", doc("$gt", 6))))
                .containsExactlyInAnyOrder(6, 7, 50);
        assertThat(journal.getPositions(doc("kelurahanCode", "k2", "sequence", 9))).containsExactlyInAnyOrder(109, 9);
        assertThat(journal.getCount()).isEqualTo(20);
    }

    private static de.bwaldvogel.mongo.bson.Document doc(Object... keysAndValues) {
        de.bwaldvogel.mongo.bson.Document document = new de.bwaldvogel.mongo.bson.Document();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            document.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return document;
    }
}
