package org.licenselifecycle.support.audit;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.licenselifecycle.events.DirectoryAuditRecorded;
import org.licenselifecycle.support.outbox.Outbox;

/**
 * Audit entries through the transactional outbox (topic {@code audit.directory-audits}): they commit with the change
 * or not at all, and reach directory-service even after the broker was away. Every service but directory-service.
 */
@DefaultBean
@ApplicationScoped
public class OutboxAuditEntries implements AuditEntries {

    private final Outbox outbox;

    OutboxAuditEntries(Outbox outbox) {
        this.outbox = outbox;
    }

    /** No interceptor of its own: {@link Outbox#add} refuses to run outside a transaction. */
    @Override
    public UUID add(DirectoryAuditRecorded entry) {
        // entries are independent (the log is read in activityDateTime order): a key of their own, so that none waits
        // behind another, in the relay or behind a dead letter, and the users' own event streams are left as they are
        return outbox.add(UUID.randomUUID(), entry);
    }
}
