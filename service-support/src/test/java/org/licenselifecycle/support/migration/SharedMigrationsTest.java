package org.licenselifecycle.support.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * As a service starts on a new database (Quarkus' Flyway at start, with service-support's defaults), the shared
 * scripts are applied in {@value SharedMigrations#HISTORY} and none of them in the service's history.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class SharedMigrationsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theSharedScriptsAreInTheirOwnHistoryAndNotInTheServices() throws SQLException {
        assertThat(strings("SELECT version FROM " + SharedMigrations.HISTORY + " WHERE success ORDER BY installed_rank"))
                .containsExactly("0.1", "0.2", "0.3", "0.4", "0.5");
        assertThat(strings("SELECT version FROM flyway_schema_history ORDER BY installed_rank"))
                .as("the baseline the service's history starts with (this test application has no migrations of its own)")
                .containsExactly("0");
        assertThat(strings("SELECT to_regclass('retry_queue')::text")).containsExactly("retry_queue");
    }

    /** V0_5: the event id, random for each row, is not indexed. */
    @Test
    void theOutboxIndexesWhatTheRelayItsCleanupAndItsAdministratorsReadAndNotTheEventId() throws SQLException {
        assertThat(strings("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'outbox_event'"
                + " ORDER BY indexname"))
                .containsExactly("outbox_event_discarded_at", "outbox_event_pkey", "outbox_event_sent_at",
                        "outbox_event_set_aside", "outbox_event_waiting");
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
