package id.siklus.api.loan;

import id.siklus.api.money.Rupiah;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule of a revolving loan: monthly instalments due from the disbursement date, equal principal with the
 * last instalment absorbing the rounding, and a flat monthly fee on the original principal (basis points, rounded
 * down to whole rupiah).
 */
public final class RepaymentSchedule {

    private RepaymentSchedule() {
    }

    public static List<Instalment> of(Rupiah principal, int termMonths, int monthlyFeeBasisPoints,
                                      LocalDate disbursedOn) {
        if (termMonths < 1) {
            throw new IllegalArgumentException("A loan has at least one instalment");
        }
        long share = principal.amount() / termMonths;
        long fee = Math.multiplyExact(principal.amount(), (long) monthlyFeeBasisPoints) / 10_000;
        List<Instalment> instalments = new ArrayList<>(termMonths);
        for (int i = 1; i <= termMonths; i++) {
            long part = i < termMonths ? share : principal.amount() - share * (termMonths - 1);
            instalments.add(new Instalment(i, disbursedOn.plusMonths(i), Rupiah.of(part), Rupiah.of(fee)));
        }
        return List.copyOf(instalments);
    }
}
