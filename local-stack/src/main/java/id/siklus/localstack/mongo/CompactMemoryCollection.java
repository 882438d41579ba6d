package id.siklus.localstack.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A collection of the in-memory wire server that keeps each document as its BSON bytes, as MongoDB does, instead of
 * the decoded object graph the library's {@code MemoryCollection} keeps (a map entry and a key string per field of
 * every document and sub-document). The graph cost about 10 KB of heap per stored event of Siklus's read models, so
 * a million-event history (the benchmark's growth, issue 6) did not fit the machine, and a blue-green replay holds
 * two copies. A document is decoded when it is read and encoded again when an update has changed it
 * ({@link #handleUpdate}, called by the library after every change, as for its H2 backend); positions and indexes
 * are as in {@code MemoryCollection}, which it extends only to be what {@code MemoryDatabase} creates: it overrides
 * every method that touches the library's own list, which stays empty.
 * <p>
 * A find does not hold the collection's lock while it decodes and matches (the library's collections hold it for the
 * whole query, so one find over many documents held up every write and find of that collection for up to a second
 * under the benchmark's load, finding 22). Writes still take the lock, one at a time, as before. A find takes it only
 * for an instant per step: to copy the list of slots, or to read one slot's bytes; its index lookups lock the index.
 * Each document is read whole (its bytes are replaced, never changed), and is matched against the query after it is
 * read, so a find sees every document either before or after a concurrent write to it, as a MongoDB find does
 * without a snapshot, and never a document that does not match. A find matches with a matcher of its own: the
 * library's shared one remembers the array position an update's {@code $} operator uses.
 */
final class CompactMemoryCollection extends MemoryCollection {

    private final List<byte[]> documents = new ArrayList<>();
    private final Queue<Integer> emptyPositions = new ArrayDeque<>();
    private int dataSize;

    CompactMemoryCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                            CursorRegistry cursorRegistry) {
        super(database, collectionName, options, cursorRegistry);
    }

    static byte[] encode(Document document) {
        ByteBuf buffer = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    static Document decode(byte[] bytes) {
        return bytes == null ? null : BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes));
    }

    @Override
    protected synchronized void updateDataSize(int sizeDelta) {
        dataSize += sizeDelta;
    }

    @Override
    protected synchronized int getDataSize() {
        return dataSize;
    }

    @Override
    protected synchronized Integer addDocumentInternal(Document document) {
        byte[] bytes = encode(document);
        Integer position = emptyPositions.poll();
        if (position == null) {
            documents.add(bytes);
            return documents.size() - 1;
        }
        documents.set(position, bytes);
        return position;
    }

    /** A find, without the collection's lock (see above); what the library's find does once it holds it. */
    @Override
    public QueryResult handleQuery(QueryParameters parameters) {
        Document selector = parameters.getQuerySelector();
        Document query = selector;
        Document orderBy = null;
        for (String wrapped : List.of("query", "$query")) {
            if (selector.containsKey(wrapped)) {
                query = (Document) selector.get(wrapped);
                orderBy = (Document) selector.get(wrapped.startsWith("$") ? "$orderby" : "orderby");
                break;
            }
        }
        return queryDocuments(query, orderBy, parameters.getNumberToSkip(), parameters.getLimit(),
                parameters.getBatchSize(), parameters.getProjection());
    }

    @Override
    protected boolean documentMatchesQuery(Document document, Document query) {
        return new DefaultQueryMatcher().matches(document, query);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Iterable<Integer> positions, Document orderBy,
                                         int numberToSkip, int limit, int batchSize, Document fieldSelector) {
        // a position the index gave may have been emptied by a delete since
        return matchDocumentsFromStream(StreamSupport.stream(positions.spliterator(), false)
                .map(this::getDocument).filter(Objects::nonNull), query, orderBy, numberToSkip, limit, batchSize,
                fieldSelector);
    }

    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                         int batchSize, Document fieldSelector) {
        return matchDocumentsFromStream(streamAllDocumentsWithPosition(isNaturalDescending(orderBy))
                .map(DocumentWithPosition::getDocument), query, orderBy, numberToSkip, limit, batchSize,
                fieldSelector);
    }

    @Override
    public synchronized int count() {
        return documents.size() - emptyPositions.size();
    }

    @Override
    public synchronized boolean isEmpty() {
        return count() == 0;
    }

    @Override
    protected Integer findDocumentPosition(Document document) {
        return streamAllDocumentsWithPosition().filter(d -> d.getDocument().equals(document))
                .map(DocumentWithPosition::getPosition).findFirst().orElse(null);
    }

    @Override
    protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
        return streamAllDocumentsWithPosition(false);
    }

    private synchronized Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition(boolean descending) {
        // a snapshot of the slots: the stream is consumed after this method returns, maybe while documents change
        List<byte[]> slots = new ArrayList<>(documents);
        IntStream positions = IntStream.range(0, slots.size());
        if (descending) {
            positions = positions.map(i -> slots.size() - 1 - i);
        }
        return positions.filter(i -> slots.get(i) != null)
                .mapToObj(i -> new DocumentWithPosition<>(decode(slots.get(i)), i));
    }

    @Override
    protected synchronized void removeDocument(Integer position) {
        documents.set(position, null);
        emptyPositions.add(position);
    }

    @Override
    protected Document getDocument(Integer position) {
        byte[] bytes;
        synchronized (this) {
            bytes = documents.get(position);
        }
        return decode(bytes);
    }

    @Override
    protected synchronized void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
        documents.set(position, encode(newDocument));
    }
}
