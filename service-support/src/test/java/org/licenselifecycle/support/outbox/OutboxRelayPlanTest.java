package org.licenselifecycle.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.support.sql.Sql;
import org.licenselifecycle.testsupport.Rig;

/**
 * The relay's read of waiting rows after the outbox's statistics were taken while it was empty, as on a fresh install
 * before its first busy minute. Before each read was planned anew, the relay's connection kept the plan it cached on
 * the empty table, a nested loop with a scan of the whole table per waiting row: licensing's bench saw a pass over
 * 4,604 rows take 37.8 s.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class OutboxRelayPlanTest {

    private static final int WAITING = 3_000;
    private static final int BATCH = 500;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    Sql sql;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aPassAfterTheTableWasAnalyzedEmptyReadsTheOldestWaitingRowsWithoutScanningTheTablePerRow() throws SQLException {
        relay.pause();
        try {
            QuarkusTransaction.requiringNew().run(() -> sql.update("DELETE FROM outbox_event"));
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("VACUUM (ANALYZE) outbox_event");
            }
            // reltuples, not relpages: VACUUM leaves the emptied page when a reader holds the table at that moment
            assertThat(sql.first("SELECT reltuples FROM pg_class WHERE relname = 'outbox_event'", row -> row.getFloat(1)))
                    .as("the statistics say the table is empty").contains(0f);
            for (int pass = 0; pass < 12; pass++) {
                assertThat(relay.relay(BATCH, event -> CompletableFuture.completedFuture(null))).isZero();
            }

            List<UUID> written = QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> ids = new ArrayList<>(WAITING);
                for (int i = 0; i < WAITING; i++) {
                    UUID userId = UUID.randomUUID();
                    ids.add(outbox.add(userId, new UserPurged(UUID.randomUUID(), userId, "planned" + i + "@contoso.example",
                            null, Instant.now())));
                }
                return ids;
            });

            AtomicLong scannedBeforeTheFirstSend = new AtomicLong(-1);
            List<UUID> sent = new ArrayList<>();
            int acknowledged = relay.relay(BATCH, event -> {
                if (sent.isEmpty()) { // inside the pass's transaction, on its connection: what its read did so far
                    scannedBeforeTheFirstSend.set(sql.first(
                            "SELECT seq_tup_read FROM pg_stat_xact_user_tables WHERE relname = 'outbox_event'",
                            row -> row.getLong(1)).orElseThrow());
                }
                sent.add(event.id());
                return CompletableFuture.completedFuture(null);
            });

            assertThat(acknowledged).isEqualTo(BATCH);
            assertThat(sent).as("the oldest waiting rows, in write order").isEqualTo(written.subList(0, BATCH));
            assertThat(scannedBeforeTheFirstSend.get()).as("rows the read fetched by scanning the table")
                    .isBetween(0L, 2L * WAITING);
        } finally {
            QuarkusTransaction.requiringNew().run(() -> sql.update("UPDATE outbox_event SET sent_at = now() WHERE sent_at IS NULL"));
            relay.resume();
        }
    }

    /**
     * The relay's writes (marking rows sent, recording failures) are planned at each call like its read: the driver
     * prepares a statement on the server from its fifth call on a connection, and a plan cached while the table was
     * empty can scan it once per pass.
     */
    @Test
    void noStatementOfTheRelayStaysPreparedOnItsConnectionAfterManyPasses() {
        relay.pause();
        try {
            QuarkusTransaction.requiringNew().run(() -> sql.update("UPDATE outbox_event SET sent_at = now() WHERE sent_at IS NULL"));
            Set<Integer> connections = new HashSet<>();
            List<Long> preparedSeenBySend = new ArrayList<>();
            for (int pass = 0; pass < 8; pass++) {
                UUID userId = UUID.randomUUID();
                QuarkusTransaction.requiringNew().run(() -> outbox.add(userId, new UserPurged(UUID.randomUUID(), userId,
                        "prepared@contoso.example", null, Instant.now())));
                assertThat(relay.relay(BATCH, event -> {
                    connections.add(sql.first("SELECT pg_backend_pid()", row -> row.getInt(1)).orElseThrow());
                    preparedSeenBySend.add(sql.first("""
                            SELECT count(*) FROM pg_prepared_statements
                            WHERE statement LIKE '%outbox_event%' AND statement NOT LIKE '%INSERT INTO outbox_event%'""",
                            row -> row.getLong(1)).orElseThrow());
                    return CompletableFuture.completedFuture(null);
                })).isEqualTo(1);
            }

            assertThat(connections).as("every pass ran on one connection, where a prepared statement would stay").hasSize(1);
            assertThat(preparedSeenBySend).as("statements of the relay prepared on its connection, pass by pass")
                    .hasSize(8).containsOnly(0L);
        } finally {
            relay.resume();
        }
    }
}
