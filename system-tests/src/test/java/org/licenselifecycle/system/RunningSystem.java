package org.licenselifecycle.system;

import java.util.List;
import java.util.Map;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.Postgres;

/**
 * The three services as built, each in its own JVM and database, on the rig's PostgreSQL and Kafka;
 * started once for all system tests of this JVM and stopped when it exits.
 */
final class RunningSystem {

    private static RunningSystem instance;

    final ServiceProcess directory;
    final ServiceProcess licensing;
    final ServiceProcess lifecycle;

    private RunningSystem() {
        String kafka = Kafka.bootstrapServers();
        directory = ServiceProcess.start("directory-service", environment("directory", kafka));
        licensing = ServiceProcess.start("licensing-service", environment("licensing", kafka));
        lifecycle = ServiceProcess.start("data-lifecycle-service", environment("lifecycle", kafka));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> services().forEach(ServiceProcess::close)));
        services().forEach(ServiceProcess::awaitReady);
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    List<ServiceProcess> services() {
        return List.of(directory, licensing, lifecycle);
    }

    private static Map<String, String> environment(String database, String kafka) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", Postgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "",
                "KAFKA_BOOTSTRAP_SERVERS", kafka);
    }
}
