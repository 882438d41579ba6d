package id.siklus.api.ksm;

/** What a KSM does: revolving loans (EKONOMI), infrastructure works (LINGKUNGAN) or social activities (SOSIAL). */
public enum KsmPurpose {
    EKONOMI,
    LINGKUNGAN,
    SOSIAL
}
