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
 * {@link Sql.RowsWrite}: a lone row goes in the one-row statement, several in the statement over arrays, and either
 * writes the same rows, against the rig's PostgreSQL. Each form marks the rows it writes, so the test sees which ran.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class SqlRowsWriteTest {

    private record Line(UUID batch, int n, String label) {
    }

    private static final Sql.RowsWrite<Line> WRITE_LINES = new Sql.RowsWrite<>(
            "INSERT INTO written_line (batch, n, label, form) VALUES (?, ?, ?, 'one row')",
            line -> new Object[] {line.batch(), line.n(), line.label()},
            """
            INSERT INTO written_line (batch, n, label, form)
            SELECT l.batch, l.n, l.label, 'arrays' FROM unnest(?::uuid[], ?::integer[], ?::text[]) AS l(batch, n, label)""",
            lines -> new Object[] {Sql.column(lines, Line::batch, UUID[]::new), Sql.column(lines, Line::n, Integer[]::new),
                    Sql.column(lines, Line::label, String[]::new)});

    @Inject
    Sql sql;

    @BeforeEach
    void aTableOfLines() {
        QuarkusTransaction.requiringNew().run(() -> sql.update("""
                CREATE TABLE IF NOT EXISTS written_line (batch uuid NOT NULL, n int NOT NULL, label text, form text NOT NULL,
                    PRIMARY KEY (batch, n))"""));
    }

    @Test
    void aLoneRowIsWrittenByTheOneRowStatementAndSeveralByTheStatementOverArrays() {
        UUID lone = UUID.randomUUID();
        UUID several = UUID.randomUUID();

        int loneWritten = QuarkusTransaction.requiringNew().call(() -> sql.update(WRITE_LINES, lines(lone, 1)));
        int severalWritten = QuarkusTransaction.requiringNew().call(() -> sql.update(WRITE_LINES, lines(several, 3)));

        assertThat(loneWritten).isEqualTo(1);
        assertThat(written(lone)).containsExactly("0 line 0 one row");
        assertThat(severalWritten).isEqualTo(3);
        assertThat(written(several)).containsExactly("0 line 0 arrays", "1 line 1 arrays", "2 line 2 arrays");
    }

    @Test
    void bothFormsWriteTheSameRows() {
        UUID oneByOne = UUID.randomUUID();
        UUID together = UUID.randomUUID();

        QuarkusTransaction.requiringNew().run(() -> lines(oneByOne, 4).forEach(line -> sql.update(WRITE_LINES, List.of(line))));
        QuarkusTransaction.requiringNew().run(() -> sql.update(WRITE_LINES, lines(together, 4)));

        assertThat(written(oneByOne)).allMatch(row -> row.endsWith(" one row"));
        assertThat(written(together)).allMatch(row -> row.endsWith(" arrays"));
        assertThat(written(oneByOne).stream().map(row -> row.replace(" one row", "")))
                .containsExactlyElementsOf(written(together).stream().map(row -> row.replace(" arrays", "")).toList())
                .hasSize(4);
    }

    @Test
    void queuedRowsGoInTheFormThatFitsTheirNumberAndNoRowsWriteNothing() {
        UUID lone = UUID.randomUUID();
        UUID several = UUID.randomUUID();

        int none = QuarkusTransaction.requiringNew().call(() -> {
            sql.updateLater(WRITE_LINES, lines(lone, 1));
            sql.updateLater(WRITE_LINES, lines(several, 2));
            sql.updateLater(WRITE_LINES, List.of());
            return sql.update(WRITE_LINES, List.of());
        });

        assertThat(none).isZero();
        assertThat(written(lone)).containsExactly("0 line 0 one row");
        assertThat(written(several)).containsExactly("0 line 0 arrays", "1 line 1 arrays");
    }

    private static List<Line> lines(UUID batch, int count) {
        return IntStream.range(0, count).mapToObj(n -> new Line(batch, n, "line " + n)).toList();
    }

    /** The batch's rows in words, in order: number, label, the form that wrote it. */
    private List<String> written(UUID batch) {
        return sql.list("SELECT n, label, form FROM written_line WHERE batch = ? ORDER BY n",
                row -> row.getInt(1) + " " + row.getString(2) + " " + row.getString(3), batch);
    }
}
