package id.siklus.command.platform;

import id.siklus.api.household.RegisterHousehold;
import id.siklus.api.loan.DisburseLoan;
import id.siklus.command.RuleViolation;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ids that outlive their kelurahan's stream: a household id or a loan id belongs to one kelurahan for ever. The claim
 * is written in the transaction that records the creating event, so two kelurahan cannot both hold one id even when
 * they create it at the same moment; a loan's row also routes its repayments. Put on the command bus by Axon's
 * InterceptorAutoConfiguration.
 */
@Component
public class IdentityClaims implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcTemplate jdbc;
    /**
     * Loan → kelurahan, as committed: a claimed loan id never changes owner, so every repayment after the first need
     * not ask PostgreSQL (one connection less per repayment at the start of a month). Bounded, least recently used out.
     */
    private final Map<String, String> loanOwners = Collections.synchronizedMap(
            new LinkedHashMap<>(1_024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                    return size() > 200_000;
                }
            });

    IdentityClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        Object payload = unitOfWork.getMessage().getPayload();
        if (payload instanceof RegisterHousehold registration) {
            claim("household_identity", "household_id", registration.householdId(), registration.kelurahanCode(),
                    "HOUSEHOLD_ID_TAKEN", "Household id");
        } else if (payload instanceof DisburseLoan loan) {
            claim("loan_directory", "loan_id", loan.loanId(), loan.kelurahanCode(), "LOAN_ID_TAKEN", "Loan id");
        }
        return interceptorChain.proceed();
    }

    /** The kelurahan a loan belongs to, if the loan was recorded. */
    public Optional<String> kelurahanOfLoan(String loanId) {
        String known = loanOwners.get(loanId);
        if (known != null) {
            return Optional.of(known);
        }
        List<String> owner = jdbc.queryForList("SELECT kelurahan_code FROM loan_directory WHERE loan_id = ?",
                String.class, loanId);
        owner.stream().findFirst().ifPresent(code -> loanOwners.put(loanId, code));
        return owner.stream().findFirst();
    }

    private void claim(String table, String column, String id, String kelurahanCode, String code, String what) {
        int claimed = jdbc.update("INSERT INTO " + table + " (" + column + ", kelurahan_code) VALUES (?, ?) "
                + "ON CONFLICT (" + column + ") DO NOTHING", id, kelurahanCode);
        if (claimed == 1) {
            return;
        }
        List<String> owner = jdbc.queryForList("SELECT kelurahan_code FROM " + table + " WHERE " + column + " = ?",
                String.class, id);
        if (!owner.isEmpty() && !owner.get(0).equals(kelurahanCode)) {
            throw RuleViolation.conflict(code, what + " " + id + " belongs to another kelurahan; let the server "
                    + "choose an id, or send a new UUID.");
        }
        // the same kelurahan: its aggregate decides whether it is a repeat
    }
}
