package id.siklus.command.kelurahan;

import id.siklus.api.household.*;
import id.siklus.api.kelurahan.*;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void twice() {
        var fixture = new AggregateTestFixture<>(Kelurahan.class);
        fixture.given(new KelurahanRegistered("35.71.03.1001", "a", "b", "c"))
                .when(new RegisterKelurahan("35.71.03.1001", "a", "b", "c"))
                .expectSuccessfulHandlerExecution();
    }
    @Test
    void householdTwice() {
        var fixture = new AggregateTestFixture<>(Kelurahan.class);
        fixture.given(new KelurahanRegistered("35.71.03.1001", "a", "b", "c"))
                .andGivenCommands(new RegisterHousehold("35.71.03.1001", "h1", "03", "010", "x", 4, PovertyStatus.MISKIN))
                .when(new RegisterHousehold("35.71.03.1001", "h1", "03", "010", "x", 4, PovertyStatus.MISKIN))
                .expectEvents();
    }
}
