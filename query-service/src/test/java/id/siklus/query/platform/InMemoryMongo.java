package id.siklus.query.platform;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import id.siklus.localstack.MongoWireServer;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A MongoDB wire server in memory on a free port (the embedded stack's, with its indexes), with a real driver and a {@link MongoTemplate} in front of it, so
 * read-model code is tested through the same driver calls it makes in production.
 */
public final class InMemoryMongo implements AutoCloseable {

    private final MongoWireServer server;
    private final MongoClient client;
    private final MongoTemplate template;

    private InMemoryMongo(String database) {
        server = MongoWireServer.startInMemory(0);
        client = MongoClients.create(server.connectionString());
        template = new MongoTemplate(client, database);
    }

    public static InMemoryMongo start(String database) {
        return new InMemoryMongo(database);
    }

    public MongoTemplate template() {
        return template;
    }

    /** Test code outside this package cannot call the package-private constructor. */
    public IdempotentUpsert idempotentUpsert() {
        return new IdempotentUpsert(template);
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
