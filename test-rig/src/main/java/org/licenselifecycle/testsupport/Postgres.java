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
 * when the environment gives one, otherwise an embedded server (Zonky's binaries from Maven) on a random
 * port, started once and stopped when the JVM exits.
 */
public final class Postgres {

    private static EmbeddedPostgres embedded;

    private Postgres() {
    }

    /** Whether the environment names a database, so that nothing is started here. */
    public static boolean givenByEnvironment() {
        return System.getenv("QUARKUS_DATASOURCE_JDBC_URL") != null;
    }

    /** The embedded server, started on first use. */
    public static synchronized EmbeddedPostgres embedded() {
        if (embedded == null) {
            try {
                embedded = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = embedded;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is leaving; the data directory is temporary
                }
            }));
        }
        return embedded;
    }

    /** JDBC URL of {@code database} on the embedded server, created when missing. */
    public static String jdbcUrl(String database) {
        EmbeddedPostgres server = embedded();
        try (Connection c = DriverManager.getConnection(server.getJdbcUrl("postgres", "postgres"), "postgres", "");
                Statement s = c.createStatement()) {
            var exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
            if (!exists.next()) {
                s.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
        return server.getJdbcUrl("postgres", database);
    }
}
