package org.licenselifecycle.support.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.support.sql.Sql;

/**
 * Makes a consumer idempotent: it records the event id in the same transaction as the event's effect,
 * and a redelivered event finds its id already there.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final Sql sql;
    private final Clock clock;

    ProcessedEvents(Sql sql, Clock clock) {
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * Records that {@code consumer} is applying {@code eventId} now.
     *
     * @return true the first time, false for a redelivery (whose effect must then be skipped)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return sql.update("""
                INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, ?)
                ON CONFLICT DO NOTHING""", consumer, eventId, clock.instant()) == 1;
    }

    /**
     * Records that {@code consumer} is applying each of {@code eventIds} now, in one statement.
     *
     * @return those recorded the first time (the others are redeliveries, whose effect must be skipped)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
        if (eventIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(sql.list("""
                INSERT INTO processed_event (consumer, event_id, processed_at) SELECT ?::text, id, ?::timestamptz FROM unnest(?) AS ids(id)
                ON CONFLICT DO NOTHING RETURNING event_id""", row -> Sql.uuid(row, 1),
                consumer, clock.instant(), eventIds.stream().distinct().toArray(UUID[]::new)));
    }

    /** Whether {@code consumer} has applied {@code eventId} (and still remembers it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean applied(String consumer, UUID eventId) {
        return sql.first("SELECT 1 FROM processed_event WHERE consumer = ? AND event_id = ?", row -> true, consumer, eventId)
                .isPresent();
    }
}
