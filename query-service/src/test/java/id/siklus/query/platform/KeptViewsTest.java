package id.siklus.query.platform;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class KeptViewsTest {

    private static final String CODE = "35.71.03.1001";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 28);
    private static InMemoryMongo mongo;
    private MongoTemplate template;
    private IdempotentUpsert upsert;
    private KeptViews kept;
    private final AtomicInteger computed = new AtomicInteger();
    private final List<KeptViews.Source> sources = List.of(KeptViews.Source.of("loans"),
            KeptViews.Source.one("cycle_progress"));

    @BeforeAll
    static void start() {
        mongo = InMemoryMongo.start("kept-views-test");
    }

    @AfterAll
    static void stop() {
        mongo.close();
    }

    @BeforeEach
    void fresh() {
        template = mongo.template();
        template.dropCollection("loans");
        template.dropCollection("cycle_progress");
        upsert = mongo.idempotentUpsert();
        kept = new KeptViews(template, new SimpleMeterRegistry());
        upsert.apply("loans", "l1", 3, Map.of("kelurahanCode", CODE, "principal", 1));
        upsert.apply("loans", "other", 9, Map.of("kelurahanCode", "35.71.03.1002"));
        upsert.apply("cycle_progress", CODE, 2, Map.of("stage", "PEMETAAN"));
    }

    private int view(LocalDate day) {
        return kept.get("fund", CODE, day, sources, computed::incrementAndGet);
    }

    @Test
    void aViewIsGivenAgainWhileNoneOfItsReadModelsChanged() {
        assertThat(view(DAY)).isEqualTo(1);
        assertThat(view(DAY)).isEqualTo(1);
        // another kelurahan's document does not concern it
        upsert.apply("loans", "other", 12, Map.of("kelurahanCode", "35.71.03.1002", "principal", 5));
        assertThat(view(DAY)).isEqualTo(1);
        assertThat(computed).hasValue(1);
    }

    @Test
    void aWriteToAnyOfItsDocumentsOrAnotherDayComputesItAgain() {
        view(DAY);
        upsert.apply("loans", "l1", 4, Map.of("kelurahanCode", CODE, "principal", 2));
        assertThat(view(DAY)).isEqualTo(2);
        upsert.apply("loans", "l2", 5, Map.of("kelurahanCode", CODE));
        assertThat(view(DAY)).isEqualTo(3);
        upsert.apply("cycle_progress", CODE, 6, Map.of("stage", "PJM"));
        assertThat(view(DAY)).isEqualTo(4);
        assertThat(view(DAY.plusDays(1))).as("days late change with the day").isEqualTo(5);
        assertThat(view(DAY)).isEqualTo(4);
    }

    @Test
    void aWriteWhileTheViewIsComputedIsSeenByTheNextRequest() {
        // the versions are read before the view: a write in between leaves the kept view older than the store
        kept.get("fund", CODE, DAY, sources, () -> {
            upsert.apply("loans", "l1", 7, Map.of("kelurahanCode", CODE, "principal", 3));
            return computed.incrementAndGet();
        });
        assertThat(view(DAY)).isEqualTo(2);
    }

    @Test
    void versionsAreTheHighestSequenceOfTheKelurahansDocuments() {
        assertThat(kept.version(KeptViews.Source.of("loans"), CODE)).isEqualTo(3);
        assertThat(kept.version(KeptViews.Source.one("cycle_progress"), CODE)).isEqualTo(2);
        assertThat(kept.version(KeptViews.Source.of("loans"), "35.99.99.9999")).isEqualTo(-1);
    }
}
