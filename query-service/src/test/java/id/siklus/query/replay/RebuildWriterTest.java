package id.siklus.query.replay;

import id.siklus.query.platform.IdempotentUpsert;
import id.siklus.query.platform.InMemoryMongo;
import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.platform.ReadModelCollections;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A rebuild's documents are stored behind the fold, one batch in flight at a time, on the embedded stack's wire server
 * through the real driver: what ends up stored is what one fold without any flush gives, also when the fold goes on
 * with documents of the batch still being written.
 */
class RebuildWriterTest {

    private final InMemoryMongo mongo = InMemoryMongo.start("rebuild-writer");
    private final MongoTemplate template = mongo.template();
    private final IdempotentUpsert upserts = mongo.idempotentUpsert();

    @AfterEach
    void stop() {
        mongo.close();
    }

    @Test
    void aDocumentOfTheBatchInFlightIsFoldedOnFromThatBatchAndTheBatchIsLeftAsItWas() throws Exception {
        ExecutorService thread = Executors.newSingleThreadExecutor();
        CountDownLatch gate = new CountDownLatch(1);
        // the first batch's write waits behind this until the test lets it go: it is in flight meanwhile
        thread.submit(() -> gate.await(30, TimeUnit.SECONDS));
        try (RebuildWriter writer = new RebuildWriter(template, 2, thread)) {
            MemoryReadModel buffer = new MemoryReadModel(writer::load);
            fold(buffer, "funds", "a", 1, new Update().inc("balance", 5L).push("entries", new Document("n", 1)));
            fold(buffer, "funds", "b", 1, new Update().set("name", "KSM Mawar"));
            fold(buffer, "ksm", "k", 1, new Update().set("members", 5));
            writer.flush(buffer);
            assertThat(template.getCollection(ReadModelCollections.rebuildOf("funds")).countDocuments())
                    .as("nothing stored yet: the batch is in flight").isZero();

            fold(buffer, "funds", "a", 2, new Update().inc("balance", 7L).push("entries", new Document("n", 2)));
            fold(buffer, "funds", "a", 2, new Update().inc("balance", 7L));
            fold(buffer, "funds", "c", 1, new Update().set("name", "KSM Melati"));

            Document folded = buffer.folding(() -> upserts.current("funds", "a"));
            assertThat(folded.get("balance")).isEqualTo(12L);
            assertThat(folded.getList("entries", Document.class)).hasSize(2);
            Document inFlight = writer.load("funds", "a");
            assertThat(inFlight.get("balance")).as("the batch in flight is not changed by the fold").isEqualTo(5L);
            assertThat(inFlight.getList("entries", Document.class)).hasSize(1);
            assertThat(writer.load("funds", "b").get("name")).isEqualTo("KSM Mawar");
            assertThat(writer.load("funds", "c")).as("never flushed").isNull();

            gate.countDown();
            writer.finish(buffer);
        }
        Map<String, Document> funds = stored("funds");
        assertThat(funds.get("a").get("balance")).isEqualTo(12L);
        assertThat(funds.get("a").get(IdempotentUpsert.SOURCE_SEQUENCE)).isEqualTo(2L);
        assertThat(funds.get("a").getList("entries", Document.class)).extracting(entry -> entry.get("n"))
                .containsExactly(1, 2);
        assertThat(funds.keySet()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(stored("ksm").get("k").get("members")).isEqualTo(5);
    }

    @Test
    void manyFlushesStoreWhatOneFoldWithoutAnyFlushGives() {
        MemoryReadModel unflushed = new MemoryReadModel();
        try (RebuildWriter writer = new RebuildWriter(template, 7)) {
            MemoryReadModel buffer = new MemoryReadModel(writer::load);
            Random random = new Random(20261128);
            Map<String, Long> sequences = new HashMap<>();
            for (int event = 0; event < 3_000; event++) {
                String collection = random.nextBoolean() ? "funds" : "ksm";
                String id = "d" + random.nextInt(60);
                long sequence = sequences.merge(collection + id, 1L, Long::sum)
                        - (random.nextInt(10) == 0 ? 1 : 0); // now and then an event seen already
                Update update = switch (random.nextInt(4)) {
                    case 0 -> new Update().inc("balance", (long) random.nextInt(1_000_000));
                    case 1 -> new Update().push("entries", new Document("n", event));
                    case 2 -> new Update().addToSet("members", "h" + random.nextInt(8));
                    default -> new Update().set("stage." + random.nextInt(3), "event " + event);
                };
                fold(unflushed, collection, id, sequence, update);
                fold(buffer, collection, id, sequence, update);
                if (buffer.dirtyDocuments() >= 17) {
                    writer.flush(buffer);
                }
            }
            writer.finish(buffer);
        }
        for (String collection : List.of("funds", "ksm")) {
            List<Document> expected = unflushed.documents(collection).stream()
                    .sorted(Comparator.comparing(document -> (String) document.get("_id"))).toList();
            assertThat(stored(collection).values()).as(collection).hasSize(60)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void aWriteThatFailsFailsTheRebuildAtTheNextFlush() {
        InMemoryMongo gone = InMemoryMongo.start("gone");
        try (RebuildWriter writer = new RebuildWriter(gone.template(), 10)) {
            MemoryReadModel buffer = new MemoryReadModel(writer::load);
            fold(buffer, "funds", "a", 1, new Update().inc("balance", 5L));
            gone.close();
            writer.flush(buffer);
            assertThatThrownBy(() -> writer.finish(buffer)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("Storing rebuilt documents failed");
        }
    }

    private void fold(MemoryReadModel model, String collection, String id, long sequence, Update update) {
        model.folding(() -> upserts.apply(collection, id, sequence, update));
    }

    private Map<String, Document> stored(String collection) {
        Map<String, Document> byId = new java.util.TreeMap<>();
        template.getCollection(ReadModelCollections.rebuildOf(collection)).find()
                .forEach(document -> byId.put((String) document.get("_id"), document));
        return byId;
    }
}
