package id.siklus.api.money;

/**
 * An amount of money in whole rupiah. Never negative, never more than {@link #MAX} (Rp 10.000.000.000.000), never a
 * fraction: arithmetic that would leave that range fails instead of wrapping or rounding. In JSON it is a plain
 * integer.
 */
public record Rupiah(long amount) implements Comparable<Rupiah> {

    /** 10^13 rupiah: far above any program figure, far below overflow when amounts are added. */
    public static final long MAX = 10_000_000_000_000L;
    public static final Rupiah ZERO = new Rupiah(0);

    public Rupiah {
        if (amount < 0 || amount > MAX) {
            throw new IllegalArgumentException("A rupiah amount lies between 0 and " + MAX + "; got " + amount);
        }
    }

    public static Rupiah of(long amount) {
        return new Rupiah(amount);
    }

    public Rupiah plus(Rupiah other) {
        return new Rupiah(Math.addExact(amount, other.amount));
    }

    /** @throws IllegalArgumentException when {@code other} is larger: an amount never goes below zero */
    public Rupiah minus(Rupiah other) {
        return new Rupiah(amount - other.amount);
    }

    /** What is left of this amount after {@code used}, or zero when {@code used} is larger. */
    public Rupiah remainingAfter(Rupiah used) {
        return used.amount >= amount ? ZERO : new Rupiah(amount - used.amount);
    }

    public boolean isGreaterThan(Rupiah other) {
        return amount > other.amount;
    }

    public boolean isZero() {
        return amount == 0;
    }

    @Override
    public int compareTo(Rupiah other) {
        return Long.compare(amount, other.amount);
    }

    /** As written in Indonesia: {@code Rp 1.200.000.000}. */
    public String formatted() {
        String digits = Long.toString(amount);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(digits.charAt(i));
        }
        return "Rp " + grouped;
    }

    @Override
    public String toString() {
        return formatted();
    }
}
