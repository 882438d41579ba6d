package id.siklus.command.kelurahan;

import id.siklus.api.household.HouseholdRegistered;
import id.siklus.api.household.PovertyStatus;
import id.siklus.api.household.RegisterHousehold;
import id.siklus.api.kelurahan.KelurahanRegistered;
import id.siklus.api.kelurahan.RegisterKelurahan;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KelurahanTest {

    private static final String CODE = "35.71.03.1001";
    private static final String HOUSEHOLD = "2f1c0b7e-8a43-4a5e-9f43-7b1d2c3e4f50";

    private FixtureConfiguration<Kelurahan> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Kelurahan.class);
    }

    @Test
    void registeringAKelurahanRecordsItUnderItsCode() {
        fixture.givenNoPriorActivity()
                .when(new RegisterKelurahan(CODE, "Bandar Lor", "Mojoroto", "Kediri"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new KelurahanRegistered(CODE, "Bandar Lor", "Mojoroto", "Kediri"));
    }

    /**
     * The aggregate keeps no rule of its own against a second registration: the event store refuses a second stream
     * under the same code (in production a unique key, reported as AggregateStreamCreationException; in the fixture
     * its recording store's sequence check).
     */
    @Test
    void registeringAKelurahanTwiceIsRefusedByTheStore() {
        fixture.given(new KelurahanRegistered(CODE, "Bandar Lor", "Mojoroto", "Kediri"))
                .when(new RegisterKelurahan(CODE, "Bandar Lor", "Mojoroto", "Kediri"))
                .expectNoEvents()
                .expectException(EventStoreException.class);
    }

    @Test
    void aRegisteredKelurahanRegistersAHouseholdAsItsOwnAggregate() {
        fixture.given(new KelurahanRegistered(CODE, "Bandar Lor", "Mojoroto", "Kediri"))
                .when(new RegisterHousehold(CODE, HOUSEHOLD, "03", "010", "Siti Aminah", 4, PovertyStatus.MISKIN))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new HouseholdRegistered(HOUSEHOLD, CODE, "03", "010", "Siti Aminah", 4,
                        PovertyStatus.MISKIN))
                .expectResultMessagePayload(HOUSEHOLD);
    }

    @Test
    void aHouseholdCannotBeRegisteredInAKelurahanThatIsNotRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterHousehold(CODE, HOUSEHOLD, "03", "010", "Siti Aminah", 4, PovertyStatus.MISKIN))
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
    }
}
