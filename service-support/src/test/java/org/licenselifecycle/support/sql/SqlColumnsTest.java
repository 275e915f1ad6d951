package org.licenselifecycle.support.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/** {@link Sql}'s readers of a row's columns, against the rig's PostgreSQL. */
@QuarkusTest
@WithTestResource(Rig.class)
class SqlColumnsTest {

    @Inject
    Sql sql;

    @Test
    void aTimestampColumnIsReadAsItsInstantAndNullStaysNull() {
        Instant at = Instant.parse("2026-12-01T21:17:13.123456Z");

        List<Instant> read = sql.first("SELECT ?::timestamptz, NULL::timestamptz, '2026-12-01 23:17:13.123456+02'::timestamptz",
                row -> Arrays.asList(Sql.instant(row, 1), Sql.instant(row, 2), Sql.instant(row, 3)), at).orElseThrow();

        assertThat(read).containsExactly(at, null, at);
    }
}
