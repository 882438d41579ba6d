package id.siklus.query.cycle;

import id.siklus.api.cycle.CycleStage;
import id.siklus.api.cycle.CycleStageRecorded;
import id.siklus.api.cycle.Participants;
import id.siklus.query.platform.InMemoryMongo;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CycleProgressProjectionTest {

    private static final String CODE = "35.71.03.1001";
    private static final Participants PEOPLE = new Participants(40, 35, 30);
    private static InMemoryMongo mongo;
    private CycleProgressProjection projection;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start("cycle-test");
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        mongo.template().dropCollection(CycleProgressProjection.COLLECTION);
        projection = new CycleProgressProjection(mongo.template(), mongo.idempotentUpsert());
    }

    private static CycleStageRecorded stage(CycleStage stage, String on, String lkm, Integer from, Integer to) {
        return new CycleStageRecorded(CODE, stage, LocalDate.parse(on), PEOPLE, null, lkm, from, to);
    }

    @Test
    void stagesPlansAndReviewsAreKeptWithTheirParticipantsAndARedeliveredPlanIsNotPushedTwice() {
        projection.on(stage(CycleStage.REFLEKSI_KEMISKINAN, "2009-03-14", null, null, null), 1);
        projection.on(stage(CycleStage.PEMBENTUKAN_LKM, "2009-06-06", "LKM Maju Bersama", null, null), 3);
        projection.on(stage(CycleStage.PJM_PRONANGKIS, "2009-08-15", null, 2010, 2012), 4);
        projection.on(stage(CycleStage.PJM_PRONANGKIS, "2009-08-15", null, 2010, 2012), 4);
        projection.on(stage(CycleStage.REVIEW_PARTISIPATIF, "2010-11-20", null, null, null), 9);
        projection.on(stage(CycleStage.REVIEW_PARTISIPATIF, "2010-11-20", null, null, null), 9);

        Document progress = projection.find(CODE).orElseThrow();
        assertThat(progress.getList("plans", Document.class)).hasSize(1);
        assertThat(progress.getList("reviews", Document.class)).hasSize(1);
        assertThat(progress.getString("lkmName")).isEqualTo("LKM Maju Bersama");
        Document reflection = progress.get("stages", Document.class).get("REFLEKSI_KEMISKINAN", Document.class);
        assertThat(reflection.getInteger("women")).isEqualTo(35);
        assertThat(reflection.getInteger("poor")).isEqualTo(30);
    }

    @Test
    void anOlderEventArrivingLateChangesNothing() {
        projection.on(stage(CycleStage.PJM_PRONANGKIS, "2009-08-15", null, 2010, 2012), 4);
        projection.on(stage(CycleStage.REFLEKSI_KEMISKINAN, "2009-03-14", null, null, null), 1);

        Document progress = projection.find(CODE).orElseThrow();
        assertThat(progress.get("stages")).isNull();
        assertThat(progress.getList("plans", Document.class)).hasSize(1);
    }
}
