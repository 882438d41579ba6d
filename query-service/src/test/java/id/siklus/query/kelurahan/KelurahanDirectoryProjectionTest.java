package id.siklus.query.kelurahan;

import id.siklus.api.kelurahan.KelurahanRegistered;
import id.siklus.query.kelurahan.KelurahanDirectoryProjection.KelurahanDocument;
import id.siklus.query.platform.InMemoryMongo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class KelurahanDirectoryProjectionTest {

    private static final String CODE = "35.71.03.1001";
    private static final Instant RECORDED = Instant.parse("2025-03-01T08:15:30.123Z");

    private static InMemoryMongo mongo;
    private MongoTemplate template;
    private KelurahanDirectoryProjection directory;

    @BeforeAll
    static void startMongo() {
        mongo = InMemoryMongo.start("kelurahan-directory-test");
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void freshProjection() {
        template = mongo.template();
        template.dropCollection(KelurahanDirectoryProjection.COLLECTION);
        directory = new KelurahanDirectoryProjection(template, mongo.idempotentUpsert());
    }

    @Test
    void aRegisteredKelurahanIsFoundByItsCode() {
        directory.on(new KelurahanRegistered(CODE, "Bandar Lor", "Mojoroto", "Kediri"), 0, RECORDED);

        assertThat(directory.find(CODE))
                .contains(new KelurahanDocument(CODE, "Bandar Lor", "Mojoroto", "Kediri", RECORDED));
    }

    @Test
    void aCodeNeverRegisteredIsNotFound() {
        directory.on(new KelurahanRegistered(CODE, "Bandar Lor", "Mojoroto", "Kediri"), 0, RECORDED);

        assertThat(directory.find("35.71.03.1002")).isEmpty();
    }

    @Test
    void theSameRegistrationDeliveredTwiceKeepsOneEntry() {
        KelurahanRegistered event = new KelurahanRegistered(CODE, "Bandar Lor", "Mojoroto", "Kediri");

        directory.on(event, 0, RECORDED);
        directory.on(event, 0, RECORDED.plusSeconds(60));

        assertThat(template.count(new Query(), KelurahanDirectoryProjection.COLLECTION)).isEqualTo(1);
        assertThat(directory.find(CODE)).map(KelurahanDocument::registeredAt).contains(RECORDED);
    }

    @Test
    void anEventWithALowerSequenceDoesNotOverwriteWhatALaterOneWrote() {
        directory.on(new KelurahanRegistered(CODE, "Bandar Lor", "Mojoroto", "Kota Kediri"), 4, RECORDED);
        directory.on(new KelurahanRegistered(CODE, "Bandar", "Mojoroto", "Kediri"), 1, RECORDED);

        assertThat(directory.find(CODE)).map(KelurahanDocument::kota).contains("Kota Kediri");
        assertThat(directory.find(CODE)).map(KelurahanDocument::name).contains("Bandar Lor");
    }

    @Test
    void aResetEmptiesTheDirectory() {
        directory.on(new KelurahanRegistered(CODE, "Bandar Lor", "Mojoroto", "Kediri"), 0, RECORDED);
        directory.on(new KelurahanRegistered("35.71.03.1002", "Bandar Kidul", "Mojoroto", "Kediri"), 0, RECORDED);

        directory.reset();

        assertThat(template.count(new Query(), KelurahanDirectoryProjection.COLLECTION)).isZero();
        assertThat(directory.find(CODE)).isEmpty();
    }
}
