package org.licenselifecycle.lifecycle.mailbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/**
 * One item of mailbox content, standing in for delivered mail so that search and purge act on real rows.
 * An item under a retention label outlives the purge of its mailbox ({@code retainedAt}), for discovery.
 */
@Entity
public class MailboxItem extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID userId;
    public UUID tenantId;
    public String subject;
    public String body;
    public Instant receivedAt;
    public String retentionLabel;
    /** When its mailbox was purged and this item kept for its retention label; null while the mailbox lives. */
    public Instant retainedAt;
}
