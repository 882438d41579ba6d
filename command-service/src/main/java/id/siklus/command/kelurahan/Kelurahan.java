package id.siklus.command.kelurahan;

import id.siklus.api.household.RegisterHousehold;
import id.siklus.api.kelurahan.KelurahanRegistered;
import id.siklus.api.kelurahan.RegisterKelurahan;
import id.siklus.command.household.Household;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * A kelurahan in the program, identified by its Kemendagri code. It is the one that decides what may be recorded in
 * it; the households it registers live as their own aggregates.
 */
@Aggregate
class Kelurahan {

    @AggregateIdentifier
    private String code;

    Kelurahan() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Kelurahan(RegisterKelurahan command) {
        apply(new KelurahanRegistered(command.code(), command.name(), command.kecamatan(), command.kota()));
    }

    @CommandHandler
    String handle(RegisterHousehold command) throws Exception {
        createNew(Household.class, () -> Household.register(command));
        return command.householdId();
    }

    @EventSourcingHandler
    void on(KelurahanRegistered event) {
        code = event.code();
    }
}
