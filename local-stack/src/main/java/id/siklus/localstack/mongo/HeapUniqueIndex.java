package id.siklus.localstack.mongo;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A unique index of the file-backed wire server kept on the heap, by hash, and built from the collection's documents
 * when the database opens (as the secondary indexes are).
 *
 * <p>The H2 backend keeps its unique indexes as MVStore maps keyed by the server's {@code KeyValue}, which is not
 * {@code Comparable}: H2 then orders keys by their Java serialisation, so every look-up serialised the searched key
 * and one stored key per step of the B-tree search. A flight recording of {@code ./siklus bench --quick} found 1,953
 * of the wire server's 3,599 samples in the file backend there (1,623 of them serialising keys to compare them): every
 * projection write to the file backend looks its document up by {@code _id} twice (the guarded upsert's query, then
 * the insert's uniqueness check). Equality of the normalised key values is what the in-memory backend's unique index
 * uses too; the documents themselves stay in the file.
 */
final class HeapUniqueIndex<P> extends AbstractUniqueIndex<P> {

    /** key value → position; a null position is kept as {@link Missing}, as the H2 index keeps it */
    private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

    HeapUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected P removeDocument(KeyValue key) {
        return (P) positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, P position) {
        return positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected Iterable<Map.Entry<KeyValue, P>> getIterable() {
        return (Iterable<Map.Entry<KeyValue, P>>) (Iterable<?>) positions.entrySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    protected P getPosition(KeyValue key) {
        return (P) positions.get(key);
    }

    @Override
    public long getCount() {
        return positions.size();
    }

    @Override
    public boolean isEmpty() {
        return positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }
}
