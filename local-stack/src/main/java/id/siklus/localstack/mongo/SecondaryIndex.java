package id.siklus.localstack.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the stand-in's secondary (non-unique) indexes share ({@link EqualityIndex}, {@link CompoundIndex}): no
 * constraint, documents placed by the {@code _id} index, an update is a removal and an addition, and the index
 * described as declared.
 */
abstract class SecondaryIndex<P> extends Index<P> {

    SecondaryIndex(String name, List<IndexKey> keys) {
        // "sparse" for the server only: a document it cannot place (none without an _id here) is skipped, not fatal
        super(name, keys, true);
    }

    @Override
    public P getPosition(Document document) {
        return null; // not unique: the _id index places documents
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        // no constraint to check
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // no constraint to check
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
                                           MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    /** As declared: the "sparse" given to the server above is not the index's option. */
    @Override
    public Document toIndexDescription() {
        Document description = super.toIndexDescription();
        description.remove("sparse");
        return description;
    }

    /** A value that equals itself only: not null (it also matches a missing field), an array, an expression. */
    static boolean plain(Object value) {
        return value != null && !(value instanceof Collection) && !(value instanceof Document)
                && !(value instanceof Pattern) && !BsonRegularExpression.isRegularExpression(value);
    }
}
