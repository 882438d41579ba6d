package id.siklus.query.platform;

import org.bson.Document;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Update;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Read-model documents folded in memory, for views of the past ({@code asOf}, {@code knownAt}): the projections'
 * own handlers run against it instead of MongoDB, so a view of the past is computed by exactly the code that computes
 * the present. {@link IdempotentUpsert} writes here when a fold is running on the current thread.
 * <p>
 * It applies the update operators the projections use ({@code $set} with dotted paths, {@code $unset}, {@code $inc},
 * {@code $push}, {@code $addToSet}, {@code $pull} of a value) and refuses any other, so that a projection changed to
 * use a new operator fails loudly in the tests rather than silently computing a different past.
 */
public final class MemoryReadModel {

    private static final ThreadLocal<MemoryReadModel> CURRENT = new ThreadLocal<>();

    private final Map<String, Map<String, Document>> collections = new LinkedHashMap<>();
    /**
     * The ids (by collection) whose documents this model still shares with the frozen model it was copied from
     * ({@link #thawedCopy()}): such a document is copied the first time this model hands it out or writes it.
     */
    private final Map<String, Set<String>> shared = new java.util.HashMap<>();
    private final Map<String, Set<String>> dirty = new LinkedHashMap<>();
    private final BiFunction<String, String, Document> loader;
    private int dirtyCount;
    private volatile boolean frozen;
    private final Map<String, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    /** A model that starts empty: views of the past. */
    public MemoryReadModel() {
        this((collection, id) -> null);
    }

    /**
     * A model in front of stored documents: {@code loader} gives the stored document of a collection and id (or null)
     * the first time it is written here. Rebuilds use it as a write-behind buffer, see {@link #drain()}.
     */
    public MemoryReadModel(BiFunction<String, String, Document> loader) {
        this.loader = loader;
    }

