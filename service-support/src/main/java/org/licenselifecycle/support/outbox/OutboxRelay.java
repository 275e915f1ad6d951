package org.licenselifecycle.support.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.licenselifecycle.support.sql.Sql;

/**
 * Publishes committed outbox rows in the order they were written and marks them sent once the broker
 * has acknowledged them: at least once, ordered per key. One replica relays at a time (a transaction-
 * scoped advisory lock), so order holds however many replicas run. A batch that fails half-way keeps
 * the acknowledged prefix and leaves the rest for the next run.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The scheduler identity, so that a test or an operator can pause the relay. */
    public static final String IDENTITY = "outbox-relay";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"

    private final Sql sql;
    private final OutboxSender sender;
    private final OutboxConfig config;
    private final Clock clock;
    private final Scheduler scheduler;
    private final ScheduledExecutorService waker =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay-waker"));
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();

    OutboxRelay(Sql sql, OutboxSender sender, OutboxConfig config, Clock clock, Scheduler scheduler) {
        this.sql = sql;
        this.sender = sender;
        this.config = config;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    /**
     * Runs a relay pass after {@code outbox.relay.linger}, off the caller's thread; a pass already waiting
     * covers this call too. The linger lets the commits of a busy moment share one pass (one query, one
     * transaction, one round of acknowledgements) instead of one pass each.
     */
    void wake() {
        if (paused.get() || !wakeQueued.compareAndSet(false, true)) {
            return;
        }
        waker.schedule(() -> {
            wakeQueued.set(false);
            try {
                relayPending();
            } catch (RuntimeException e) {
                LOG.warn("Outbox relay pass failed; the scheduled pass retries", e);
            }
        }, config.linger().toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Stops and resumes publishing, scheduled and after-commit alike (operators, tests). */
    public void pause() {
        paused.set(true);
        scheduler.pause(IDENTITY);
    }

    public void resume() {
        paused.set(false);
        scheduler.resume(IDENTITY);
        wake();
    }

    @PreDestroy
    void stopThreads() {
        waker.shutdown();
    }

    @Scheduled(identity = IDENTITY, every = "${outbox.relay.interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayPending() {
        int published;
        do {
            published = relay(config.batchSize(), sender);
        } while (published == config.batchSize());
    }

    /**
     * Publishes up to {@code limit} pending events through {@code via}, in one transaction.
     *
     * @return how many were acknowledged and marked sent
     */
    public int relay(int limit, OutboxSender via) {
        return QuarkusTransaction.requiringNew().call(() -> relayInTransaction(limit, via));
    }

    private int relayInTransaction(int limit, OutboxSender via) {
        boolean leader = sql.first("SELECT pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), RELAY_LOCK)
                .orElseThrow();
        if (!leader) {
            return 0;
        }
        List<PendingEvent> pending = pending(limit);
        List<CompletableFuture<Void>> acks = pending.stream().map(event -> via.send(event).toCompletableFuture()).toList();
        List<Long> acknowledged = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            try {
                acks.get(i).get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
                acknowledged.add(pending.get(i).seq());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                LOG.warnf(e, "Outbox event %s not acknowledged; it and the %d after it are retried on the next run",
                        pending.get(i).id(), pending.size() - i - 1);
                break;
            }
        }
        markSent(acknowledged);
        return acknowledged.size();
    }

    private List<PendingEvent> pending(int limit) {
        return sql.list("""
                SELECT seq, id, topic, event_key, ce_type, ce_source, occurred_at, payload
                FROM outbox_event WHERE sent_at IS NULL ORDER BY seq LIMIT ?""",
                row -> new PendingEvent(row.getLong(1), Sql.uuid(row, 2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getObject(7, OffsetDateTime.class).toInstant(),
                        row.getString(8)),
                limit);
    }

    private void markSent(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        sql.update("UPDATE outbox_event SET sent_at = ? WHERE seq = ANY (?)", clock.instant(), seqs.toArray(Long[]::new));
    }
}
