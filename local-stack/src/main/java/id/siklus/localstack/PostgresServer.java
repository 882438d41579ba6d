package id.siklus.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Real PostgreSQL 17 binaries (from Maven Central) on a fixed port with a data directory that survives restarts.
 * Durability is switched on explicitly: zonky's defaults would acknowledge commits that a crash could lose.
 */
public final class PostgresServer implements AutoCloseable {

    static final String DATABASE = "siklus";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    public static PostgresServer start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("max_connections", "200")
                .start();
        PostgresServer server = new PostgresServer(postgres, port);
        server.ensureDatabase();
        return server;
    }

    private void ensureDatabase() throws IOException {
        try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery(
                     "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the database " + DATABASE, e);
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public String jdbcUrl() {
        return url(DATABASE);
    }

    public String username() {
        return USER;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
