package id.siklus.api.blm;

/** The uses of BLM: the three of Tridaya, and the LKM's operating costs. */
public enum BlmCategory {
    /** Environment and infrastructure (Tridaya). */
    LINGKUNGAN,
    /** Capital for the revolving-loan fund (Tridaya). */
    EKONOMI,
    /** Social activities (Tridaya). */
    SOSIAL,
    /** Operating costs of the LKM (biaya operasional). */
    BOP
}
