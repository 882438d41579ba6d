package id.siklus.query.platform;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.query.Update;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-memory read model applies the update operators the projections use as MongoDB does. */
class MemoryReadModelTest {

    private final MemoryReadModel model = new MemoryReadModel();

    private Document only(String collection) {
        assertThat(model.documents(collection)).hasSize(1);
        return model.documents(collection).iterator().next();
    }

    @Test
    void setsDottedPathsIncrementsPushesAddsToSetsAndPulls() {
        model.upsert("c", "a", 1, new Update().set("stages.REFLEKSI", new Document("men", 3)).inc("ekonomi", 5L)
                .push("plans", new Document("fromYear", 2010)).addToSet("members", "h1"));
        model.upsert("c", "a", 2, new Update().inc("ekonomi", 7L).push("plans", new Document("fromYear", 2013))
                .addToSet("members", "h1").addToSet("members", "h2"));
        model.upsert("c", "a", 3, new Update().pull("members", "h1").unset("stages.REFLEKSI"));

        Document document = only("c");
        assertThat(document.get("_id")).isEqualTo("a");
        assertThat(document.get("ekonomi")).isEqualTo(12L);
        assertThat(document.getList("plans", Document.class)).extracting(d -> d.get("fromYear"))
                .containsExactly(2010, 2013);
        assertThat(document.getList("members", String.class)).containsExactly("h2");
        assertThat(document.get("stages", Document.class)).isEmpty();
        assertThat(document.get(IdempotentUpsert.SOURCE_SEQUENCE)).isEqualTo(3L);
    }

    @Test
    void anEventAppliedAgainOrAnOlderOneChangesNothing() {
        assertThat(model.upsert("c", "a", 5, new Update().inc("lingkungan", 100L))).isTrue();
        assertThat(model.upsert("c", "a", 5, new Update().inc("lingkungan", 100L))).isFalse();
        assertThat(model.upsert("c", "a", 4, new Update().inc("lingkungan", 100L))).isFalse();
        assertThat(only("c").get("lingkungan")).isEqualTo(100L);
    }

