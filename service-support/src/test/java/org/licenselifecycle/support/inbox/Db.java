package org.licenselifecycle.support.inbox;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * Reads the test application's database directly, for what no API shows (processed_event, retry_queue rows), and
 * builds the records the Inbox tests deliver.
 */
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

    /** How many times {@code consumer} recorded the event as processed (0 or 1). */
    static long processed(AgroalDataSource dataSource, String consumer, UUID eventId) {
        return count(dataSource, "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", consumer,
                eventId);
    }

    /** The events of {@code consumer}'s retry queue for {@code key}, first first. */
    static List<UUID> retryQueue(AgroalDataSource dataSource, String consumer, String key) {
        return uuids(dataSource, "SELECT event_id FROM retry_queue WHERE consumer = ? AND event_key = ? ORDER BY seq",
                consumer, key);
    }

    /** A UserUpdated record as directory-service sends it, with an empty payload (the Inbox tests' effects ignore it). */
    static ConsumerRecord<String, String> userUpdated(UUID eventId, String key) {
        return TestEvents.received("directory.user-events", key, "{}",
                TestEvents.headers(eventId, EventType.USER_UPDATED.ceType(), "/directory-service"));
    }

    /** A UserUpdated record under a key of its own: no other event waits behind it or before it. */
    static ConsumerRecord<String, String> userUpdated(UUID eventId) {
        return userUpdated(eventId, UUID.randomUUID().toString());
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
