package org.licenselifecycle.support.migration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The shared tables' migrations ({@value #LOCATION}: outbox, processed events, retry queue) in a Flyway history
 * of their own, {@value #HISTORY}, applied before each service's own migrations ({@code db/migration}, in
 * {@code flyway_schema_history}). So a new shared migration is applied on databases whose service is already
 * past it in its own numbering, without out-of-order migrations.
 *
 * <p>Quarkus' Flyway (migrate-at-start) migrates the service; as it makes that Flyway, this customizer takes the
 * shared scripts out of it and migrates them first with a second Flyway on the same datasource. A database
 * migrated before the split has the shared versions (0.x) in the service's history: they are adopted, i.e. the
 * shared history starts as a baseline at the highest of them and they leave the service's history, which would
 * otherwise find them missing. On a new database the service's history starts with a baseline at 0, since the
 * shared tables are already there when it is created.
 */
@Singleton
public class SharedMigrations implements FlywayConfigurationCustomizer {

    /** Where the shared scripts are, on the class path. */
    public static final String LOCATION = "db/support";

    /** The shared tables' Flyway history. */
    public static final String HISTORY = "flyway_support_history";

    private static final String SHARED_VERSIONS = "0.%";

    private static final Predicate<LoadableResource> SHARED = resource -> resource.getAbsolutePath().startsWith(LOCATION + "/");

    @Override
    public void customize(FluentConfiguration service) {
        // Quarkus indexed both folders at build time (quarkus.flyway.locations): the service keeps its own scripts
        ResourceProvider all = service.getResourceProvider();
        Consumer<FluentConfiguration> sharedScripts;
        if (all != null) {
            service.resourceProvider(only(all, SHARED.negate()));
            sharedScripts = shared -> shared.resourceProvider(only(all, SHARED)).javaMigrationClassProvider(new NoJavaMigrations());
        } else {
            sharedScripts = shared -> shared.locations("classpath:" + LOCATION);
        }
        service.locations(Arrays.stream(service.getLocations()).filter(l -> !l.getPath().equals(LOCATION)).toArray(Location[]::new));
        migrate(service, sharedScripts);
    }

    /**
     * Migrates the shared tables of {@code service}'s database in their own history, adopting the shared versions
     * its history holds from before the split, and starts the service's history at 0 if it has none yet.
     *
     * @param sharedScripts gives the shared Flyway its scripts (Quarkus' build-time index, or class path locations)
     */
    static void migrate(FluentConfiguration service, Consumer<FluentConfiguration> sharedScripts) {
        DataSource dataSource = service.getDataSource();
        String serviceHistory = service.getTable();
        Optional<MigrationVersion> adopted;
        boolean serviceHistoryExists;
        try (Connection connection = dataSource.getConnection()) {
            serviceHistoryExists = exists(connection, serviceHistory);
            adopted = serviceHistoryExists ? highestSharedVersion(connection, serviceHistory) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the Flyway history " + serviceHistory, e);
        }

        FluentConfiguration shared = Flyway.configure(service.getClassLoader())
                .dataSource(dataSource)
                .schemas(service.getSchemas())
                .defaultSchema(service.getDefaultSchema())
                .connectRetries(service.getConnectRetries())
                .table(HISTORY)
                .callbacks(new Callback[0])
                .cleanDisabled(true)
                .baselineDescription("shared migrations adopted from " + serviceHistory);
        sharedScripts.accept(shared);
        if (adopted.isPresent()) {
            // A database from before the split: its shared tables are there, recorded in the service's history
            shared.baselineOnMigrate(true).baselineVersion(adopted.get());
        }
        shared.load().migrate();
        if (adopted.isPresent()) {
            forget(dataSource, serviceHistory);
        }
        if (!serviceHistoryExists) {
            // the schema holds the shared tables already, which Flyway would otherwise take for unknown ones
            service.baselineOnMigrate(true).baselineVersion("0").baselineDescription("shared tables first, in " + HISTORY);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static Optional<MigrationVersion> highestSharedVersion(Connection connection, String table) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT version FROM " + table + " WHERE success AND version LIKE '" + SHARED_VERSIONS + "'")) {
            Optional<MigrationVersion> highest = Optional.empty();
            while (rs.next()) {
                MigrationVersion version = MigrationVersion.fromVersion(rs.getString(1));
                if (highest.isEmpty() || version.isNewerThan(highest.get().getVersion())) {
                    highest = Optional.of(version);
                }
            }
            return highest;
        }
    }

    /** The shared versions leave the service's history once the shared history holds them. */
    private static void forget(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            s.executeUpdate("DELETE FROM " + table + " WHERE version LIKE '" + SHARED_VERSIONS + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot move the shared migrations out of " + table, e);
        }
    }

    private static ResourceProvider only(ResourceProvider all, Predicate<LoadableResource> which) {
        return new ResourceProvider() {
            @Override
            public LoadableResource getResource(String name) {
                LoadableResource resource = all.getResource(name);
                return resource != null && which.test(resource) ? resource : null;
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
                return all.getResources(prefix, suffixes).stream().filter(which).toList();
            }
        };
    }

    /** The shared migrations are SQL only; the service's Java migrations stay with the service. */
    private static final class NoJavaMigrations implements ClassProvider<JavaMigration> {
        @Override
        public Collection<Class<? extends JavaMigration>> getClasses() {
            return List.of();
        }
    }
}
