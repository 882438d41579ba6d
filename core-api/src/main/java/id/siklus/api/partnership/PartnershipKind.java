package id.siklus.api.partnership;

/** What a partner agency brings to KSM activities. */
public enum PartnershipKind {
    TRAINING,
    SEED_STOCK,
    VENUE,
    FUNDING,
    OTHER
}
