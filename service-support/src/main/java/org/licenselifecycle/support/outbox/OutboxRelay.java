package org.licenselifecycle.support.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import org.licenselifecycle.support.sql.Sql;

/**
 * Publishes committed outbox rows in the order they were written and marks them sent once the broker
 * has acknowledged them: at least once, ordered per key (topic and {@code event_key}). One replica relays at
 * a time (a transaction-scoped advisory lock), so order holds however many replicas run.
 *
 * <p>A pass reads up to a batch of waiting rows and sends them in rounds: the first waiting row of every key
 * together (pipelined, one round of acknowledgements), then the next row of each key whose previous one was
 * acknowledged, and so on. Most batches are one round (one event per key). A row is never in flight while an
 * earlier row of its key is unacknowledged, because Kafka's idempotent producer ({@code enable.idempotence},
 * at most 5 requests in flight) keeps a partition's order only across its own retries: a record refused for
 * good (too large, say) is dropped while the records after it are still written. Sending a key's next row
 * only after the previous one's acknowledgement is what keeps the key's order whatever fails; only
 * acknowledged rows are marked sent, and a row whose predecessor failed is not even sent.
 *
 * <p>A failed row holds back only its own key: other keys are published and marked sent. A refusal for good
 * ({@link Refusals}) counts toward {@code outbox.relay.set-aside-after}; then the row is set aside, and later
 * rows of its key stay waiting behind it until an administrator retries or discards it ({@link SetAsideEvents}).
 * Timeouts and retriable errors never count: a broker away or slow sets nothing aside. While {@link BrokerWatch}
 * finds the broker unreachable the scheduled passes are skipped.
 */
@ApplicationScoped
public class OutboxRelay {

    /** The scheduler identity, so that a test or an operator can pause the relay. */
    public static final String IDENTITY = "outbox-relay";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"

