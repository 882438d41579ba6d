package id.siklus.api.cycle;

/**
 * The stages of the program cycle in a kelurahan, in the order the program requires. A stage may be recorded only
 * after the stages before it.
 */
public enum CycleStage {
    /** Focus-group discussions on the root causes of poverty. */
    REFLEKSI_KEMISKINAN,
    /** The community's census of its poor families, per RT/RW: the poverty map. */
    PEMETAAN_SWADAYA,
    /** The community elects its LKM. */
    PEMBENTUKAN_LKM,
    /** The medium-term poverty-reduction plan, for a period of years; may be recorded again for a later period. */
    PJM_PRONANGKIS,
    /** The yearly participatory review; at most once a calendar year, only after a plan. */
    REVIEW_PARTISIPATIF;

    /** The stage that must have been recorded before this one, or null for the first. */
    public CycleStage predecessor() {
        return ordinal() == 0 ? null : values()[ordinal() - 1];
    }

    /** Whether the stage may be recorded more than once (subject to its own rule). */
    public boolean repeatable() {
        return this == PJM_PRONANGKIS || this == REVIEW_PARTISIPATIF;
    }
}
