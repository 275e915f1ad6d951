package org.licenselifecycle.testsupport;

import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Where the tests' PostgreSQL and Kafka come from when the environment names neither
 * ({@code QUARKUS_DATASOURCE_JDBC_URL}, {@code KAFKA_BOOTSTRAP_SERVERS}): containers (Testcontainers) where a Docker
 * engine is reachable, otherwise servers embedded in the test JVM (Zonky's PostgreSQL binaries, a KRaft broker).
 * The system property {@code test.rig} or the environment variable {@code TEST_RIG} forces one: {@code embedded},
 * {@code containers}, or {@code auto} (the default).
 */
public enum Servers {

    /** PostgreSQL from Zonky's binaries and a KRaft broker, both in the test JVM: no Docker. */
    EMBEDDED,
    /** PostgreSQL and Kafka in containers started by Testcontainers. */
    CONTAINERS;

    /** The system property that forces a choice (before {@link #ENVIRONMENT_VARIABLE}). */
    public static final String PROPERTY = "test.rig";
    /** The environment variable that forces a choice. */
    public static final String ENVIRONMENT_VARIABLE = "TEST_RIG";

    private static Servers chosen;

    /** This JVM's choice, made once. */
    public static synchronized Servers chosen() {
        if (chosen == null) {
            String setting = Optional.ofNullable(System.getProperty(PROPERTY)).orElse(System.getenv(ENVIRONMENT_VARIABLE));
            chosen = choose(setting, DockerEngine::reachable);
        }
        return chosen;
    }

    /**
     * The servers {@code setting} asks for ({@code null} or blank means {@code auto}); {@code dockerReachable} is
     * asked only under {@code auto}. Forcing containers where no engine is reachable fails when they start.
     */
    static Servers choose(String setting, BooleanSupplier dockerReachable) {
        String value = setting == null || setting.isBlank() ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto" -> dockerReachable.getAsBoolean() ? CONTAINERS : EMBEDDED;
            case "embedded" -> EMBEDDED;
            case "containers", "testcontainers" -> CONTAINERS;
            default -> throw new IllegalArgumentException(PROPERTY + " / " + ENVIRONMENT_VARIABLE + " is '" + setting
                    + "': expected embedded, containers or auto");
        };
    }
}
