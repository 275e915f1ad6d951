package org.licenselifecycle.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.support.sql.Sql;

/**
 * Records an event in the same transaction as the state change it announces. Nothing is sent here:
 * {@link OutboxRelay} publishes committed rows, so a rolled-back change publishes nothing and a
 * committed one is never lost. The row keeps the current span's {@link TraceContext}, so that the event is published
 * and applied in the trace of the request that caused it.
 */
@ApplicationScoped
public class Outbox {

    private static final String INTO = "INSERT INTO outbox_event (id, topic, event_key, ce_type, ce_source, occurred_at,"
            + " payload, trace_parent, trace_state)";

    private final Sql sql;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Clock clock;
    private final String source;

    Outbox(Sql sql, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
            Clock clock, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.sql = sql;
        this.transactions = transactions;
        this.relay = relay;
        this.clock = clock;
        this.source = "/" + applicationName;
    }

    /**
     * Adds an event to the outbox of the current transaction. The row is queued ({@link Sql#insertLater}): it
     * is written with the transaction's next plain-SQL statement or at commit, whichever comes first, in one
     * statement with the events added just before it (a change and its audit entry: one INSERT of two rows).
     *
     * <p>No interceptor: the queued write ({@link Sql#insertLater}) refuses to run outside a transaction before anything
     * is changed, and every change calls here, often twice (an interceptor chain per call is a measurable share of an
     * unassign's CPU, licensing-service's {@code bench/README.md}).
     *
     * @param key the Kafka key: events with the same key are published in the order they were added
     * @return the event id ({@code ce_id}): a random UUID drawn here for each row (not indexed: shared migration V0_5)
     * @throws IllegalStateException outside a transaction (from {@link Sql#insertLater})
     */
    public UUID add(UUID key, Record data) {
        EventType type = EventType.of(data);
        UUID id = UUID.randomUUID();
        TraceContext trace = TraceContext.current();
        sql.insertLater(INTO, "(?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, type.topic(), key.toString(), type.ceType(), source, clock.instant(), EventJson.write(data),
                trace.traceParent(), trace.traceState());
        wakeRelayAfterCommit();
        return id;
    }

    /** Publishes right after commit instead of at the relay's next tick; once per transaction. */
    private void wakeRelayAfterCommit() {
        if (transactions.getResource(Outbox.class) != null) {
            return;
        }
        transactions.putResource(Outbox.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
