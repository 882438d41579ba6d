package id.siklus.api.household;

/**
 * RW and RT numbers in one written form, so that "3", "03" and "003" are one RW on the poverty map: RW with two
 * digits and RT with three ("03", "010"), more digits only where the number needs them.
 */
public final class Neighbourhood {

    private Neighbourhood() {
    }

    /** @throws IllegalArgumentException when the value is not a positive number of at most three digits */
    public static String canonicalRw(String rw) {
        return canonical("RW", rw, 2);
    }

    /** @throws IllegalArgumentException when the value is not a positive number of at most three digits */
    public static String canonicalRt(String rt) {
        return canonical("RT", rt, 3);
    }

    private static String canonical(String unit, String value, int width) {
        if (value == null || !value.matches("^\\d{1,3}$") || Integer.parseInt(value) == 0) {
            throw new IllegalArgumentException(unit + " must be a number from 1 to 999, such as "
                    + (width == 2 ? "03" : "010") + "; got '" + value + "'");
        }
        return String.format("%0" + width + "d", Integer.parseInt(value));
    }
}
