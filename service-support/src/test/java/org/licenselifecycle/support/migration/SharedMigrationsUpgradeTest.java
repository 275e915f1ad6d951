package org.licenselifecycle.support.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Postgres;

/**
 * {@link SharedMigrations} on databases of their own on the rig's PostgreSQL: one migrated the old way (the shared
 * 0.x scripts in the service's history, out of order) keeps its tables and rows, its shared versions move to
 * {@value SharedMigrations#HISTORY}, and a shared migration written later applies on it without out-of-order; a
 * new database gets both histories; a second start changes nothing. {@code db/upgrade-service} stands in for a
 * service's own migrations.
 */
class SharedMigrationsUpgradeTest {

    private static final String SHARED = "classpath:" + SharedMigrations.LOCATION;
    private static final String SERVICE = "classpath:db/upgrade-service";

    @Test
    void aDatabaseMigratedTheOldWayKeepsItsRowsAndItsSharedVersionsMoveToTheirOwnHistory() throws SQLException {
        String url = databaseMigratedTheOldWay();
        UUID eventId = UUID.randomUUID();
        execute(url, "INSERT INTO processed_event (consumer, event_id, processed_at) VALUES ('old', '" + eventId + "', now())");

        FluentConfiguration service = Flyway.configure().dataSource(url, "postgres", "").locations(SHARED, SERVICE);
        new SharedMigrations().customize(service);
        MigrateResult result = service.load().migrate();

        assertThat(result.migrationsExecuted).isZero();
        assertThat(versions(url, SharedMigrations.HISTORY)).as("a baseline at the last shared version applied").containsExactly("0.5");
        assertThat(versions(url, "flyway_schema_history")).containsExactly("1");
        assertThat(strings(url, "SELECT consumer FROM processed_event WHERE event_id = '" + eventId + "'")).containsExactly("old");
        service.load().validate();
    }

    @Test
    void aSharedMigrationWrittenLaterAppliesOnADatabaseMigratedTheOldWayWithoutOutOfOrder() throws SQLException {
        String url = databaseMigratedTheOldWay();

        FluentConfiguration service = Flyway.configure().dataSource(url, "postgres", "").locations(SERVICE);
        assertThat(service.isOutOfOrder()).isFalse();
        SharedMigrations.migrate(service, shared -> shared.locations(SHARED, "classpath:db/later-shared"));
        service.load().migrate();

        assertThat(versions(url, SharedMigrations.HISTORY)).containsExactly("0.5", "0.6");
        assertThat(strings(url, "SELECT to_regclass('later_shared_thing')::text")).containsExactly("later_shared_thing");
        assertThat(versions(url, "flyway_schema_history")).containsExactly("1");
    }

    @Test
    void aNewDatabaseGetsTheSharedTablesInTheirOwnHistoryThenTheServicesAndASecondStartChangesNothing() throws SQLException {
        String url = Postgres.jdbcUrl("shared_new_" + UUID.randomUUID().toString().replace("-", ""));

        for (int start = 1; start <= 2; start++) {
            FluentConfiguration service = Flyway.configure().dataSource(url, "postgres", "").locations(SHARED, SERVICE);
            new SharedMigrations().customize(service);
            service.load().migrate();

            assertThat(versions(url, SharedMigrations.HISTORY)).as("start " + start).containsExactly("0.1", "0.2", "0.3", "0.4", "0.5");
            assertThat(versions(url, "flyway_schema_history")).as("start " + start).containsExactly("0", "1");
        }
        assertThat(strings(url, "SELECT to_regclass('outbox_event')::text")).containsExactly("outbox_event");
    }

    /** A new database migrated as the services did before: one history, the shared scripts in it out of order. */
    private static String databaseMigratedTheOldWay() {
        String url = Postgres.jdbcUrl("shared_old_" + UUID.randomUUID().toString().replace("-", ""));
        Flyway.configure().dataSource(url, "postgres", "").locations(SHARED, SERVICE).outOfOrder(true).load().migrate();
        return url;
    }

    private static List<String> versions(String url, String history) throws SQLException {
        return strings(url, "SELECT version FROM " + history + " WHERE success ORDER BY installed_rank");
    }

    private static List<String> strings(String url, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
