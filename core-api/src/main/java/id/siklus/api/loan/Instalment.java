package id.siklus.api.loan;

import id.siklus.api.money.Rupiah;

import java.time.LocalDate;

/** One monthly instalment of a loan's schedule: principal and the flat fee, due on {@code dueOn}. */
public record Instalment(int number, LocalDate dueOn, Rupiah principal, Rupiah fee) {

    public Rupiah total() {
        return principal.plus(fee);
    }
}
