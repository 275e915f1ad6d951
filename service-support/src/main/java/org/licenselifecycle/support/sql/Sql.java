package org.licenselifecycle.support.sql;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.postgresql.PGStatement;

/**
 * Plain SQL on the connection of the current transaction, for the hot paths where the ORM's session,
 * entity copies and flush cost more than the statement itself. Parameters are bound by position; an
 * {@link Instant} is bound as {@code timestamptz}, a {@code UUID[]} as {@code uuid[]}, a {@code Long[]} as
 * {@code bigint[]}, an {@code Integer[]} as {@code integer[]} and a {@code String[]} as {@code text[]}.
 */
@ApplicationScoped
public class Sql {

    /** At most this many queued rows go in one INSERT: a statement's parameters are counted in 16 bits. */
    static final int MAX_JOINED_ROWS = 100;

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final boolean plannedAtEachCall;

    @Inject
    Sql(DataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this(dataSource, transactions, false);
    }

    private Sql(DataSource dataSource, TransactionSynchronizationRegistry transactions, boolean plannedAtEachCall) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.plannedAtEachCall = plannedAtEachCall;
    }

    /**
     * This {@code Sql} with every statement planned by the database at each call, for the table of the current size:
     * never server-prepared, so never run on a plan cached earlier. The JDBC driver prepares a statement on the server
     * from its fifth call on a connection, and the database then keeps a generic plan, made for the table's size at that
     * time, until the table is next analyzed. For most statements that is what makes them cheap. For one over a table
     * whose size swings, it can be a trap: the outbox's read of waiting rows, planned while the table was empty, scanned
     * the whole table once per waiting row (a pass over 4,604 rows took 37.8 s in licensing's bench). Planning anew
     * costs about 0.2 ms a call.
     */
    public Sql plannedAtEachCall() {
        return new Sql(dataSource, transactions, true);
    }

    /**
     * A write {@link #updateLater} queued, with its parameters; for a row {@link #insertLater} queued, also the
     * INSERT's head ({@code into}) and the row ({@code values}) that the rows of the same head after it join.
     */
    private record Queued(String sql, Object[] parameters, String into, String values) {

        Queued(String sql, Object[] parameters) {
            this(sql, parameters, null, null);
        }

        /** Whether {@code next} is a row of the same INSERT, which it may join (one statement of several rows). */
        boolean joinedBy(Queued next) {
            return into != null && into.equals(next.into) && values.equals(next.values);
        }
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE. @return how many rows it changed */
    public int update(String sql, Object... parameters) {
        return execute(sql, parameters, PreparedStatement::getUpdateCount);
    }

    /**
     * Queues an INSERT, UPDATE or DELETE whose row count nobody needs. It goes to the database in the same
     * round trip as the transaction's next statement through this class, or just before the commit, so a
     * change of a few rows costs one round trip instead of one per statement. Reads through the ORM do not
     * see it until then: call {@link #flush} first.
     *
     * @throws IllegalStateException outside a transaction
     */
    public void updateLater(String sql, Object... parameters) {
        queue().add(new Queued(sql, parameters));
    }

    /**
     * Queues an INSERT of one row, as {@link #updateLater} does: {@code into} is the statement up to its values
     * ({@code INSERT INTO t (a, b)}), {@code values} the row's ({@code (?, ?)}). Rows of the same INSERT queued one
     * after the other go as one statement of several rows, in the order they were queued: one statement for the
     * database to run instead of one per row (a change announcing two events writes both in one).
     */
    public void insertLater(String into, String values, Object... parameters) {
        queue().add(new Queued(into + " VALUES " + values, parameters, into, values));
    }

    /** Sends the writes {@link #updateLater} and {@link #insertLater} queued in this transaction, if any. */
    public void flush() {
        List<Queued> queued = takeQueued();
        if (!queued.isEmpty()) {
            execute(queued, null, new Object[0], executed -> null);
        }
    }

    /**
     * A write of a list of rows in one statement, in two forms that do the same: {@code oneRow}, with a lone row's
     * parameters ({@code rowParameters}), and {@code rows}, over arrays ({@code unnest(?::uuid[], ...)}), with one array
     * per column ({@code columns}). PostgreSQL plans a statement over arrays at each run (for one row about 490 instead
     * of 190 us), while it plans a one-row statement once for all: {@link #update(RowsWrite, List)} sends a lone row the
     * one-row form and several rows the array form, which they share.
     *
     * @param <T> what a row is made of
     */
    public record RowsWrite<T>(String oneRow, Function<T, Object[]> rowParameters, String rows,
            Function<List<T>, Object[]> columns) {
    }

    /** Writes the rows (none: nothing) in the form of {@code write} that fits their number. @return how many rows it changed */
    public <T> int update(RowsWrite<T> write, List<T> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return rows.size() == 1 ? update(write.oneRow(), write.rowParameters().apply(rows.get(0)))
                : update(write.rows(), write.columns().apply(rows));
    }

    /** Queues the write of the rows (none: nothing) as {@link #updateLater(String, Object...)} queues a statement. */
    public <T> void updateLater(RowsWrite<T> write, List<T> rows) {
        if (rows.size() == 1) {
            updateLater(write.oneRow(), write.rowParameters().apply(rows.get(0)));
        } else if (!rows.isEmpty()) {
            updateLater(write.rows(), write.columns().apply(rows));
        }
    }

    /**
     * The values a column is compared with in a statement (a read, or a delete): {@code column = ANY (?)} with the
     * array, or {@code column = ?} with the value when there is one. PostgreSQL keeps no generic plan for a statement
     * over an array (it plans it at each call, about 0.1 ms for a lookup by key), while it plans a statement over one
     * value once per connection; most statements on the hot paths are of one user, one product or one event key.
     *
     * @param values the values; one of them alone is bound as itself, several as their array ({@link Sql})
     */
    public record Among(Object[] values) {

        /** The condition that {@code column} is one of the values, with one parameter: {@link #parameter()}. */
        public String condition(String column) {
            return values.length == 1 ? column + " = ?" : column + " = ANY (?)";
        }

        /** The parameter of {@link #condition}: the value alone, or the array. */
        public Object parameter() {
            return values.length == 1 ? values[0] : values;
        }
    }

    /** One column of the rows, as an array for a statement over arrays ({@link RowsWrite}). */
    public static <T, C> C[] column(Collection<T> rows, Function<T, C> column, IntFunction<C[]> array) {
        return rows.stream().map(column).toArray(array);
    }

    public <T> List<T> list(String sql, Row<T> mapper, Object... parameters) {
        return execute(sql, parameters, executed -> rows(executed, mapper));
    }

    /**
     * Runs statements separated by {@code ;} in one round trip and reads their results in order; the
     * database still runs them one after the other, each seeing what was committed before it started.
     */
    public <T> T multi(String sql, Results<T> reader, Object... parameters) {
        return execute(sql, parameters, reader);
    }

    private <T> T execute(String sql, Object[] parameters, Results<T> reader) {
        return execute(takeQueued(), sql, parameters, reader);
    }

    /**
     * Runs {@code sql} (none: only the writes) after the {@code queued} writes, in one round trip, and reads
     * {@code sql}'s results.
     */
    private <T> T execute(List<Queued> queued, String sql, Object[] parameters, Results<T> reader) {
        String text = sql;
        Object[] values = parameters;
        int writes = 0;
        if (!queued.isEmpty()) {
            StringBuilder joined = new StringBuilder();
            List<Object> all = new ArrayList<>();
            Queued previous = null;
            int rows = 0;
            for (Queued write : queued) {
                if (previous != null && previous.joinedBy(write) && rows < MAX_JOINED_ROWS) {
                    joined.append(",\n").append(write.values());
                    rows++;
                } else {
                    joined.append(previous == null ? "" : ";\n").append(write.sql());
                    writes++;
                    rows = 1;
                }
                all.addAll(Arrays.asList(write.parameters()));
                previous = write;
            }
            if (sql != null) {
                joined.append(";\n").append(sql);
            } else {
                writes--; // the last write is the statement whose results the reader is handed
            }
            text = joined.toString();
            all.addAll(Arrays.asList(parameters));
            values = all.toArray();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, text, values)) {
            statement.execute();
            for (int i = 0; i < writes; i++) {
                statement.getMoreResults();
            }
            return reader.read(statement);
        } catch (SQLException e) {
            throw new SqlFailed(text, e);
        }
    }

    private List<Queued> queue() {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("A write can only be queued inside a transaction");
        }
        @SuppressWarnings("unchecked")
        List<Queued> queued = (List<Queued>) transactions.getResource(Queued.class);
        if (queued == null) {
            queued = new ArrayList<>();
            transactions.putResource(Queued.class, queued);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                        flush();
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }
        return queued;
    }

    /** The writes queued in the current transaction, taken off its queue (none outside a transaction). */
    private List<Queued> takeQueued() {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Queued> queued = (List<Queued>) transactions.getResource(Queued.class);
        if (queued == null || queued.isEmpty()) {
            return List.of();
        }
        List<Queued> taken = List.copyOf(queued);
        queued.clear();
        return taken;
    }

    /** Reads the results of {@link #multi}: the first is current, {@code getMoreResults()} moves on. */
    @FunctionalInterface
    public interface Results<T> {
        T read(PreparedStatement executed) throws SQLException;
    }

    /** The rows of the statement's current result set. */
    public static <T> List<T> rows(PreparedStatement executed, Row<T> mapper) throws SQLException {
        List<T> result = new ArrayList<>();
        try (ResultSet rows = executed.getResultSet()) {
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
        }
        return result;
    }

    public <T> Optional<T> first(String sql, Row<T> mapper, Object... parameters) {
        return list(sql, mapper, parameters).stream().findFirst();
    }

    /** A {@code uuid} column of the current row (null stays null). */
    public static UUID uuid(ResultSet row, int column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    /** A {@code timestamptz} column of the current row (null stays null). */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** A {@code uuid[]} column of the current row. */
    public static List<UUID> uuids(ResultSet row, int column) throws SQLException {
        return List.of((UUID[]) row.getArray(column).getArray());
    }

    private PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            if (plannedAtEachCall) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof Instant instant) {
                    statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                } else if (value instanceof UUID[] ids) {
                    statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else if (value instanceof Long[] numbers) {
                    statement.setArray(i + 1, connection.createArrayOf("bigint", numbers));
                } else if (value instanceof Integer[] numbers) {
                    statement.setArray(i + 1, connection.createArrayOf("integer", numbers));
                } else if (value instanceof String[] texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts));
                } else {
                    statement.setObject(i + 1, value);
                }
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    /** A statement the database refused: a bug or an outage, never the client's mistake. */
    public static class SqlFailed extends RuntimeException {
        SqlFailed(String sql, SQLException cause) {
            super("SQL failed: " + sql.strip().replaceAll("\\s+", " ") + ": " + cause.getMessage(), cause);
        }
    }
}
