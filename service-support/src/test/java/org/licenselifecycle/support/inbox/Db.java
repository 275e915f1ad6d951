package org.licenselifecycle.support.inbox;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the test application's database directly, for what no API shows (processed_event, retry_queue rows). */
final class Db {

    private Db() {
    }

    static long count(AgroalDataSource dataSource, String sql, Object... params) {
        List<Long> values = column(dataSource, sql, Long.class, params);
        return values.isEmpty() || values.get(0) == null ? 0 : values.get(0);
    }

    /** The first column of every row, as UUIDs, in the query's order. */
    static List<UUID> uuids(AgroalDataSource dataSource, String sql, Object... params) {
        return column(dataSource, sql, UUID.class, params);
    }

    private static <T> List<T> column(AgroalDataSource dataSource, String sql, Class<T> type, Object... params) {
        List<T> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getObject(1, type));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return values;
    }
}
