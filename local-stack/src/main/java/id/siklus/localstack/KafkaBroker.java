package id.siklus.localstack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * A real Kafka broker in KRaft mode (combined broker and controller) inside this JVM, on fixed ports, so that it can
 * be stopped and started again at the same address: clients reconnect as they would to a restarted production
 * broker. Topics are never created implicitly; the system creates the ones it needs.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public KafkaBroker(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public synchronized KafkaBroker start() throws IOException {
        if (server != null) {
            return this;
        }
        Path logs = directory.resolve("logs");
        Files.createDirectories(logs);
        Path propertiesFile = directory.resolve("server.properties");
        Properties properties = serverProperties(logs);
        try (OutputStream out = Files.newOutputStream(propertiesFile)) {
            properties.store(out, "Siklus local Kafka broker (KRaft)");
        }
        format(propertiesFile);
        KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        raftServer.startup();
        server = raftServer;
        return this;
    }

    private Properties serverProperties(Path logs) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logs.toAbsolutePath().toString());
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("num.partitions", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "3");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "3");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    private void format(Path propertiesFile) throws IOException {
        Path clusterIdFile = directory.resolve("cluster.id");
        if (!Files.exists(clusterIdFile)) {
            Files.writeString(clusterIdFile, Uuid.randomUuid().toString());
        }
        String clusterId = Files.readString(clusterIdFile).trim();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exitCode = StorageTool.execute(new String[]{
                "format", "-t", clusterId, "-c", propertiesFile.toString(), "--ignore-formatted"
        }, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exitCode != 0) {
            throw new IOException("Formatting the Kafka log directory failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    /** Stops the broker as an outage would; {@link #start()} brings it back at the same address with its data. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public void close() {
        stop();
    }
}
