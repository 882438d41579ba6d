package id.siklus.query.blm;

import id.siklus.api.blm.BlmAllocated;
import id.siklus.api.blm.BlmCategory;
import id.siklus.api.blm.BlmDisbursed;
import id.siklus.api.money.Rupiah;
import id.siklus.query.platform.InMemoryMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class BlmUseProjectionTest {

    private static final String CODE = "35.71.03.1001";
    private static InMemoryMongo mongo;
    private BlmUseProjection projection;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start("blm-test");
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        mongo.template().dropCollection(BlmUseProjection.COLLECTION);
        projection = new BlmUseProjection(mongo.template(), mongo.idempotentUpsert());
    }

    private static BlmDisbursed use(BlmCategory category, long amount) {
        return new BlmDisbursed(CODE, "d", 2010, category, Rupiah.of(amount), "x", LocalDate.of(2010, 3, 1), null,
                Rupiah.ZERO);
    }

    @Test
    void usesAddUpPerCategoryAndARedeliveredUseIsCountedOnce() {
        projection.on(new BlmAllocated(CODE, 2010, Rupiah.of(200_000_000), LocalDate.of(2010, 2, 1)), 5);
        projection.on(use(BlmCategory.LINGKUNGAN, 120_750_000), 6);
        projection.on(use(BlmCategory.LINGKUNGAN, 1_000_000), 7);
        projection.on(use(BlmCategory.EKONOMI, 50_000_000), 8);
        projection.on(use(BlmCategory.LINGKUNGAN, 1_000_000), 7);
        projection.on(use(BlmCategory.EKONOMI, 50_000_000), 8);

        BlmUseProjection.BlmYearDocument year = projection.years(CODE).get(0);
        assertThat(year.pagu()).isEqualTo(200_000_000L);
        assertThat(year.lingkungan()).isEqualTo(121_750_000L);
        assertThat(year.ekonomi()).isEqualTo(50_000_000L);
        assertThat(year.sosial()).isNull();
    }

    @Test
    void yearsAreKeptApartAndInOrder() {
        projection.on(new BlmAllocated(CODE, 2011, Rupiah.of(150_000_000), LocalDate.of(2011, 2, 1)), 9);
        projection.on(new BlmAllocated(CODE, 2010, Rupiah.of(200_000_000), LocalDate.of(2010, 2, 1)), 5);

        assertThat(projection.years(CODE)).extracting(BlmUseProjection.BlmYearDocument::year)
                .containsExactly(2010, 2011);
        assertThat(projection.years("35.71.03.1002")).isEmpty();
    }

    @Test
    void aResetEmptiesTheReadModel() {
        projection.on(new BlmAllocated(CODE, 2010, Rupiah.of(200_000_000), LocalDate.of(2010, 2, 1)), 5);

        projection.reset();

        assertThat(projection.years(CODE)).isEmpty();
    }
}
