package id.siklus.support.security;

/** What a token's {@code roles} claim may name. */
public enum Role {
    /** Registers kelurahan and runs the system. */
    ADMIN,
    /** The information system of one or more kelurahan's LKM, named in the {@code kelurahan} claim. */
    LKM,
    /** Reads views; limited to one kota when the token carries a {@code kota} claim. */
    MONITOR,
    /** Reads everything, history included. */
    AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
