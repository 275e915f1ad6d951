package org.licenselifecycle.support.sql;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Plain SQL on the connection of the current transaction, for the hot paths where the ORM's session,
 * entity copies and flush cost more than the statement itself. Parameters are bound by position; an
 * {@link Instant} is bound as {@code timestamptz}, a {@code UUID[]} as {@code uuid[]} and a {@code Long[]} as
 * {@code bigint[]}.
 */
@ApplicationScoped
public class Sql {

    private final DataSource dataSource;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Runs an INSERT, UPDATE or DELETE. @return how many rows it changed */
    public int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new SqlFailed(sql, e);
        }
    }

    public <T> List<T> list(String sql, Row<T> mapper, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
            return rows(statement, mapper);
        } catch (SQLException e) {
            throw new SqlFailed(sql, e);
        }
    }

    /**
     * Runs statements separated by {@code ;} in one round trip and reads their results in order; the
     * database still runs them one after the other, each seeing what was committed before it started.
     */
    public <T> T multi(String sql, Results<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            statement.execute();
            return reader.read(statement);
        } catch (SQLException e) {
            throw new SqlFailed(sql, e);
        }
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

    /** A {@code uuid[]} column of the current row. */
    public static List<UUID> uuids(ResultSet row, int column) throws SQLException {
        return List.of((UUID[]) row.getArray(column).getArray());
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                if (value instanceof Instant instant) {
                    statement.setObject(i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                } else if (value instanceof UUID[] ids) {
                    statement.setArray(i + 1, connection.createArrayOf("uuid", ids));
                } else if (value instanceof Long[] numbers) {
                    statement.setArray(i + 1, connection.createArrayOf("bigint", numbers));
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
