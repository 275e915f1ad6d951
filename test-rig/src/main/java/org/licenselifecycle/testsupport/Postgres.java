package org.licenselifecycle.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL for the tests of this JVM: the server named by {@code QUARKUS_DATASOURCE_JDBC_URL}
 * when the environment gives one, otherwise one started once for this JVM, from {@link Servers#chosen()}: a
 * container where a Docker engine is reachable, else an embedded server (Zonky's binaries from Maven) on a
 * random port, stopped when the JVM exits. Either way the user {@code postgres} connects without a password.
 */
public final class Postgres {

    /** {@code jdbc:postgresql://host:port/} of the started server. */
    private static String serverUrl;

    private Postgres() {
    }

    /** Whether the environment names a database, so that nothing is started here. */
    public static boolean givenByEnvironment() {
        return System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null;
    }

    /** JDBC URL of {@code database} on the started server, created when missing. */
    public static String jdbcUrl(String database) {
        String server = serverUrl();
        try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            var exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                s.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
        return server + database;
    }

    private static synchronized String serverUrl() {
        if (serverUrl == null) {
            serverUrl = switch (Servers.chosen()) {
                case CONTAINERS -> Containers.postgresServerUrl();
                case EMBEDDED -> embeddedServerUrl();
            };
        }
        return serverUrl;
    }

    private static String embeddedServerUrl() {
        EmbeddedPostgres embedded;
        try {
            embedded = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (IOException ignored) {
                // the JVM is leaving; the data directory is temporary
            }
        }));
        return "jdbc:postgresql://localhost:" + embedded.getPort() + "/";
    }
}
