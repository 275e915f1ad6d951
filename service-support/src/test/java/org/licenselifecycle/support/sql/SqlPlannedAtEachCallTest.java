package org.licenselifecycle.support.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * {@link Sql#plannedAtEachCall()}: its statements are never prepared on the server, where the database could keep a
 * plan made for an earlier size of the table; a plain {@link Sql} statement is, from its fifth call on a connection.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class SqlPlannedAtEachCallTest {

    private static final String PREPARED = "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE ?";

    @Inject
    Sql sql;

    @Test
    void aStatementPlannedAtEachCallIsNeverPreparedOnTheServer() {
        long prepared = QuarkusTransaction.requiringNew().call(() -> { // one transaction: one connection
            for (int call = 0; call < 10; call++) {
                assertThat(sql.plannedAtEachCall().first("SELECT ?::int + 1 AS planned_each_call", row -> row.getInt(1), call))
                        .contains(call + 1);
            }
            return sql.first(PREPARED, row -> row.getLong(1), "%planned_each_call%").orElseThrow();
        });

        assertThat(prepared).isZero();
    }

    @Test
    void aPlainStatementIsPreparedOnTheServerFromItsFifthCall() {
        long prepared = QuarkusTransaction.requiringNew().call(() -> {
            for (int call = 0; call < 10; call++) {
                assertThat(sql.first("SELECT ?::int + 1 AS planned_once", row -> row.getInt(1), call)).contains(call + 1);
            }
            return sql.first(PREPARED, row -> row.getLong(1), "%planned_once%").orElseThrow();
        });

        assertThat(prepared).isEqualTo(1);
    }
}
