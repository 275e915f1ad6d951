package org.licenselifecycle.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL and Kafka in containers (Testcontainers), for {@link Servers#CONTAINERS}: the same versions as the
 * embedded rig and deploy/k8s run (PostgreSQL 17.6, Apache Kafka 4.1.2 in KRaft mode). Each is started once per
 * JVM; Testcontainers removes them when the JVM exits. Only this class names Testcontainers' containers, so that
 * the embedded rig never loads them.
 */
final class Containers {

    static final String POSTGRES_IMAGE = "postgres:17.6";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.2";

    private static PostgreSQLContainer postgres;
    private static KafkaContainer kafka;

    private Containers() {
    }

    /**
     * JDBC URL of the container's server without a database name ({@code jdbc:postgresql://host:port/}). Its user
     * {@code postgres} needs no password, as on the embedded server, so that callers connect the same way to both.
     */
    static synchronized String postgresServerUrl() {
        if (postgres == null) {
            requireEngine();
            PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE)
                    .withUsername("postgres")
                    .withPassword("postgres")
                    .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust");
            container.start();
            postgres = container;
        }
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/";
    }

    /** The container broker's bootstrap servers, as reached from this host. */
    static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            requireEngine();
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            kafka = container;
        }
        return kafka.getBootstrapServers();
    }

    /** Containers were asked for ({@code test.rig=containers}): say plainly when there is nothing to run them. */
    private static void requireEngine() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("The test rig was set to containers (" + Servers.PROPERTY + " / "
                    + Servers.ENVIRONMENT_VARIABLE + ") but no Docker engine is reachable: set it to embedded or auto");
        }
    }
}
