package org.licenselifecycle.licensing;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the service's database directly, for what no API shows (outbox rows, read-model rows). */
public final class Db {

    private Db() {
    }

    public static long count(AgroalDataSource dataSource, String sql, Object... params) {
        Object value = value(dataSource, sql, params);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static Object value(AgroalDataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs an UPDATE, for state no API of this service reaches yet; returns the rows changed. */
    public static int update(AgroalDataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The first column of every row, as UUIDs, in the query's order. */
    public static List<UUID> uuids(AgroalDataSource dataSource, String sql, Object... params) {
        List<UUID> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return values;
    }

    /** The payloads of the events of one type the service has written for one user, in the order written. */
    public static List<String> outboxPayloads(AgroalDataSource dataSource, Object userId, String ceType) {
        List<String> payloads = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT payload FROM outbox_event WHERE event_key = ? AND ce_type = ? ORDER BY seq")) {
            s.setString(1, userId.toString());
            s.setString(2, ceType);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return payloads;
    }

    /** Events the service has written to its outbox for one user (the Kafka key). */
    public static long outboxEvents(AgroalDataSource dataSource, Object userId) {
        return count(dataSource, "SELECT count(*) FROM outbox_event WHERE event_key = ?", userId.toString());
    }
}