    /** Every statement planned at its call: a plan cached while the table was empty can scan it once per waiting row. */
    private final Sql sql;
    private final OutboxSender sender;
    private final OutboxConfig config;
    private final Clock clock;
    private final Scheduler scheduler;
    private final BrokerWatch broker;
    private final ScheduledExecutorService waker =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "outbox-relay-waker"));
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final RelayLinger linger;

    private final Timer sendLatency;

    OutboxRelay(Sql sql, OutboxSender sender, OutboxConfig config, Clock clock, Scheduler scheduler, BrokerWatch broker,
            MeterRegistry metrics) {
        this.sendLatency = Timer.builder("outbox.relay.send")
                .description("Time from the relay's send of an outbox event to the broker's acknowledgement")
                .register(metrics);
        this.sql = sql.plannedAtEachCall();
        this.sender = sender;
        this.config = config;
        this.clock = clock;
        this.scheduler = scheduler;
        this.broker = broker;
        this.linger = new RelayLinger(config.linger(), config.maxLinger(), config.busyPass());
    }

    /**
     * Runs a relay pass after {@code outbox.relay.linger}, off the caller's thread; a pass already waiting
     * covers this call too. The linger lets the commits of a busy moment share one pass (one query, one
     * transaction, one round of acknowledgements) instead of one pass each; while passes stay busy it grows up to
     * {@code outbox.relay.max-linger} ({@link RelayLinger}).
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
        }, linger.nanos(), TimeUnit.NANOSECONDS);
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
        if (broker.unreachable()) {
            return;
        }
        Pass pass;
        int published = 0;
        do {
            pass = QuarkusTransaction.requiringNew().call(() -> relayInTransaction(config.batchSize(), sender));
            published += pass.acknowledged();
        } while (pass.read() == config.batchSize() && pass.failed() == 0 && pass.acknowledged() > 0);
        linger.afterPass(published);
    }

    /**
     * Publishes up to {@code limit} waiting events through {@code via}, in one transaction.
     *
     * @return how many were acknowledged and marked sent
     */
    public int relay(int limit, OutboxSender via) {
        return QuarkusTransaction.requiringNew().call(() -> relayInTransaction(limit, via)).acknowledged();
    }

    /** What one pass did: rows read, acknowledged, failed (the rest were held back behind a failure). */
    private record Pass(int read, int acknowledged, int failed) {
    }

    /** A send that was not acknowledged, and whether it counts as a refusal for good. */
    private record Failure(PendingEvent event, String error, boolean forGood) {
    }

    private Pass relayInTransaction(int limit, OutboxSender via) {
        Optional<List<PendingEvent>> waiting = pendingIfLeader(limit);
        if (waiting.isEmpty()) {
            return new Pass(0, 0, 0);
        }
        List<PendingEvent> pending = waiting.get();
        Map<String, Deque<PendingEvent>> byKey = new LinkedHashMap<>();
        for (PendingEvent event : pending) {
            byKey.computeIfAbsent(event.topic() + '\n' + event.key(), k -> new ArrayDeque<>()).add(event);
        }
        long deadline = System.nanoTime() + config.ackTimeout().toNanos();
        List<Long> acknowledged = new ArrayList<>(pending.size());
        List<Failure> failures = new ArrayList<>();
        List<Deque<PendingEvent>> round = new ArrayList<>(byKey.values());
        while (!round.isEmpty()) {
            long sentAt = System.nanoTime();
            List<CompletableFuture<Void>> acks = round.stream()
                    .map(key -> send(via, key.peekFirst())).toList();
            List<Deque<PendingEvent>> next = new ArrayList<>();
            for (int i = 0; i < round.size(); i++) {
                Deque<PendingEvent> key = round.get(i);
                PendingEvent event = key.removeFirst();
                Optional<Failure> failure = awaitAck(event, acks.get(i), deadline);
                if (failure.isPresent()) {
                    failures.add(failure.get());
                } else {
                    sendLatency.record(System.nanoTime() - sentAt, TimeUnit.NANOSECONDS);
                    acknowledged.add(event.seq());
                    if (!key.isEmpty()) {
                        next.add(key);
                    }
                }
            }
            round = System.nanoTime() < deadline ? next : List.of();
        }
        markSent(acknowledged);
        recordFailures(failures);
        return new Pass(pending.size(), acknowledged.size(), failures.size());
    }

    /** The send's acknowledgement; a sender that throws instead of failing its stage fails only this event. */
    private static CompletableFuture<Void> send(OutboxSender via, PendingEvent event) {
        try {
            return via.send(event).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Optional<Failure> awaitAck(PendingEvent event, CompletableFuture<Void> ack, long deadline) {
        try {
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(new Failure(event, "the relay was interrupted", false));
        } catch (TimeoutException e) {
            return Optional.of(new Failure(event, "not acknowledged within " + config.ackTimeout(), false));
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            return Optional.of(new Failure(event, Refusals.describe(cause), Refusals.forGood(cause)));
        }
    }

    /**
     * The waiting rows, when this replica holds the relay's lock; empty when another does. The lock and the read go in
     * one round trip, the read after the lock (a replica without it reads and drops the rows: a read changes nothing).
     */
    private Optional<List<PendingEvent>> pendingIfLeader(int limit) {
        // a row waits behind a set-aside row of its key until that one is retried or discarded
        return sql.multi("""
                SELECT pg_try_advisory_xact_lock(?);
                SELECT seq, id, topic, event_key, ce_type, ce_source, occurred_at, payload, trace_parent, trace_state
                FROM outbox_event e
                WHERE sent_at IS NULL AND set_aside_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM outbox_event a
                                  WHERE a.set_aside_at IS NOT NULL AND a.discarded_at IS NULL
                                    AND a.topic = e.topic AND a.event_key = e.event_key AND a.seq < e.seq)
                ORDER BY seq LIMIT ?""", executed -> {
                    boolean leader = Sql.rows(executed, row -> row.getBoolean(1)).get(0);
                    executed.getMoreResults();
                    List<PendingEvent> pending = Sql.rows(executed, row -> new PendingEvent(row.getLong(1), Sql.uuid(row, 2),
                            row.getString(3), row.getString(4), row.getString(5), row.getString(6),
                            Sql.instant(row, 7), row.getString(8),
                            new TraceContext(row.getString(9), row.getString(10))));
                    return leader ? Optional.of(pending) : Optional.<List<PendingEvent>>empty();
                }, RELAY_LOCK, limit);
    }

    private void markSent(List<Long> seqs) {
        if (seqs.isEmpty()) {
            return;
        }
        sql.updateLater("UPDATE outbox_event SET sent_at = ? WHERE seq = ANY (?)", clock.instant(), seqs.toArray(Long[]::new));
    }

    /**
     * Records each failed send on its row (the error; a refusal for good also counts), sets aside the rows
     * refused {@code outbox.relay.set-aside-after} times, in one statement. Only a pass with failures gets here.
     */
    private void recordFailures(List<Failure> failures) {
        if (failures.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        List<String> setAside = sql.list("""
                UPDATE outbox_event o
                SET rejections = o.rejections + f.refused, last_error = f.error, last_failed_at = ?,
                    set_aside_at = CASE WHEN f.refused = 1 AND o.rejections + 1 >= ? THEN ? END
                FROM unnest(?::bigint[], ?::int[], ?::text[]) AS f(seq, refused, error)
                WHERE o.seq = f.seq
                RETURNING o.id, o.ce_type, o.topic, o.event_key, o.set_aside_at IS NOT NULL, o.rejections""",
                row -> row.getBoolean(5) ? row.getString(1) + " (" + row.getString(2) + ", key " + row.getString(4)
                        + " on " + row.getString(3) + ", refused " + row.getInt(6) + " times)" : null,
                now, config.setAsideAfter(), now,
                failures.stream().map(f -> f.event().seq()).toArray(Long[]::new),
                failures.stream().map(f -> f.forGood() ? 1 : 0).toArray(Integer[]::new),
                failures.stream().map(Failure::error).toArray(String[]::new));
        failures.stream().filter(f -> !f.forGood()).findFirst().ifPresent(f -> LOG.warnf(
                "%d outbox event(s) not acknowledged, e.g. %s: %s; their keys wait for the next pass",
                failures.stream().filter(x -> !x.forGood()).count(), f.event().id(), f.error()));
        failures.stream().filter(Failure::forGood).forEach(f -> LOG.warnf(
                "Outbox event %s refused by the broker: %s", f.event().id(), f.error()));
        setAside.stream().filter(Objects::nonNull).forEach(event -> LOG.errorf(
                "Outbox event %s set aside: later events of its key wait until an administrator retries or discards"
                        + " it (GET /api/v1/operations/{service}/outbox/set-aside)", event));
    }
}
