package org.licenselifecycle.support.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.support.sql.Sql;

/**
 * Keeps each key's events in order although some go through the delayed-retry topics. An event handed to
 * them joins its key's queue, and so does every later event of that key that comes while the queue is not
 * empty (it follows the first through the retry topics): an event applies only when it is the first of its
 * key here, or its key has no queue. Per consumer, in its own database, so every replica sees the same queue.
 */
@ApplicationScoped
public class RetryQueue {

    private final Sql sql;
    private final Clock clock;

    RetryQueue(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /** The event that must apply first among {@code key}'s events, if any waits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> first(String consumer, String key) {
        return sql.first("SELECT event_id FROM retry_queue WHERE consumer = ? AND event_key = ? ORDER BY seq LIMIT 1",
                row -> Sql.uuid(row, 1), consumer, key);
    }

    /** Which of {@code keys} have events waiting in the retry topics (most often none), in one query. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> keysWaiting(String consumer, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        Sql.Among among = new Sql.Among(keys.stream().distinct().toArray(String[]::new));
        return new HashSet<>(sql.list("SELECT DISTINCT event_key FROM retry_queue WHERE consumer = ? AND "
                + among.condition("event_key"), row -> row.getString(1), consumer, among.parameter()));
    }

    /** Puts the event at the end of its key's queue, unless it is already in it (a second failure keeps its place). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void join(String consumer, String key, UUID eventId) {
        sql.update("INSERT INTO retry_queue (consumer, event_key, event_id, queued_at) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT (consumer, event_id) DO NOTHING", consumer, key, eventId, clock.instant());
    }

    /** Takes the event out of its key's queue: it was applied, or it can never be. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void leave(String consumer, UUID eventId) {
        sql.update("DELETE FROM retry_queue WHERE consumer = ? AND event_id = ?", consumer, eventId);
    }
}
