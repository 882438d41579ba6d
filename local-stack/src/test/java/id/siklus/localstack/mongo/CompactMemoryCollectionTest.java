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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory backend keeps documents as BSON bytes ({@link CompactMemoryCollection}); it must answer exactly what
 * the library's file backend answers (which keeps its own copies through H2) after the same writes, with every value
 * of the same BSON type: a long stays a long, a nested document stays nested.
 */
class CompactMemoryCollectionTest {

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

    private static List<Document> all(MongoCollection<Document> c, Bson filter) {
        return c.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
