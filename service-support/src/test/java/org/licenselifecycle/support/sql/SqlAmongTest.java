package org.licenselifecycle.support.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * {@link Sql.Among}: one value is compared as itself, several as their array, both read the same rows, and the
 * database keeps a plan for the statement over one value, while it plans the statement over an array at each call
 * (against the rig's PostgreSQL: {@code pg_prepared_statements} counts the generic and the custom plans).
 */
@QuarkusTest
@WithTestResource(Rig.class)
class SqlAmongTest {

    private static final String PLANS = "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE ?";

    @Inject
    Sql sql;

    private final List<UUID> ids = IntStream.range(0, 4).mapToObj(n -> UUID.randomUUID()).toList();

    @BeforeEach
    void aTableOfKeyedRows() {
        QuarkusTransaction.requiringNew().run(() -> {
            sql.update("CREATE TABLE IF NOT EXISTS among_row (id uuid PRIMARY KEY, n int NOT NULL)");
            for (int n = 0; n < ids.size(); n++) {
                sql.update("INSERT INTO among_row (id, n) VALUES (?, ?)", ids.get(n), n);
            }
        });
    }

    @Test
    void oneValueIsComparedAsItselfAndSeveralAsTheirArray() {
        Sql.Among one = new Sql.Among(new UUID[] {ids.get(2)});
        Sql.Among several = new Sql.Among(new UUID[] {ids.get(3), ids.get(0), ids.get(1)});

        assertThat(one.condition("r.id")).isEqualTo("r.id = ?");
        assertThat(one.parameter()).isEqualTo(ids.get(2));
        assertThat(several.condition("r.id")).isEqualTo("r.id = ANY (?)");
        assertThat(several.parameter()).isEqualTo(new UUID[] {ids.get(3), ids.get(0), ids.get(1)});
        assertThat(numbers(one)).containsExactly(2);
        assertThat(numbers(several)).containsExactly(0, 1, 3);
    }

    @Test
    void theDatabaseKeepsAPlanForOneValueAndPlansAnArrayAtEachCall() {
        List<long[]> plans = QuarkusTransaction.requiringNew().call(() -> { // one transaction: one connection
            for (int call = 0; call < 10; call++) {
                assertThat(numbers(new Sql.Among(new UUID[] {ids.get(1)}), "among_one")).containsExactly(1);
                assertThat(numbers(new Sql.Among(new UUID[] {ids.get(1), ids.get(2)}), "among_several")).containsExactly(1, 2);
            }
            // the driver prepares a statement on the server from its fifth call: calls 5 to 10 ran there
            return List.of(plans("%among_one%"), plans("%among_several%"));
        });

        long[] one = plans.get(0);
        long[] several = plans.get(1);
        assertThat(one[0]).as("generic plans over one value").isPositive();
        assertThat(one[0] + one[1]).as("calls on the server").isEqualTo(several[0] + several[1]).isEqualTo(6);
        assertThat(several[0]).as("generic plans over an array").isZero();
    }

    /** The generic and the custom plans the database made of the prepared statement like {@code pattern}. */
    private long[] plans(String pattern) {
        return sql.first(PLANS, row -> new long[] {row.getLong(1), row.getLong(2)}, pattern).orElseThrow();
    }

    private List<Integer> numbers(Sql.Among among) {
        return numbers(among, "among");
    }

    private List<Integer> numbers(Sql.Among among, String label) {
        return sql.list("SELECT n AS " + label + " FROM among_row r WHERE " + among.condition("r.id") + " ORDER BY n",
                row -> row.getInt(1), among.parameter());
    }
}
