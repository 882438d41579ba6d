package id.siklus.command.household;

import id.siklus.api.household.HouseholdRegistered;
import id.siklus.api.household.RegisterHousehold;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A family registered in a kelurahan's self-mapping; created by its kelurahan, never on its own. */
@Aggregate
public class Household {

    @AggregateIdentifier
    private String householdId;

    Household() {
        // for Axon: rebuilt from its events
    }

    public static Household register(RegisterHousehold command) {
        Household household = new Household();
        apply(new HouseholdRegistered(command.householdId(), command.kelurahanCode(), command.rw(), command.rt(),
                command.headName(), command.members(), command.povertyStatus()));
        return household;
    }

    @EventSourcingHandler
    void on(HouseholdRegistered event) {
        householdId = event.householdId();
    }
}
