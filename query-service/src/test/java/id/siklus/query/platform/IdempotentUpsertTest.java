package id.siklus.query.platform;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotentUpsertTest {

    private static final String COLLECTION = "things";

    private static InMemoryMongo mongo;
    private MongoTemplate template;
    private IdempotentUpsert upsert;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start("idempotent-upsert-test");
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void emptyCollection() {
        template = mongo.template();
        template.dropCollection(COLLECTION);
        upsert = new IdempotentUpsert(template);
    }

    private Document stored(String id) {
        return template.findById(id, Document.class, COLLECTION);
    }

    @Test
    void theFirstEventOfADocumentCreatesItWithItsSequence() {
        boolean applied = upsert.apply(COLLECTION, "a", 0, Map.of("name", "first"));

        assertThat(applied).isTrue();
        assertThat(stored("a"))
                .containsEntry("name", "first")
                .containsEntry(IdempotentUpsert.SOURCE_SEQUENCE, 0L);
    }

    @Test
    void theSameEventAppliedAgainChangesNothingAndSaysSo() {
        upsert.apply(COLLECTION, "a", 3, Map.of("name", "first"));

        boolean applied = upsert.apply(COLLECTION, "a", 3, Map.of("name", "redelivered"));

        assertThat(applied).isFalse();
        assertThat(stored("a")).containsEntry("name", "first").containsEntry(IdempotentUpsert.SOURCE_SEQUENCE, 3L);
        assertThat(template.count(new Query(), COLLECTION)).isEqualTo(1);
    }

    @Test
    void anOlderEventArrivingLateDoesNotOverwriteANewerOne() {
        upsert.apply(COLLECTION, "a", 5, Map.of("name", "newer"));

        boolean applied = upsert.apply(COLLECTION, "a", 4, Map.of("name", "older"));

        assertThat(applied).isFalse();
        assertThat(stored("a")).containsEntry("name", "newer").containsEntry(IdempotentUpsert.SOURCE_SEQUENCE, 5L);
    }

    @Test
    void aNewerEventUpdatesTheDocumentAndKeepsFieldsItDoesNotName() {
        upsert.apply(COLLECTION, "a", 1, Map.of("name", "first", "kota", "Kediri"));

        boolean applied = upsert.apply(COLLECTION, "a", 2, Map.of("name", "second"));

        assertThat(applied).isTrue();
        assertThat(stored("a"))
                .containsEntry("name", "second")
                .containsEntry("kota", "Kediri")
                .containsEntry(IdempotentUpsert.SOURCE_SEQUENCE, 2L);
    }

    @Test
    void aDocumentWrittenWithoutASequenceTakesTheFirstEvent() {
        template.insert(new Document("_id", "a").append("name", "written by hand"), COLLECTION);

        boolean applied = upsert.apply(COLLECTION, "a", 0, Map.of("name", "from the event"));

        assertThat(applied).isTrue();
        assertThat(stored("a")).containsEntry("name", "from the event").containsEntry(IdempotentUpsert.SOURCE_SEQUENCE, 0L);
    }

    @Test
    void documentsOfDifferentIdsDoNotInterfere() {
        upsert.apply(COLLECTION, "a", 7, Map.of("name", "a"));

        boolean applied = upsert.apply(COLLECTION, "b", 0, Map.of("name", "b"));

        assertThat(applied).isTrue();
        assertThat(stored("a")).containsEntry("name", "a");
        assertThat(stored("b")).containsEntry("name", "b");
    }
}
