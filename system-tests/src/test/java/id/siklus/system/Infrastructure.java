package id.siklus.system;

/**
 * One real PostgreSQL, one real Kafka broker and one Mongo server for the system tests: either the embedded pieces
 * (CI, machines without Docker) or containers where a Docker engine exists. The same scenarios run on both.
 */
interface Infrastructure extends AutoCloseable {

    String name();

    String jdbcUrl();

    String jdbcUsername();

    String jdbcPassword();

    String kafkaBootstrapServers();

    String mongoConnectionString();

    /** Makes the broker unreachable, as an outage would. */
    void stopKafka() throws Exception;

    /** Brings the broker back at the same address with its data. */
    void startKafka() throws Exception;

    /** Makes PostgreSQL unreachable, as an outage would. */
    void stopPostgres() throws Exception;

    /** Brings PostgreSQL back at the same address with its data. */
    void startPostgres() throws Exception;

    @Override
    void close();

    /**
     * {@code -Dsiklus.it.infrastructure=embedded|containers|auto} (default auto: containers when Docker answers).
     */
    static Infrastructure choose() throws Exception {
        String wanted = System.getProperty("siklus.it.infrastructure", "auto");
        boolean containers = switch (wanted) {
            case "embedded" -> false;
            case "containers" -> true;
            case "auto" -> ContainerInfrastructure.dockerAvailable();
            default -> throw new IllegalArgumentException("siklus.it.infrastructure must be embedded, containers "
                    + "or auto, not " + wanted);
        };
        Infrastructure infrastructure = containers ? ContainerInfrastructure.start() : EmbeddedInfrastructure.start();
        System.out.println("[siklus-it] infrastructure: " + infrastructure.name());
        return infrastructure;
    }
}
