package id.siklus.command.kelurahan;

import id.siklus.api.loan.Instalment;
import id.siklus.api.money.Rupiah;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The kelurahan's revolving fund (ekonomi bergulir) as its events describe it: capital from EKONOMI BLM, loans lent
 * from it, repayments flowing back. Changed only from the aggregate's event handlers.
 */
final class RevolvingFund {

    private Rupiah capital = Rupiah.ZERO;
    private Rupiah lent = Rupiah.ZERO;
    private Rupiah repaid = Rupiah.ZERO;
    private final Map<String, Loan> loans = new HashMap<>();
    private final Map<String, String> outstandingLoanByKsm = new HashMap<>();
    private final Map<String, Integer> loansRepaidOnTime = new HashMap<>();

    /** What may be lent now: capital, plus principal repaid, less principal lent (written-off principal is lost). */
    Rupiah available() {
        return capital.plus(repaid).minus(lent);
    }

    Optional<Loan> loan(String loanId) {
        return Optional.ofNullable(loans.get(loanId));
    }

    Optional<String> outstandingLoanOf(String ksmId) {
        return Optional.ofNullable(outstandingLoanByKsm.get(ksmId));
    }

    int loansRepaidOnTime(String ksmId) {
        return loansRepaidOnTime.getOrDefault(ksmId, 0);
    }

    void capitalReceived(Rupiah amount) {
        capital = capital.plus(amount);
    }

    void lent(String loanId, String ksmId, Rupiah principal, LocalDate disbursedOn, List<Instalment> schedule) {
        lent = lent.plus(principal);
        loans.put(loanId, new Loan(loanId, ksmId, principal, disbursedOn, schedule));
        outstandingLoanByKsm.put(ksmId, loanId);
    }

    void repaid(String loanId, String repaymentId, Rupiah fees, Rupiah principal, LocalDate paidOn) {
        repaid = repaid.plus(principal);
        loans.get(loanId).paid(repaymentId, fees, principal, paidOn);
    }

    void closed(String loanId, boolean repaidOnTime) {
        Loan loan = loans.get(loanId);
        loan.open = false;
        outstandingLoanByKsm.remove(loan.ksmId, loanId);
        if (repaidOnTime) {
            loansRepaidOnTime.merge(loan.ksmId, 1, Integer::sum);
        }
    }

    /** What was lent and is not coming back stays counted as lent: it never returns to the fund. */
    void writtenOff(String loanId) {
        Loan loan = loans.get(loanId);
        loan.open = false;
        outstandingLoanByKsm.remove(loan.ksmId, loanId);
    }

    /** A loan and how far it has been repaid. */
    static final class Loan {
        final String id;
        final String ksmId;
        final Rupiah principal;
        final LocalDate disbursedOn;
        final List<Instalment> schedule;
        private Rupiah feesPaid = Rupiah.ZERO;
        private Rupiah principalPaid = Rupiah.ZERO;
        private final Map<Integer, LocalDate> settledOn = new HashMap<>();
        private final Set<String> repaymentIds = new HashSet<>();
        boolean open = true;

        Loan(String id, String ksmId, Rupiah principal, LocalDate disbursedOn, List<Instalment> schedule) {
            this.id = id;
            this.ksmId = ksmId;
            this.principal = principal;
            this.disbursedOn = disbursedOn;
            this.schedule = schedule;
        }

        boolean hasRepayment(String repaymentId) {
            return repaymentIds.contains(repaymentId);
        }

        Rupiah outstandingPrincipal() {
            return principal.minus(principalPaid);
        }

        /** Fees of the instalments due on or before {@code day}, not yet paid. */
        Rupiah feesDue(LocalDate day) {
            return sum(day, true).remainingAfter(feesPaid);
        }

        /** Principal of the instalments due on or before {@code day}, not yet paid. */
        Rupiah overduePrincipal(LocalDate day) {
            return sum(day, false).remainingAfter(principalPaid);
        }

        private Rupiah sum(LocalDate day, boolean fees) {
            Rupiah total = Rupiah.ZERO;
            for (Instalment instalment : schedule) {
                if (!instalment.dueOn().isAfter(day)) {
                    total = total.plus(fees ? instalment.fee() : instalment.principal());
                }
            }
            return total;
        }

        /** The most that can be paid on {@code day}: the fees due and all principal still owed. */
        Rupiah payable(LocalDate day) {
            return feesDue(day).plus(outstandingPrincipal());
        }

        private void paid(String repaymentId, Rupiah fees, Rupiah principalPart, LocalDate paidOn) {
            repaymentIds.add(repaymentId);
            feesPaid = feesPaid.plus(fees);
            principalPaid = principalPaid.plus(principalPart);
            Rupiah feesThrough = Rupiah.ZERO;
            Rupiah principalThrough = Rupiah.ZERO;
            for (Instalment instalment : schedule) {
                feesThrough = feesThrough.plus(instalment.fee());
                principalThrough = principalThrough.plus(instalment.principal());
                // a fee not yet due when the whole principal is repaid is never charged; every other fee must be paid
                boolean feeWaived = outstandingPrincipal().isZero() && instalment.dueOn().isAfter(paidOn);
                boolean feesCovered = !feesThrough.isGreaterThan(feesPaid) || feeWaived;
                if (!settledOn.containsKey(instalment.number()) && !principalThrough.isGreaterThan(principalPaid)
                        && feesCovered) {
                    settledOn.put(instalment.number(), paidOn);
                }
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Loan that && id.equals(that.id) && ksmId.equals(that.ksmId)
                    && principal.equals(that.principal) && disbursedOn.equals(that.disbursedOn)
                    && schedule.equals(that.schedule) && feesPaid.equals(that.feesPaid)
                    && principalPaid.equals(that.principalPaid) && settledOn.equals(that.settledOn)
                    && repaymentIds.equals(that.repaymentIds) && open == that.open;
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }

        /** The most days any settled instalment was paid after its due date. */
        int maxDaysLate() {
            int most = 0;
            for (Instalment instalment : schedule) {
                LocalDate settled = settledOn.get(instalment.number());
                if (settled != null) {
                    most = (int) Math.max(most, ChronoUnit.DAYS.between(instalment.dueOn(), settled));
                }
            }
            return most;
        }

        /** The most days an unsettled instalment is past due on {@code day}. */
        long daysOverdue(LocalDate day) {
            long most = 0;
            for (Instalment instalment : schedule) {
                if (!settledOn.containsKey(instalment.number()) && instalment.dueOn().isBefore(day)) {
                    most = Math.max(most, ChronoUnit.DAYS.between(instalment.dueOn(), day));
                }
            }
            return most;
        }
    }
}
