package id.siklus.localstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import id.siklus.localstack.mongo.IndexedBackends;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Java Mongo wire-protocol server, spoken to by the real MongoDB driver. With a file it keeps its data across
 * restarts (H2 MVStore); without one it is in memory, for tests. It is not MongoDB: no sessions or transactions,
 * which is why read models must be correct without them. Its indexes are completed to serve queries as MongoDB's
 * would ({@link IndexedBackends}).
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private MongoWireServer(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static MongoWireServer startFileBacked(Path file, int port) throws IOException {
        Files.createDirectories(file.getParent());
        return start(IndexedBackends.fileBacked(file.toAbsolutePath().toString()), port);
    }

    public static MongoWireServer startInMemory(int port) {
        return start(IndexedBackends.inMemory(), port);
    }

    private static MongoWireServer start(MongoBackend backend, int port) {
        MongoServer server = new MongoServer(backend);
        server.bind("localhost", port);
        return new MongoWireServer(server, server.getLocalAddress().getPort());
    }

    public String connectionString() {
        return "mongodb://localhost:" + port;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
