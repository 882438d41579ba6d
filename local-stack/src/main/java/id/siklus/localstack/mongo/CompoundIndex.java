package id.siklus.localstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A secondary index on several fields for the wire server, served the way MongoDB serves a compound index: a query
 * with equality on every field but the last is narrowed to those documents, and further by the last field when it is
 * queried for equality or for a numeric range ({@code $gt}, {@code $gte}, {@code $lt}, {@code $lte}). The journal's
 * {@code (kelurahanCode, sequence)} is the case that matters: "the entries of this kelurahan after sequence n" read
 * those entries, not the kelurahan's whole history (ADR 0013).
 *
 * <p>It gives the server a superset of the matching documents and the server applies the whole query to each, as it
 * does after any index: ranges are looked up inclusively on the values as doubles, and documents whose last field is
 * not a number are always among the candidates. A query without equality on every field but the last falls back to
 * the server's full scan. Positions are kept per key value and document id, so a changed document leaves its old keys.
 */
final class CompoundIndex<P> extends SecondaryIndex<P> {

    private static final String ID = "_id";
    private static final Set<String> RANGES = Set.of("$gt", "$gte", "$lt", "$lte");

    /** The values of every field but the last → the documents under them. */
    private final Map<KeyValue, Postings<P>> entries = new HashMap<>();
    private long count;

    /** The documents under one prefix: by their last field's number, or (anything else) by its value. */
    private static final class Postings<P> {
        final NavigableMap<Double, Map<Object, P>> numbers = new TreeMap<>();
        final Map<Object, Map<Object, P>> others = new HashMap<>();

        Map<Object, P> documents(Object last, boolean create) {
            if (last instanceof Number number) {
                double key = number.doubleValue();
                return create ? numbers.computeIfAbsent(key, k -> new LinkedHashMap<>()) : numbers.get(key);
            }
            return create ? others.computeIfAbsent(last, k -> new LinkedHashMap<>()) : others.get(last);
        }

        void removeIfEmpty(Object last) {
            if (last instanceof Number number) {
                numbers.computeIfPresent(number.doubleValue(), (k, documents) -> documents.isEmpty() ? null : documents);
            } else {
                others.computeIfPresent(last, (k, documents) -> documents.isEmpty() ? null : documents);
            }
        }

        boolean isEmpty() {
            return numbers.isEmpty() && others.isEmpty();
        }
    }

    CompoundIndex(String name, List<IndexKey> keys) {
        super(name, keys);
        if (keys.size() < 2) {
            throw new IllegalArgumentException("a compound index has at least two fields: " + keys);
        }
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        Object id = document.get(ID);
        if (id == null) {
            return;
        }
        for (KeyValue key : getKeyValues(document)) {
            Object last = key.get(key.size() - 1);
            if (entries.computeIfAbsent(prefix(key), k -> new Postings<>()).documents(last, true)
                    .put(id, position) == null) {
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
            KeyValue prefix = prefix(key);
            Postings<P> postings = entries.get(prefix);
            if (postings == null) {
                continue;
            }
            Object last = key.get(key.size() - 1);
            Map<Object, P> documents = postings.documents(last, false);
            P position = documents == null ? null : documents.remove(id);
            if (position != null) {
                count--;
                removed = position;
                postings.removeIfEmpty(last);
            }
            if (postings.isEmpty()) {
                entries.remove(prefix);
            }
        }
        return removed;
    }

    /** Every field but the last is queried for equality with a plain value. */
    @Override
    public boolean canHandle(Document query) {
        return queriedPrefix(query) != null;
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        KeyValue prefix = queriedPrefix(query);
        if (prefix == null) {
            throw new IllegalArgumentException("not an equality query on the first fields of " + keys() + ": "
                    + query);
        }
        Postings<P> postings = entries.get(prefix);
        // a document with a list in its last field is under several of its values: given once
        Set<P> positions = new java.util.LinkedHashSet<>();
        if (postings == null) {
            return positions;
        }
        String lastField = keys().get(keys().size() - 1);
        Object condition = query.containsKey(lastField) ? query.get(lastField) : null;
        if (condition != null && plain(condition)) {
            // equality on the last field too
            Map<Object, P> documents = postings.documents(normalized(condition), false);
            if (documents != null) {
                positions.addAll(documents.values());
            }
            return positions;
        }
        NavigableMap<Double, Map<Object, P>> numbers = postings.numbers;
        if (condition instanceof Document range && isNumericRange(range)) {
            double from = Double.NEGATIVE_INFINITY;
            double to = Double.POSITIVE_INFINITY;
            for (String operator : range.keySet()) {
                double given = ((Number) range.get(operator)).doubleValue();
                double bound = given == 0.0 ? 0.0 : given; // -0.0 is 0.0 here, as the documents' keys are
                if (operator.startsWith("$g")) {
                    from = Math.max(from, bound);
                } else {
                    to = Math.min(to, bound);
                }
            }
            if (from > to) {
                numbers = new TreeMap<>();
            } else {
                numbers = numbers.subMap(from, true, to, true);
            }
        }
        numbers.values().forEach(documents -> positions.addAll(documents.values()));
        if (numbers != postings.numbers && postings.numbers.containsKey(Double.NaN)) {
            positions.addAll(postings.numbers.get(Double.NaN).values()); // left to the server to compare
        }
        postings.others.values().forEach(documents -> positions.addAll(documents.values()));
        return positions;
    }

    /** The queried values of every field but the last, or null when the query does not give each one plainly. */
    private KeyValue queriedPrefix(Document query) {
        List<String> fields = keys();
        List<Object> values = new ArrayList<>();
        for (String field : fields.subList(0, fields.size() - 1)) {
            if (!query.containsKey(field) || !plain(query.get(field))) {
                return null;
            }
            values.add(query.get(field));
        }
        return new KeyValue(values).normalized();
    }

    private static KeyValue prefix(KeyValue key) {
        List<Object> values = new ArrayList<>(key.size() - 1);
        for (int i = 0; i < key.size() - 1; i++) {
            values.add(key.get(i));
        }
        return new KeyValue(values);
    }

    private static Object normalized(Object value) {
        return new KeyValue(value).normalized().get(0);
    }

    /** Only range operators, each with a number that is not NaN. */
    private static boolean isNumericRange(Document condition) {
        return !condition.isEmpty() && condition.entrySet().stream().allMatch(entry ->
                RANGES.contains(entry.getKey()) && entry.getValue() instanceof Number number
                        && !Double.isNaN(number.doubleValue()));
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
        return "CompoundIndex" + keys();
    }
}