    /** Runs {@code fold} with every projection write on this thread going to this model. */
    public <T> T folding(Supplier<T> fold) {
        MemoryReadModel before = CURRENT.get();
        CURRENT.set(this);
        try {
            return fold.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    static MemoryReadModel current() {
        return CURRENT.get();
    }

    /**
     * No more writes: the model may now be shared between readers (a fold kept for later views of the same past).
     * Its documents are then handed out as copies.
     */
    public void freeze() {
        frozen = true;
    }

    /**
     * A figure computed from this model, computed once and given again once the model is frozen (it can no longer
     * change, so neither can anything computed from it alone). {@code name} must say everything the figure depends on
     * besides the model.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(String name, Supplier<T> compute) {
        if (!frozen) {
            return compute.get();
        }
        return (T) derived.computeIfAbsent(name, n -> compute.get());
    }

    /**
     * An open copy of this model: its documents in the same order, nothing derived, nothing to drain. A kept view of
     * the past is extended this way by entries that came after it, without touching the kept one. The copy shares
     * the kept model's documents and copies one only when it hands it out or writes it (a kelurahan's view of the past
     * holds every household, and an extension changes a few): copying them all on every extension was the largest
     * share of our own code in the folds of a city's summary of the past while the city registered households
     * (benchmark finding 24).
     */
    public MemoryReadModel thawedCopy() {
        if (!frozen) {
            throw new IllegalStateException("Only a frozen view of the past is copied: an open one may still change");
        }
        MemoryReadModel copy = new MemoryReadModel(loader);
        collections.forEach((name, documents) -> {
            copy.collections.put(name, new LinkedHashMap<>(documents));
            copy.shared.put(name, new java.util.HashSet<>(documents.keySet()));
        });
        return copy;
    }

    /** How many documents this model still shares with the model it was copied from. */
    int sharedDocuments() {
        return shared.values().stream().mapToInt(Set::size).sum();
    }

    /** The document of an id as this model may change it: a shared one is copied first (and no longer shared). */
    private Document own(String collection, String id, Document document) {
        Set<String> ids = shared.get(collection);
        if (ids == null || !ids.remove(id)) {
            return document;
        }
        Document copy = copy(document);
        collections.get(collection).put(id, copy);
        return copy;
    }

    /** The documents of one collection, in the order they were first written (copies once frozen). */
    public Collection<Document> documents(String collection) {
        Map<String, Document> documents = collections.getOrDefault(collection, Map.of());
        if (frozen) {
            return documents.values().stream().map(MemoryReadModel::copy).toList();
        }
        if (!shared.getOrDefault(collection, Set.of()).isEmpty()) {
            List.copyOf(documents.keySet()).forEach(id -> own(collection, id, documents.get(id)));
        }
        return documents.values();
    }

    /** A deep copy: nested documents and lists copied, values (immutable, or never changed in place) shared. */
    public static Document copy(Document document) {
        Document copy = new Document();
        document.forEach((key, value) -> copy.put(key, copyValue(value)));
        return copy;
    }

    private static Object copyValue(Object value) {
        if (value instanceof Document document) {
            return copy(document);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(MemoryReadModel::copyValue).collect(java.util.stream.Collectors.toList());
        }
        return value;
    }

    /** How many documents of a collection pass the test, read in place: no copy, no conversion. */
    public long count(String collection, java.util.function.Predicate<Document> test) {
        return collections.getOrDefault(collection, Map.of()).values().stream().filter(test).count();
    }

    /**
     * The documents of one collection as the given type (converted as MongoDB's would be), ordered by the given fields
     * ascending with missing values first, as a MongoDB sort orders them.
     */
    @SuppressWarnings("unchecked")
    public <T> List<T> find(String collection, Class<T> type, MongoConverter converter, String... sortFields) {
        Comparator<Document> order = (a, b) -> 0;
        for (String field : sortFields) {
            order = order.thenComparing(document -> (Comparable<Object>) document.get(field),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
        }
        return documents(collection).stream().sorted(order).map(document -> converter.read(type, document)).toList();
    }

    /** One document as written here, or as the loader gives it when not written here yet (null if none). */
    Document get(String collection, String id) {
        Document document = collections.getOrDefault(collection, Map.of()).get(id);
        if (document != null) {
            return frozen ? copy(document) : own(collection, id, document);
        }
        return loader.apply(collection, id);
    }

    boolean upsert(String collection, String id, long sourceSequence, Update update) {
        return upsert(collection, id, sourceSequence, update.getUpdateObject());
    }

    /** @param update an update document ({@code $set}, {@code $inc}, …) with values already as MongoDB stores them */
    boolean upsert(String collection, String id, long sourceSequence, Document update) {
        if (frozen) {
            throw new IllegalStateException("A frozen view of the past is read, never written");
        }
        Document document = own(collection, id, collections.computeIfAbsent(collection, c -> new LinkedHashMap<>())
                .computeIfAbsent(id, key -> {
                    Document stored = loader.apply(collection, key);
                    return stored != null ? stored : new Document("_id", key);
                }));
        Number seen = document.get(IdempotentUpsert.SOURCE_SEQUENCE, Number.class);
        if (seen != null && seen.longValue() >= sourceSequence) {
            return false;
        }
        apply(document, update);
        document.put(IdempotentUpsert.SOURCE_SEQUENCE, sourceSequence);
        if (dirty.computeIfAbsent(collection, c -> new LinkedHashSet<>()).add(id)) {
            dirtyCount++;
        }
        return true;
    }

    /** How many documents were written since the last {@link #drain()}. */
    public int dirtyDocuments() {
        return dirtyCount;
    }

    /**
     * The documents written since the last drain, by collection, to be stored; afterwards the model is empty again
     * (later writes load what was stored through the loader).
     */
    public Map<String, List<Document>> drain() {
        Map<String, List<Document>> written = new LinkedHashMap<>();
        dirty.forEach((collection, ids) -> written.put(collection,
                ids.stream().map(collections.get(collection)::get).toList()));
        dirty.clear();
        collections.clear();
        shared.clear();
        dirtyCount = 0;
        return written;
    }

    static void apply(Document document, Document update) {
        for (Map.Entry<String, Object> operation : update.entrySet()) {
            Document fields = (Document) operation.getValue();
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                String path = field.getKey();
                Object value = field.getValue();
                switch (operation.getKey()) {
                    case "$set" -> set(document, path, value);
                    case "$unset" -> parent(document, path).remove(leaf(path));
                    case "$inc" -> {
                        Number current = (Number) parent(document, path).get(leaf(path));
                        long sum = Math.addExact(current == null ? 0 : current.longValue(),
                                ((Number) value).longValue());
                        set(document, path, sum);
                    }
                    case "$push" -> list(document, path).add(value);
                    case "$addToSet" -> {
                        List<Object> list = list(document, path);
                        if (!list.contains(value)) {
                            list.add(value);
                        }
                    }
                    case "$pull" -> list(document, path).removeIf(element -> Objects.equals(element, value));
                    default -> throw new IllegalArgumentException("The in-memory read model does not implement "
                            + operation.getKey() + " (used on " + path + ")");
                }
            }
        }
    }

    private static void set(Document document, String path, Object value) {
        parent(document, path).put(leaf(path), value);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Document document, String path) {
        Document parent = parent(document, path);
        Object existing = parent.get(leaf(path));
        if (existing == null) {
            List<Object> list = new ArrayList<>();
            parent.put(leaf(path), list);
            return list;
        }
        if (!(existing instanceof List<?>)) {
            throw new IllegalStateException(path + " is not an array");
        }
        List<Object> copy = new ArrayList<>((List<Object>) existing);
        parent.put(leaf(path), copy);
        return copy;
    }

    private static Document parent(Document document, String path) {
        String[] parts = path.split("\\.");
        Document current = document;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = current.get(parts[i]);
            if (next == null) {
                next = new Document();
                current.put(parts[i], next);
            }
            current = (Document) next;
        }
        return current;
    }

    private static String leaf(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
