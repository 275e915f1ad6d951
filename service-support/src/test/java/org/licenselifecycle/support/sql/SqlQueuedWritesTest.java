package org.licenselifecycle.support.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/** Writes queued with {@link Sql#updateLater} and {@link Sql#insertLater} reach the database with the next statement or the commit, never with a rollback. */
@QuarkusTest
@WithTestResource(Rig.class)
class SqlQueuedWritesTest {

    private static final String INSERT_USER = """
            INSERT INTO queued_user (user_id, tenant_id, user_principal_name, display_name, account_enabled, created_at,
                                        changed_at)
            VALUES (?, ?, ?, 'Queued', TRUE, ?, now())""";

    @Inject
    Sql sql;

    /** This test application's own table, shaped as licensing's directory_user (the columns the writes name). */
    @BeforeEach
    void aTableOfUsers() {
        QuarkusTransaction.requiringNew().run(() -> sql.update("""
                CREATE TABLE IF NOT EXISTS queued_user (user_id uuid PRIMARY KEY, tenant_id uuid NOT NULL,
                    user_principal_name text NOT NULL, display_name text, account_enabled boolean NOT NULL,
                    created_at timestamptz NOT NULL, changed_at timestamptz NOT NULL)"""));
    }

    @Test
    void aQueuedWriteIsSeenByTheNextStatementOfTheTransaction() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();

        List<UUID> seen = QuarkusTransaction.requiringNew().call(() -> {
            sql.updateLater(INSERT_USER, user, tenant, user + "@queued.example", Instant.now());
            sql.updateLater("UPDATE queued_user SET display_name = 'Renamed' WHERE user_id = ?", user);
            return sql.list("SELECT user_id FROM queued_user WHERE tenant_id = ? AND display_name = 'Renamed'",
                    row -> Sql.uuid(row, 1), tenant);
        });

        assertThat(seen).containsExactly(user);
    }

    @Test
    void aQueuedWriteWithNoStatementAfterItIsCommittedWithTheTransaction() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> sql.updateLater(INSERT_USER, user, tenant, user + "@queued.example",
                Instant.now()));

        assertThat(usersOf(tenant)).containsExactly(user);
    }

    @Test
    void aQueuedWriteOfARolledBackTransactionIsNeverSent() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            sql.updateLater(INSERT_USER, user, tenant, user + "@queued.example", Instant.now());
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(usersOf(tenant)).isEmpty();
    }

    @Test
    void rowsOfOneInsertQueuedOneAfterTheOtherAreAllWrittenInTheOrderQueued() {
        QuarkusTransaction.requiringNew().run(() -> sql.update(
                "CREATE TABLE IF NOT EXISTS queued_row (seq bigserial PRIMARY KEY, batch uuid NOT NULL, n int NOT NULL)"));
        UUID batch = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        int rows = Sql.MAX_JOINED_ROWS * 2 + 3; // more than one INSERT holds

        List<Integer> seen = QuarkusTransaction.requiringNew().call(() -> {
            for (int n = 0; n < rows; n++) {
                sql.insertLater("INSERT INTO queued_row (batch, n)", "(?, ?)", batch, n);
                if (n == 1) {
                    // another write between rows: the rows after it are an INSERT of their own, still after it
                    sql.updateLater(INSERT_USER, user, batch, user + "@queued.example", Instant.now());
                }
            }
            return sql.list("SELECT n FROM queued_row WHERE batch = ? ORDER BY seq", row -> row.getInt(1), batch);
        });

        assertThat(seen).hasSize(rows).isSorted();
        assertThat(usersOf(batch)).containsExactly(user);
    }

    @Test
    void rowsQueuedLastAreCommittedWithTheTransactionAndNeverWithARollback() {
        QuarkusTransaction.requiringNew().run(() -> sql.update(
                "CREATE TABLE IF NOT EXISTS queued_row (seq bigserial PRIMARY KEY, batch uuid NOT NULL, n int NOT NULL)"));
        UUID committed = UUID.randomUUID();
        UUID rolledBack = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> {
            sql.insertLater("INSERT INTO queued_row (batch, n)", "(?, ?)", committed, 1);
            sql.insertLater("INSERT INTO queued_row (batch, n)", "(?, ?)", committed, 2);
        });
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            sql.insertLater("INSERT INTO queued_row (batch, n)", "(?, ?)", rolledBack, 1);
            sql.insertLater("INSERT INTO queued_row (batch, n)", "(?, ?)", rolledBack, 2);
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(sql.list("SELECT n FROM queued_row WHERE batch = ? ORDER BY seq", row -> row.getInt(1), committed))
                .containsExactly(1, 2);
        assertThat(sql.list("SELECT n FROM queued_row WHERE batch = ?", row -> row.getInt(1), rolledBack)).isEmpty();
    }

    @Test
    void aWriteCannotBeQueuedOutsideATransaction() {
        assertThatThrownBy(() -> sql.updateLater("DELETE FROM queued_user WHERE user_id = ?", UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class);
    }

    private List<UUID> usersOf(UUID tenant) {
        return sql.list("SELECT user_id FROM queued_user WHERE tenant_id = ?", row -> Sql.uuid(row, 1), tenant);
    }
}
