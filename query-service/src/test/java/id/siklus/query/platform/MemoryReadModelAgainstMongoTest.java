package id.siklus.query.platform;

import id.siklus.api.household.Sealed;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document folded in memory (views of the past, rebuilds) is the document MongoDB holds after the same updates
 * through {@link IdempotentUpsert}: values mapped alike (records with their type hint, instants as dates).
 */
class MemoryReadModelAgainstMongoTest {

    private static InMemoryMongo mongo;

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start("memory-vs-mongo");
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @Test
    void theSameUpdatesGiveTheSameDocument() {
        IdempotentUpsert upsert = mongo.idempotentUpsert();
        List<Supplier<Update>> updates = List.of(
                () -> new Update().set("headName", new Sealed("h1", "c2VhbGVk")).set("registeredAt",
                        Instant.parse("2026-11-28T04:35:01.675Z")).set("size", 4).set("poor", true),
                () -> new Update().inc("ekonomi", 50_000_000L).push("plans", new Document("fromYear", 2010))
                        .addToSet("members", "h2"),
                () -> new Update().inc("ekonomi", 7L).set("stages.REFLEKSI", new Document("men", 3)).pull("members", "h2"));
        MemoryReadModel memory = new MemoryReadModel();
        for (int i = 0; i < updates.size(); i++) {
            long sequence = i + 1;
            Supplier<Update> update = updates.get(i);
            upsert.apply("c", "doc", sequence, update.get());
            memory.folding(() -> upsert.apply("c", "doc", sequence, update.get()));
        }
        Document stored = mongo.template().findById("doc", Document.class, "c");
        assertThat(memory.documents("c")).containsExactly(stored);
        assertThat(stored.get("headName", Document.class).getString("_class"))
                .isEqualTo(Sealed.class.getName());
    }
}