    @Test
    void aFrozenModelIsCountedInPlaceHandsOutCopiesAndRefusesWrites() {
        model.upsert("h", "h1", 1, new Update().set("poor", true).set("place", new Document("rw", "01")));
        model.upsert("h", "h2", 2, new Update().set("poor", false));
        model.freeze();

        assertThat(model.count("h", household -> Boolean.TRUE.equals(household.get("poor")))).isEqualTo(1);
        assertThat(model.count("h", household -> true)).isEqualTo(2);
        assertThat(model.count("none", household -> true)).isZero();
        // a reader changing what it was given changes nothing for the next reader
        model.documents("h").iterator().next().get("place", Document.class).put("rw", "99");
        assertThat(model.documents("h").iterator().next().get("place", Document.class).get("rw")).isEqualTo("01");
        assertThatThrownBy(() -> model.upsert("h", "h3", 3, new Update().set("poor", true)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aThawedCopyOfAFrozenModelIsExtendedWithoutTouchingTheKeptOne() {
        model.upsert("h", "h1", 1, new Update().set("place", new Document("rw", "01")).push("plans", "2010"));
        model.upsert("h", "h2", 2, new Update().set("poor", false));
        model.freeze();

        MemoryReadModel extended = model.thawedCopy();
        assertThat(extended.upsert("h", "h1", 3, new Update().set("place.rw", "02").push("plans", "2013"))).isTrue();
        assertThat(extended.upsert("h", "h3", 4, new Update().set("poor", true))).isTrue();
        // what the kept model had seen is still seen in the copy: an older event changes nothing
        assertThat(extended.upsert("h", "h2", 2, new Update().set("poor", true))).isFalse();

        assertThat(extended.documents("h")).extracting(d -> d.get("_id")).containsExactly("h1", "h2", "h3");
        Document h1 = extended.documents("h").iterator().next();
        assertThat(h1.get("place", Document.class).get("rw")).isEqualTo("02");
        assertThat(h1.getList("plans", String.class)).containsExactly("2010", "2013");
        Document kept = model.documents("h").iterator().next();
        assertThat(kept.get("place", Document.class).get("rw")).isEqualTo("01");
        assertThat(kept.getList("plans", String.class)).containsExactly("2010");
        assertThat(model.count("h", d -> true)).isEqualTo(2);
        assertThat(extended.dirtyDocuments()).as("writes after the copy only").isEqualTo(2);
    }

    @Test
    void aThawedCopySharesTheKeptDocumentsUntilItHandsOneOutOrWritesIt() {
        for (int i = 1; i <= 5; i++) {
            model.upsert("h", "h" + i, i, new Update().set("place", new Document("rw", "0" + i)));
        }
        model.upsert("p", "rw01", 6, new Update().inc("households", 5L));
        model.freeze();

        MemoryReadModel extended = model.thawedCopy();
        assertThat(extended.sharedDocuments()).as("nothing copied yet").isEqualTo(6);
        extended.upsert("h", "h2", 7, new Update().set("place.rw", "22"));
        assertThat(extended.sharedDocuments()).as("the written one copied").isEqualTo(5);
        // a handler reading a document of the copy may change it in place, as it could a document it had written
        extended.get("h", "h3").get("place", Document.class).put("rw", "33");
        assertThat(extended.sharedDocuments()).isEqualTo(4);
        assertThat(extended.count("h", d -> true)).as("counted in place, nothing copied").isEqualTo(5);
        assertThat(extended.sharedDocuments()).isEqualTo(4);
        extended.documents("h").forEach(d -> d.get("place", Document.class).put("rw", "99"));
        assertThat(extended.sharedDocuments()).as("the other collection still shared").isEqualTo(1);

        assertThat(model.documents("h")).extracting(d -> d.get("place", Document.class).get("rw"))
                .as("the kept model unchanged").containsExactly("01", "02", "03", "04", "05");
        assertThat(extended.documents("h")).extracting(d -> d.get("place", Document.class).get("rw"))
                .containsExactly("99", "99", "99", "99", "99");
        extended.freeze();
        assertThat(extended.thawedCopy().upsert("p", "rw01", 8, new Update().inc("households", 1L))).isTrue();
        assertThat(model.get("p", "rw01").get("households")).isEqualTo(5L);
        assertThat(extended.get("p", "rw01").get("households")).isEqualTo(5L);
    }

    @Test
    void onlyAFrozenModelIsCopied() {
        model.upsert("h", "h1", 1, new Update().set("poor", true));
        assertThatThrownBy(model::thawedCopy).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anOperatorItDoesNotImplementFailsLoudly() {
        assertThatThrownBy(() -> model.upsert("c", "a", 1, new Update().max("x", 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("$max");
    }

    @Test
    void findOrdersByFieldsWithMissingValuesFirstAsMongoDoes() {
        model.upsert("y", "2011", 1, new Update().set("year", 2011));
        model.upsert("y", "2010", 2, new Update().set("year", 2010));
        model.upsert("y", "none", 3, new Update().set("other", 1));
        List<Document> sorted = model.find("y", Document.class,
                new org.springframework.data.mongodb.core.convert.MappingMongoConverter(
                        org.springframework.data.mongodb.core.convert.NoOpDbRefResolver.INSTANCE,
                        new org.springframework.data.mongodb.core.mapping.MongoMappingContext()), "year");
        assertThat(sorted).extracting(d -> d.get("_id")).containsExactly("none", "2010", "2011");
    }

    @Test
    void writesGoToTheModelOnlyWhileFoldingOnThisThread() {
        assertThat(MemoryReadModel.current()).isNull();
        model.folding(() -> {
            assertThat(MemoryReadModel.current()).isSameAs(model);
            return null;
        });
        assertThat(MemoryReadModel.current()).isNull();
    }

    @Test
    void aFigureOfAFrozenModelIsComputedOnceAndOfAnOpenOneEveryTime() {
        MemoryReadModel model = new MemoryReadModel();
        java.util.concurrent.atomic.AtomicInteger computed = new java.util.concurrent.atomic.AtomicInteger();

        model.derived("x", computed::incrementAndGet);
        model.derived("x", computed::incrementAndGet);
        assertThat(computed).hasValue(2);

        model.freeze();
        assertThat(model.derived("x", computed::incrementAndGet)).isEqualTo(3);
        assertThat(model.derived("x", computed::incrementAndGet)).isEqualTo(3);
        assertThat(model.derived("y", computed::incrementAndGet)).as("another name, another figure").isEqualTo(4);
        assertThat(computed).hasValue(4);
    }
}
