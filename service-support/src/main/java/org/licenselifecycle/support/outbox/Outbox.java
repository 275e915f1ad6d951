package org.licenselifecycle.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.query.NativeQuery;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;

/**
 * Records an event in the same transaction as the state change it announces. Nothing is sent here:
 * {@link OutboxRelay} publishes committed rows, so a rolled-back change publishes nothing and a
 * committed one is never lost.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Clock clock;
    private final String source;

    Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
            Clock clock, @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.relay = relay;
        this.clock = clock;
        this.source = "/" + applicationName;
    }

    /**
     * Adds an event to the outbox of the current transaction.
     *
     * @param key the Kafka key: events with the same key are published in the order they were added
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID add(UUID key, Record data) {
        EventType type = EventType.of(data);
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, event_key, ce_type, ce_source, occurred_at, payload)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                // only outbox_event changes: no need to flush the session's pending entity changes first
                .unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("outbox_event")
                .setParameter(1, id)
                .setParameter(2, type.topic())
                .setParameter(3, key.toString())
                .setParameter(4, type.ceType())
                .setParameter(5, source)
                .setParameter(6, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(7, EventJson.write(data))
                .executeUpdate();
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
