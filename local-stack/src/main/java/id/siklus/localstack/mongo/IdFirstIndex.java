package id.siklus.localstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The wire server's unique {@code _id} index, also used when a query names one {@code _id} and further conditions.
 * The server uses an index only for a query on exactly its fields, so the projections' guarded upsert
 * ({@code {_id: x, $or: [sequence below n, no sequence]}}) read every document of the collection on each write.
 * MongoDB's planner looks the document up by {@code _id} and then applies the rest; so does this index: it gives
 * the position of that one document, and the server applies the whole query to it.
 */
final class IdFirstIndex<P> extends Index<P> {

    private static final String ID = "_id";

    private final Index<P> unique;

    IdFirstIndex(Index<P> unique) {
        super(unique.getName(), unique.getKeys(), false);
        this.unique = unique;
    }

    static boolean isIdIndex(Index<?> index) {
        return index.getKeys().size() == 1 && ID.equals(index.getKeys().get(0).getKey());
    }

    @Override
    public boolean canHandle(Document query) {
        return unique.canHandle(query) || idOnly(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return unique.canHandle(query) ? unique.getPositions(query) : unique.getPositions(idOnly(query));
    }

    /** {@code {_id: x}} when the query asks for one plain {@code _id} among other conditions, else null. */
    private static Document idOnly(Document query) {
        Object id = query.get(ID);
        if (query.size() < 2 || id == null || id instanceof Document || id instanceof Collection
                || id instanceof Pattern || BsonRegularExpression.isRegularExpression(id)) {
            return null;
        }
        return new Document(ID, id);
    }

    @Override
    public P getPosition(Document document) {
        return unique.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        unique.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        unique.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return unique.remove(document);
    }

    @Override
    public long getCount() {
        return unique.getCount();
    }

    @Override
    public boolean isEmpty() {
        return unique.isEmpty();
    }

    @Override
    public long getDataSize() {
        return unique.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        unique.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        unique.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        unique.drop();
    }

    @Override
    public boolean isUnique() {
        return unique.isUnique();
    }

    @Override
    public de.bwaldvogel.mongo.bson.Document toIndexDescription() {
        return unique.toIndexDescription();
    }

    @Override
    public String toString() {
        return "IdFirst(" + unique + ")";
    }
}
