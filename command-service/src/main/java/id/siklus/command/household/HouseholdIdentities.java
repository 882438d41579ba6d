package id.siklus.command.household;

import id.siklus.api.household.RegisterHousehold;
import id.siklus.command.RuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps household ids unique across kelurahan: a registration claims its id in {@code household_identity} in the
 * transaction that records its event, so two kelurahan cannot both hold one id even when they register it at the
 * same moment. Put on the command bus by Axon's InterceptorAutoConfiguration.
 */
@Component
class HouseholdIdentities implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;

    HouseholdIdentities(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof RegisterHousehold registration) {
            claim(registration.householdId(), registration.kelurahanCode());
        }
        return interceptorChain.proceed();
    }

    private void claim(String householdId, String kelurahanCode) {
        int claimed = jdbc.update("INSERT INTO household_identity (household_id, kelurahan_code) VALUES (?, ?) "
                + "ON CONFLICT (household_id) DO NOTHING", householdId, kelurahanCode);
        if (claimed == 1) {
            return;
        }
        List<String> owner = jdbc.queryForList(
                "SELECT kelurahan_code FROM household_identity WHERE household_id = ?", String.class, householdId);
        if (!owner.isEmpty() && !owner.get(0).equals(kelurahanCode)) {
            throw RuleViolation.conflict("HOUSEHOLD_ID_TAKEN", "Household id " + householdId + " belongs to another "
                    + "kelurahan; let the server choose an id, or send a new UUID.");
        }
        // the same kelurahan: its aggregate decides (HOUSEHOLD_ALREADY_REGISTERED)
    }
}
