package id.siklus.query.household;

import id.siklus.api.household.HouseholdPersonalDataForgotten;
import id.siklus.api.household.HouseholdRegistered;
import id.siklus.api.household.PovertyStatus;
import id.siklus.api.household.Sealed;
import id.siklus.query.household.HouseholdRegistryProjection.HouseholdDocument;
import id.siklus.query.platform.IdempotentUpsert;
import id.siklus.query.platform.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HouseholdRegistryProjectionTest {

    private static final String CODE = "35.71.03.1001";
    private static final String OTHER_CODE = "35.71.03.1002";
    // Mongo keeps milliseconds
    private static final Instant RECORDED = Instant.parse("2025-03-01T08:15:30.123Z");

    private static InMemoryMongo mongo;
    private MongoTemplate template;
    private HouseholdRegistryProjection projection;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start("household-registry-test");
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshProjection() {
        template = mongo.template();
        template.dropCollection(HouseholdRegistryProjection.COLLECTION);
        projection = new HouseholdRegistryProjection(template, mongo.idempotentUpsert());
    }

    private static HouseholdRegistered household(String id, String code, String rw, String rt, String head,
                                                 PovertyStatus status) {
        return new HouseholdRegistered(id, code, rw, rt, sealed(id, head), 4, status, null, null,
                java.time.LocalDate.of(2009, 5, 2));
    }

    /** The projection stores what it gets and opens nothing: a stand-in ciphertext is enough here. */
    private static Sealed sealed(String id, String head) {
        return new Sealed(id, java.util.Base64.getEncoder().encodeToString(("sealed " + head).getBytes()));
    }

    @Test
    void aRegisteredHouseholdIsKeptWithItsPlaceSizePovertyAndRecordingTime() {
        projection.on(household("h1", CODE, "03", "010", "Siti Aminah", PovertyStatus.MISKIN), 0, RECORDED);

        assertThat(projection.page(CODE, 0, 10)).containsExactly(new HouseholdDocument("h1", CODE, "03", "010",
                sealed("h1", "Siti Aminah"), 4, "MISKIN", true, "2009-05-02", RECORDED, null, null));
        assertThat(projection.countHouseholds(CODE)).isEqualTo(1);
        assertThat(projection.countPoor(CODE)).isEqualTo(1);
    }

    @Test
    void theSameEventDeliveredTwiceCountsOnce() {
        HouseholdRegistered event = household("h1", CODE, "03", "010", "Siti Aminah", PovertyStatus.MISKIN);

        projection.on(event, 0, RECORDED);
        projection.on(event, 0, RECORDED.plusSeconds(60));

        assertThat(projection.countHouseholds(CODE)).isEqualTo(1);
        assertThat(projection.countPoor(CODE)).isEqualTo(1);
        assertThat(projection.page(CODE, 0, 10)).singleElement()
                .extracting(HouseholdDocument::registeredAt).isEqualTo(RECORDED);
    }

    @Test
    void anEventWithALowerSequenceDoesNotOverwriteWhatALaterOneWrote() {
        projection.on(household("h1", CODE, "03", "010", "Later Name", PovertyStatus.TIDAK_MISKIN), 5, RECORDED);
        projection.on(household("h1", CODE, "03", "010", "Earlier Name", PovertyStatus.MISKIN), 2, RECORDED);

        assertThat(projection.page(CODE, 0, 10)).singleElement().satisfies(h -> {
            assertThat(h.headName()).isEqualTo(sealed("h1", "Later Name"));
            assertThat(h.poor()).isFalse();
        });
        assertThat(projection.countPoor(CODE)).isZero();
        Document raw = template.findById("h1", Document.class, HouseholdRegistryProjection.COLLECTION);
        assertThat(raw).containsEntry(IdempotentUpsert.SOURCE_SEQUENCE, 5L);
    }

    @Test
    void onlyMiskinCountsAsPoor() {
        projection.on(household("h1", CODE, "01", "001", "A", PovertyStatus.MISKIN), 0, RECORDED);
        projection.on(household("h2", CODE, "01", "001", "B", PovertyStatus.HAMPIR_MISKIN), 0, RECORDED);
        projection.on(household("h3", CODE, "01", "001", "C", PovertyStatus.TIDAK_MISKIN), 0, RECORDED);

        assertThat(projection.countHouseholds(CODE)).isEqualTo(3);
        assertThat(projection.countPoor(CODE)).isEqualTo(1);
    }

    @Test
    void householdsOfAnotherKelurahanAreNotCountedOrListed() {
        projection.on(household("h1", CODE, "01", "001", "A", PovertyStatus.MISKIN), 0, RECORDED);
        projection.on(household("h2", OTHER_CODE, "01", "001", "B", PovertyStatus.MISKIN), 0, RECORDED);

        assertThat(projection.countHouseholds(CODE)).isEqualTo(1);
        assertThat(projection.countPoor(CODE)).isEqualTo(1);
        assertThat(projection.page(CODE, 0, 10)).extracting(HouseholdDocument::id).containsExactly("h1");
        assertThat(projection.page(OTHER_CODE, 0, 10)).extracting(HouseholdDocument::id).containsExactly("h2");
    }

    @Test
    void pagesAreOrderedByRwThenRtThenIdAndCutToSize() {
        projection.on(household("h3", CODE, "02", "001", "C", PovertyStatus.MISKIN), 0, RECORDED);
        projection.on(household("h2", CODE, "01", "002", "B", PovertyStatus.MISKIN), 0, RECORDED);
        projection.on(household("h1b", CODE, "01", "001", "A2", PovertyStatus.MISKIN), 0, RECORDED);
        projection.on(household("h1a", CODE, "01", "001", "A1", PovertyStatus.MISKIN), 0, RECORDED);

        assertThat(projection.page(CODE, 0, 3)).extracting(HouseholdDocument::id).containsExactly("h1a", "h1b", "h2");
        assertThat(projection.page(CODE, 1, 3)).extracting(HouseholdDocument::id).containsExactly("h3");
        assertThat(projection.page(CODE, 2, 3)).isEmpty();
    }

    @Test
    void aResetEmptiesTheRegistryAndItFillsAgainOnReplay() {
        HouseholdRegistered event = household("h1", CODE, "03", "010", "Siti Aminah", PovertyStatus.MISKIN);
        projection.on(event, 0, RECORDED);
        projection.on(household("h2", CODE, "03", "010", "Budi", PovertyStatus.MISKIN), 0, RECORDED);

        projection.reset();

        assertThat(template.count(new Query(), HouseholdRegistryProjection.COLLECTION)).isZero();
        assertThat(projection.countHouseholds(CODE)).isZero();

        projection.on(event, 0, RECORDED);
        assertThat(projection.countHouseholds(CODE)).isEqualTo(1);
        assertThat(template.indexOps(HouseholdRegistryProjection.COLLECTION).getIndexInfo())
                .anySatisfy(index -> assertThat(index.isIndexForFields(List.of("kelurahanCode"))).isTrue());
    }

    @Test
    void aReclassificationMovesTheHouseholdOutOfThePoorCountAndAReplayOfTheRegistrationDoesNotUndoIt() {
        projection.on(household("h1", CODE, "03", "010", "Siti Aminah", PovertyStatus.MISKIN), 3, RECORDED);
        id.siklus.api.household.HouseholdReclassified reclassified = new id.siklus.api.household.HouseholdReclassified(
                "h1", CODE, PovertyStatus.MISKIN, PovertyStatus.HAMPIR_MISKIN, "usaha berkembang",
                java.time.LocalDate.of(2010, 5, 20));
        projection.on(reclassified, 7);
        assertThat(projection.countPoor(CODE)).isZero();

        projection.on(household("h1", CODE, "03", "010", "Siti Aminah", PovertyStatus.MISKIN), 3, RECORDED);
        projection.on(reclassified, 7);

        assertThat(projection.countPoor(CODE)).isZero();
        assertThat(projection.countHouseholds(CODE)).isEqualTo(1);
        assertThat(projection.find("h1")).get().extracting(HouseholdDocument::povertyStatus)
                .isEqualTo("HAMPIR_MISKIN");
    }

    @Test
    void theNikIsPersonalDataAndNeverReachesTheReadModel() {
        Sealed nik = new Sealed("h9", "c2VhbGVkIE5JSyAzNTcxMDM0NTA2NzgwMDAx");
        projection.on(new HouseholdRegistered("h9", CODE, "03", "010", sealed("h9", "Siti Aminah"), 4,
                PovertyStatus.MISKIN, nik, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
                java.time.LocalDate.of(2009, 5, 2)), 0, RECORDED);

        org.bson.Document stored = template.findById("h9", org.bson.Document.class, HouseholdRegistryProjection.COLLECTION);
        assertThat(stored).isNotNull();
        assertThat(stored.toJson()).doesNotContain("3571034506780001").doesNotContain(nik.ciphertext())
                .doesNotContain("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    @Test
    void forgettingRemovesTheSealedNameKeepsTheHouseholdAndAReplayedRegistrationDoesNotBringItBack() {
        HouseholdRegistered registered = household("h1", CODE, "03", "010", "Siti Aminah", PovertyStatus.MISKIN);
        projection.on(registered, 3, RECORDED);
        projection.on(new HouseholdPersonalDataForgotten("h1", CODE, "UU PDP Pasal 8",
                java.time.LocalDate.of(2026, 11, 28)), 9);
        projection.on(registered, 3, RECORDED);

        assertThat(projection.find("h1")).get().satisfies(h -> {
            assertThat(h.headName()).isNull();
            assertThat(h.personalData()).isEqualTo(HouseholdRegistryProjection.ERASED);
            assertThat(h.personalDataErasedOn()).isEqualTo("2026-11-28");
            assertThat(h.povertyStatus()).isEqualTo("MISKIN");
            assertThat(h.rw()).isEqualTo("03");
        });
        assertThat(projection.countHouseholds(CODE)).isEqualTo(1);
        assertThat(projection.countPoor(CODE)).isEqualTo(1);
        Document stored = template.findById("h1", Document.class, HouseholdRegistryProjection.COLLECTION);
        assertThat(stored.toJson()).doesNotContain(registered.headName().ciphertext());
    }
}
