package org.licenselifecycle.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.licenselifecycle.support.sql.Sql;

/**
 * What the outbox holds, counted every {@code outbox.monitor.every} by each replica ({@link OutboxMonitor}) in one small query on the
 * outbox's partial indexes: the events waiting for the relay, the age of the oldest of them, and the events set
 * aside. Shown in readiness details ({@link KafkaBrokerHealthCheck}) and metrics.
 */
@ApplicationScoped
public class OutboxBacklog {

    /** One count of the outbox; {@code oldestWaiting} is empty when nothing waits. */
    public record Snapshot(long waiting, Optional<Instant> oldestWaiting, long setAside, Instant countedAt) {

        /** How long the oldest waiting event has waited, at the time of the count. */
        public Duration oldestWaitingAge() {
            return oldestWaiting.map(oldest -> Duration.between(oldest, countedAt)).filter(age -> !age.isNegative())
                    .orElse(Duration.ZERO);
        }
    }

    private final Sql sql;
    private final Clock clock;
    private volatile Snapshot last;

    OutboxBacklog(Sql sql, Clock clock) {
        this.sql = sql.plannedAtEachCall(); // the waiting rows swing from none to thousands (Sql#plannedAtEachCall)
        this.clock = clock;
        this.last = new Snapshot(0, Optional.empty(), 0, clock.instant());
    }

    public Snapshot last() {
        return last;
    }

    /** Counts now. */
    public Snapshot count() {
        Snapshot counted = sql.first("""
                SELECT (SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND set_aside_at IS NULL),
                       (SELECT occurred_at FROM outbox_event WHERE sent_at IS NULL AND set_aside_at IS NULL
                        ORDER BY seq LIMIT 1),
                       (SELECT count(*) FROM outbox_event WHERE set_aside_at IS NOT NULL AND discarded_at IS NULL)""",
                row -> new Snapshot(row.getLong(1),
                        Optional.ofNullable(Sql.instant(row, 2)),
                        row.getLong(3), clock.instant()))
                .orElseThrow();
        last = counted;
        return counted;
    }
}
