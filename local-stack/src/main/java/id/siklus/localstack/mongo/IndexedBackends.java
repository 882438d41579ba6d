package id.siklus.localstack.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * The wire server's backends with indexes that serve queries the way MongoDB's would (ADR 0013): the declared
 * secondary indexes are kept ({@link EqualityIndex}, {@link CompoundIndex} for several fields) and the {@code _id} index also serves an {@code _id} query with
 * further conditions ({@link IdFirstIndex}). Without them, every projection write and every view scanned whole
 * collections, so the embedded stack measured the stand-in rather than Siklus.
 * <p>
 * A {@code drop} of a collection that does not exist is answered ok, as MongoDB 7 answers it. The wire server refuses
 * it with "ns not found" (which the driver's {@code drop()} ignores) and logs each refusal as an error with a stack
 * trace: every rebuild's reset drops its ten {@code __rebuild} collections first, ~320 lines of alarming noise in the
 * logs of {@code ./siklus up} per replay.
 */
public final class IndexedBackends {

    private IndexedBackends() {
    }

    /** In memory, for tests and the benchmark; each document kept as its BSON bytes ({@link CompactMemoryCollection}). */
    public static MongoBackend inMemory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String databaseName) {
                return new IndexedMemoryDatabase(databaseName, getCursorRegistry());
            }
        };
    }

    /**
     * In an H2 MVStore file, for ./siklus up. The documents are kept in the file; every index is kept on the heap and
     * rebuilt from them when a database opens ({@link HeapUniqueIndex} says why the unique ones too). Index maps that
     * an earlier version kept in the file are removed then: nothing reads them any more.
     */
    public static MongoBackend fileBacked(String file) {
        return new H2Backend(file) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String databaseName) {
                removeIndexMaps(getMvStore(), databaseName);
                return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry());
            }
        };
    }

    /** The H2 backend names an index's map {@code <database>.<collection>._index_<index name>}. */
    static void removeIndexMaps(MVStore store, String databaseName) {
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.startsWith(databaseName + ".") && name.contains("._index_")) {
                store.removeMap(name);
            }
        }
    }

    private static <P> Index<P> secondary(String indexName, List<IndexKey> keys) {
        return keys.size() > 1 ? new CompoundIndex<>(indexName, keys) : new EqualityIndex<>(indexName, keys);
    }

    /** The answer to a {@code drop} of a collection this database does not have, or null for any other command. */
    private static Document dropOfNothing(MongoDatabase database, String command, Document query) {
        if (!"drop".equalsIgnoreCase(command) || !(query.get(command) instanceof String collection)
                || database.resolveCollection(collection, false) != null) {
            return null;
        }
        Document answer = new Document();
        Utils.markOkay(answer);
        return answer;
    }

    private static <P> Index<P> idFirst(Index<P> unique) {
        return IdFirstIndex.isIdIndex(unique) ? new IdFirstIndex<>(unique) : unique;
    }

    private static final class IndexedMemoryDatabase extends MemoryDatabase {

        IndexedMemoryDatabase(String databaseName, CursorRegistry cursorRegistry) {
            super(databaseName, cursorRegistry);
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new CompactMemoryCollection(this, collectionName, options, cursorRegistry);
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                                      Oplog oplog) {
            Document answer = dropOfNothing(this, command, query);
            return answer != null ? answer : super.handleCommand(channel, command, query, resolver, oplog);
        }

        @Override
        protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                         boolean sparse) {
            return idFirst(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse));
        }

        @Override
        protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
            return secondary(indexName, keys);
        }
    }

    private static final class IndexedH2Database extends H2Database {

        IndexedH2Database(String databaseName, MVStore mvStore, CursorRegistry cursorRegistry) {
            super(databaseName, mvStore, cursorRegistry);
        }

        @Override
        public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
                                      Oplog oplog) {
            Document answer = dropOfNothing(this, command, query);
            return answer != null ? answer : super.handleCommand(channel, command, query, resolver, oplog);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            return idFirst(new HeapUniqueIndex<>(indexName, keys, sparse));
        }

        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            return secondary(indexName, keys);
        }
    }
}
