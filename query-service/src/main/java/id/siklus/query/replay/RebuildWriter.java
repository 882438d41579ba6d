package id.siklus.query.replay;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import id.siklus.query.platform.MemoryReadModel;
import id.siklus.query.platform.ReadModelCollections;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Stores the documents a rebuild folds in memory into the {@code __rebuild} collections, behind the fold: one batch
 * is written on the writer's own thread while the rebuild's thread goes on folding the next, so that folding (CPU on
 * one core) and MongoDB storing them (a server worker on another) overlap instead of taking turns. At most one batch
 * is in flight: a flush first waits for the previous one, which bounds memory at two batches and keeps the writes of
 * one document in the order they were folded.
 * <p>
 * The rebuild's {@link MemoryReadModel} loads a document it has not folded since the last flush through
 * {@link #load}: from the batch in flight (as a copy, since the writer thread is encoding the original), else from the
 * rebuild collection if an earlier, finished batch stored it there, else none. All methods but the writing itself run
 * on the rebuild's thread.
 */
final class RebuildWriter implements AutoCloseable {

    private final MongoTemplate mongo;
    private final int writeBatch;
    private final ExecutorService writer;
    /** Ids stored by a batch, finished or in flight, by collection: only these are worth looking up in MongoDB. */
    private final Map<String, Set<String>> stored = new HashMap<>();
    private Map<String, Map<String, Document>> inFlight = Map.of();
    private Future<?> writing = CompletableFuture.completedFuture(null);

    RebuildWriter(MongoTemplate mongo, int writeBatch) {
        this(mongo, writeBatch, Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "projection-replay-writer");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** @param writer runs each batch's writes; one thread, so that batches are stored in the order they were flushed */
    RebuildWriter(MongoTemplate mongo, int writeBatch, ExecutorService writer) {
        this.mongo = mongo;
        this.writeBatch = writeBatch;
        this.writer = writer;
    }

    /** The document as the rebuild last left it, or null when the rebuild has not written it yet. */
    Document load(String collection, String id) {
        Document flying = inFlight.getOrDefault(collection, Map.of()).get(id);
        if (flying != null) {
            return MemoryReadModel.copy(flying);
        }
        return stored.getOrDefault(collection, Set.of()).contains(id)
                ? mongo.findById(id, Document.class, ReadModelCollections.rebuildOf(collection))
                : null;
    }

    /** Hands what the buffer folded since the last flush to the writer, once the previous batch is stored. */
    void flush(MemoryReadModel buffer) {
        awaitWritten();
        Map<String, List<Document>> batch = buffer.drain();
        Map<String, Map<String, Document>> byId = new LinkedHashMap<>();
        batch.forEach((collection, documents) -> {
            Map<String, Document> documentsById = byId.computeIfAbsent(collection, c -> new HashMap<>());
            Set<String> ids = stored.computeIfAbsent(collection, c -> new HashSet<>());
            for (Document document : documents) {
                String id = String.valueOf(document.get("_id"));
                documentsById.put(id, document);
                ids.add(id);
            }
        });
        inFlight = byId;
        writing = writer.submit(() -> store(batch));
    }

    /** Flushes the buffer and waits until everything folded is stored. */
    void finish(MemoryReadModel buffer) {
        flush(buffer);
        awaitWritten();
    }

    private void awaitWritten() {
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while rebuilt documents were being stored", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Storing rebuilt documents failed: " + e.getCause().getMessage(),
                    e.getCause());
        }
        inFlight = Map.of();
    }

    private void store(Map<String, List<Document>> batch) {
        batch.forEach((collection, documents) -> {
            MongoCollection<Document> target = mongo.getCollection(ReadModelCollections.rebuildOf(collection));
            for (int from = 0; from < documents.size(); from += writeBatch) {
                List<ReplaceOneModel<Document>> writes = documents.subList(from,
                                Math.min(documents.size(), from + writeBatch)).stream()
                        .map(document -> new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document,
                                new ReplaceOptions().upsert(true)))
                        .toList();
                target.bulkWrite(writes, new BulkWriteOptions().ordered(false));
            }
        });
    }

    /**
     * Stops the writer and waits for a write in flight to end, so that nothing is written to a rebuild collection
     * after a failed rebuild dropped it.
     */
    @Override
    public void close() {
        writer.shutdownNow();
        try {
            if (!writer.awaitTermination(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("A write of rebuilt documents did not stop within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
