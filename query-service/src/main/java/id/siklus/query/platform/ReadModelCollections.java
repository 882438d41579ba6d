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
    private static final ThreadLocal<Boolean> REBUILDING = new ThreadLocal<>();

    private ReadModelCollections() {
    }

    /** The collection a projection handler or reset on this thread must write to. */
    public static String target(String collection) {
        return Boolean.TRUE.equals(REBUILDING.get()) ? rebuildOf(collection) : collection;
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
