package org.licenselifecycle.support.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {

    @Test
    void aDeadlockOrSerializationFailureWrappedAtCommitIsALostTransaction() {
        RuntimeException commit = new IllegalStateException("Could not commit transaction");
        commit.addSuppressed(new RuntimeException("could not execute statement", new SQLException("deadlock", "40P01")));
        assertThat(SqlFailures.lostToAnotherTransaction(commit)).isTrue();
        assertThat(SqlFailures.lostToAnotherTransaction(new RuntimeException(new SQLException("x", "40001")))).isTrue();
        assertThat(SqlFailures.databaseUnavailable(commit)).isFalse();
    }

    @Test
    void connectionFailuresAndAServerShuttingDownAreTheDatabaseUnavailable() {
        assertThat(SqlFailures.databaseUnavailable(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(SqlFailures.databaseUnavailable(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(SqlFailures.databaseUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(SqlFailures.databaseUnavailable(new SQLException("starting up", "57P03"))).isTrue();
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("connection lost", "08003"));
        assertThat(SqlFailures.databaseUnavailable(batch)).as("the next exception of a batch").isTrue();
    }

    @Test
    void aStatementStoppedByItsTimeoutIsTimedOutAndNothingElse() {
        RuntimeException stopped = new RuntimeException("could not extract ResultSet",
                new SQLException("canceling statement due to statement timeout", "57014"));
        assertThat(SqlFailures.statementTimedOut(stopped)).isTrue();
        assertThat(SqlFailures.databaseUnavailable(stopped)).isFalse();
        assertThat(SqlFailures.lostToAnotherTransaction(stopped)).isFalse();
    }

    @Test
    void otherFailuresAreNeither() {
        SQLException unique = new SQLException("duplicate key", "23505");
        assertThat(SqlFailures.databaseUnavailable(unique)).isFalse();
        assertThat(SqlFailures.lostToAnotherTransaction(unique)).isFalse();
        assertThat(SqlFailures.statementTimedOut(unique)).isFalse();
        assertThat(SqlFailures.databaseUnavailable(new SQLException("no state"))).isFalse();
        assertThat(SqlFailures.databaseUnavailable(new IllegalStateException("not SQL at all"))).isFalse();
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(SqlFailures.databaseUnavailable(a)).isFalse();
    }
}
