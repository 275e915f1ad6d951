package org.licenselifecycle.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.Postgres;

/**
 * The three services as built, each in its own JVM and database, on the rig's PostgreSQL and Kafka, and
 * an admin console in front of them for each tenant a browser test signs in to (the demo sign-in offers
 * only its configured tenant); started once for all system tests of this JVM and stopped when it exits.
 */
final class RunningSystem {

    /** Rows per page of the console's lists: small, so that paging shows with a few dozen users. */
    static final int CONSOLE_PAGE_SIZE = 25;

    /** How long the services and consoles may take to stop when the JVM exits, all together, before they are killed. */
    private static final Duration EXIT_GRACE = Duration.ofSeconds(10);

    private static RunningSystem instance;

    final ServiceProcess directory;
    final ServiceProcess licensing;
    final ServiceProcess lifecycle;
    private final Map<UUID, ServiceProcess> consoles = new ConcurrentHashMap<>();

    private RunningSystem() {
        String kafka = Kafka.bootstrapServers();
        // lifecycle first: directory's offboarding asks it (DIRECTORY_LIFECYCLE_URL), as licensing asks directory
        lifecycle = ServiceProcess.start("data-lifecycle-service", environment("lifecycle", kafka));
        directory = ServiceProcess.start("directory-service", directoryEnvironment("directory", kafka, lifecycle));
        licensing = ServiceProcess.start("licensing-service", licensingEnvironment("licensing", kafka, directory));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            List<ServiceProcess> all = new ArrayList<>(consoles.values());
            all.addAll(services());
            ServiceProcess.stopAll(all, EXIT_GRACE);
        }, "system-tests-stop-services"));
        services().forEach(ServiceProcess::awaitReady);
    }

    /** The admin console whose demo sign-in offers {@code tenantId}'s admins, started on first use. */
    ServiceProcess consoleFor(UUID tenantId) {
        return consoles.computeIfAbsent(tenantId, tenant -> ServiceProcess.start("admin-console", Map.of(
                "CONSOLE_DIRECTORY_URL", directory.baseUrl(),
                "CONSOLE_LICENSING_URL", licensing.baseUrl(),
                "CONSOLE_LIFECYCLE_URL", lifecycle.baseUrl(),
                "CONSOLE_PAGE_SIZE", Integer.toString(CONSOLE_PAGE_SIZE),
                "CONSOLE_DEMO_SIGN_IN_TENANT_ID", tenant.toString(),
                "CONSOLE_DEMO_SIGN_IN_SIGNING_KEY", ServiceProcess.projectRoot()
                        .resolve("deploy/local/dev-keys/private-key.pem").toString())).awaitReady());
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    /** The three services (a console is not one: it has no database, Kafka or API of its own). */
    List<ServiceProcess> services() {
        return List.of(directory, licensing, lifecycle);
    }

    /** licensing-service's settings: it asks directory-service about a user whose events have not arrived yet. */
    static Map<String, String> licensingEnvironment(String database, String kafka, ServiceProcess directory) {
        Map<String, String> environment = new HashMap<>(environment(database, kafka));
        environment.put("LICENSING_DIRECTORY_URL", directory.baseUrl());
        return environment;
    }

    /** directory-service's settings: its offboarding asks data-lifecycle-service what deleting a user does to their data. */
    static Map<String, String> directoryEnvironment(String database, String kafka, ServiceProcess lifecycle) {
        Map<String, String> environment = new HashMap<>(environment(database, kafka));
        environment.put("DIRECTORY_LIFECYCLE_URL", lifecycle.baseUrl());
        return environment;
    }

    static Map<String, String> environment(String database, String kafka) {
        return Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", Postgres.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", "",
                "KAFKA_BOOTSTRAP_SERVERS", kafka);
    }
}
