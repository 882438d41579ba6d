package id.siklus.api.household;

/** A family's place in the self-mapping. Only {@link #MISKIN} counts as poor in the poverty map. */
public enum PovertyStatus {
    MISKIN,
    HAMPIR_MISKIN,
    TIDAK_MISKIN;

    public boolean isPoor() {
        return this == MISKIN;
    }
}
