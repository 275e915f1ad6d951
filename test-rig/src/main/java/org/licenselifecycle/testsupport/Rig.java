package org.licenselifecycle.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Points a {@code @QuarkusTest} at the rig's PostgreSQL and Kafka, both started in parallel. Give every
 * test class of a module this same resource, so that Quarkus starts the application once.
 */
public class Rig implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(Kafka::bootstrapServers);
        Map<String, String> config = database();
        config.put("kafka.bootstrap.servers", kafka.join());
        return config;
    }

    /** The configuration that points a service at the rig's PostgreSQL (none when the environment names one). */
    static Map<String, String> database() {
        Map<String, String> config = new HashMap<>();
        if (!Postgres.givenByEnvironment()) {
            config.put("quarkus.datasource.jdbc.url", Postgres.jdbcUrl("postgres"));
            config.put("quarkus.datasource.username", "postgres");
            config.put("quarkus.datasource.password", "");
        }
        return config;
    }

    @Override
    public void stop() {
        // the servers live as long as the JVM: the next test class of this module uses them too
    }
}
