package id.siklus.localstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A secondary (non-unique) index for the wire server, which otherwise ignores every index but {@code _id} and
 * answers a query on {@code kelurahanCode} by reading every document of the collection. It narrows a query to the
 * documents whose indexed fields equal the queried values (or one of an {@code $in} list); the server then applies
 * the whole query to them, as it does after its own {@code _id} index. Queries it cannot narrow exactly (operators
 * other than {@code $in}, regular expressions, {@code null}, arrays) fall back to the server's full scan.
 *
 * <p>Positions are kept per key value and document id, so a removed or changed document leaves its old keys.
 */
final class EqualityIndex<P> extends SecondaryIndex<P> {

    private static final String ID = "_id";

    /** key value → document id → position */
    private final Map<KeyValue, Map<Object, P>> entries = new HashMap<>();
    private long count;

    EqualityIndex(String name, List<IndexKey> keys) {
        super(name, keys);
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        Object id = document.get(ID);
        if (id == null) {
            return;
        }
        for (KeyValue key : getKeyValues(document)) {
            if (entries.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(id, position) == null) {
                count++;
            }
        }
    }

    @Override
    public synchronized P remove(Document document) {
        Object id = document.get(ID);
        if (id == null) {
            return null;
        }
        P removed = null;
        for (KeyValue key : getKeyValues(document)) {
            Map<Object, P> documents = entries.get(key);
            if (documents == null) {
                continue;
            }
            P position = documents.remove(id);
            if (position != null) {
                count--;
                removed = position;
            }
            if (documents.isEmpty()) {
                entries.remove(key);
            }
        }
        return removed;
    }

    /** Every indexed field is queried for equality with a plain value, or (one field) for one of a list. */
    @Override
    public boolean canHandle(Document query) {
        return lookUps(query) != null;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        List<KeyValue> lookUps = lookUps(query);
        if (lookUps == null) {
            throw new IllegalArgumentException("not an equality query on " + keys() + ": " + query);
        }
        List<P> positions = new ArrayList<>();
        for (KeyValue key : lookUps) {
            positions.addAll(entries.getOrDefault(key, Map.of()).values());
        }
        return positions;
    }

    /** The key values to look up, or null when this index cannot narrow the query exactly. */
    private List<KeyValue> lookUps(Document query) {
        List<String> fields = keys();
        List<Object> values = new ArrayList<>();
        for (String field : fields) {
            if (!query.containsKey(field)) {
                return null;
            }
            Object value = query.get(field);
            if (value instanceof Document condition) {
                if (fields.size() == 1 && condition.size() == 1 && condition.get("$in") instanceof Collection<?> in
                        && in.stream().allMatch(SecondaryIndex::plain)) {
                    return in.stream().map(v -> new KeyValue(v).normalized()).distinct().toList();
                }
                return null;
            }
            if (!plain(value)) {
                return null;
            }
            values.add(value);
        }
        return List.of(new KeyValue(values).normalized());
    }

    @Override
    public synchronized long getCount() {
        return count;
    }

    @Override
    public synchronized void drop() {
        entries.clear();
        count = 0;
    }

    @Override
    public String toString() {
        return "EqualityIndex" + keys();
    }
}
