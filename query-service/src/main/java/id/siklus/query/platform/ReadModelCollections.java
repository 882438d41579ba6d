package id.siklus.query.platform;

import java.util.function.Supplier;

/**
 * Which physical collection a projection writes to. Normally the collection of its name; while a replay rebuilds read
 * models beside the live ones (see {@code ProjectionReplay}), the replay's thread writes to
 * {@code <name>__rebuild} instead, so queries keep answering from the previous read model until the rebuilt one has
 * caught up and replaces it. The override is bound to the replaying thread only: live processors and queries never
 * see it.
 */
public final class ReadModelCollections {

    public static final String REBUILD_SUFFIX = "__rebuild";
    /**
     * One document per read model a replay has swapped in ({@code _id} its collection, {@code swaps} how many times,
     * {@code swappedAt} the last): what was derived from a read model and kept (views of the past) is derived again
     * after a swap, on every instance of the service.
     */
    public static final String SWAPS = "read_model_swaps";
    private static final ThreadLocal<Boolean> REBUILDING = new ThreadLocal<>();

    private ReadModelCollections() {
    }

    /** The collection a projection handler or reset on this thread must write to. */
    public static String target(String collection) {
        return Boolean.TRUE.equals(REBUILDING.get()) ? rebuildOf(collection) : collection;
    }

    /** Records that a rebuilt collection replaced the live one. */
    public static void swapped(org.springframework.data.mongodb.core.MongoTemplate mongo, String collection) {
        mongo.upsert(new org.springframework.data.mongodb.core.query.Query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(collection)),
                new org.springframework.data.mongodb.core.query.Update().inc("swaps", 1)
                        .set("swappedAt", java.util.Date.from(java.time.Instant.now())), SWAPS);
    }

    /** How many times a rebuilt collection has replaced this one; 0 when never. */
    public static long swaps(org.springframework.data.mongodb.core.MongoTemplate mongo, String collection) {
        org.bson.Document swaps = mongo.findById(collection, org.bson.Document.class, SWAPS);
        return swaps == null ? 0 : ((Number) swaps.get("swaps")).longValue();
    }

    public static String rebuildOf(String collection) {
        return collection + REBUILD_SUFFIX;
    }

    public static <T> T rebuilding(Supplier<T> work) {
        Boolean before = REBUILDING.get();
        REBUILDING.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (before == null) {
                REBUILDING.remove();
            } else {
                REBUILDING.set(before);
            }
        }
    }
}
