package org.licenselifecycle.lifecycle.mailbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's Exchange Online mailbox and the rules of its lifecycle: provisioned by an Exchange license,
 * disconnected when the last one goes, reconnected when one comes back inside the grace period.
 * Times of what happened are the events' times, so that the grace period counts from the removal itself
 * and not from when this service heard of it.
 */
@Entity
public class Mailbox extends PanacheEntityBase {

    @Id
    public UUID userId;
    public UUID tenantId;
    public String userPrincipalName;
    @Enumerated(EnumType.STRING)
    public MailboxState state;
    /** Whether eDiscovery (Content Search, eDiscovery Premium) finds this mailbox. */
    public boolean searchable;
    @Enumerated(EnumType.STRING)
    public ExchangePlan exchangePlan;
    public Instant provisionedAt;
    public Instant reconnectedAt;
    /** The license removal that disconnected it (kept after a reconnection, for the timeline). */
    public Instant removedAt;
    public UUID removedBy;
    /** When the grace period ends and the data is deleted; null while nothing is due. */
    public Instant purgeAfter;
    public Instant updatedAt;
    @Version
    public long version;

    /** A new mailbox for a user who got an Exchange Online license. */
    public static Mailbox provision(UUID tenantId, UUID userId, String userPrincipalName, ExchangePlan plan,
            Instant licensedAt, Instant now) {
        Mailbox mailbox = new Mailbox();
        mailbox.userId = userId;
        mailbox.tenantId = tenantId;
        mailbox.provisionAgain(userPrincipalName, plan, licensedAt, now);
        return mailbox;
    }

    public static Optional<Mailbox> ofUser(UUID tenantId, UUID userId) {
        return find("userId = ?1 and tenantId = ?2", userId, tenantId).firstResultOptional();
    }

    /** Whether the mailbox is disconnected and its data still held at {@code at}. */
    public boolean insideGracePeriod(Instant at) {
        return state == MailboxState.DISCONNECTED && at.isBefore(purgeAfter);
    }

    /**
     * The user's last Exchange Online license was removed: the mailbox is disconnected, no longer
     * searchable, and its data is due for deletion when the grace period ends. A mailbox that is already
     * disconnected keeps its first date: a later removal never extends how long data is kept.
     */
    public void disconnect(UUID removedBy, Instant removedAt, Duration gracePeriod, Instant now) {
        if (state == MailboxState.DISCONNECTED) {
            return;
        }
        this.state = MailboxState.DISCONNECTED;
        this.searchable = false;
        this.removedBy = removedBy;
        this.removedAt = removedAt;
        this.purgeAfter = removedAt.plus(gracePeriod);
        this.updatedAt = now;
    }

    /**
     * An Exchange Online license was assigned. An active mailbox keeps the better plan; a disconnected one
     * inside its grace period is reconnected with its data; one whose grace period is over has had its
     * data deleted, so the user starts with a new mailbox.
     */
    public void licensed(String userPrincipalName, ExchangePlan plan, Instant licensedAt, Instant now) {
        if (state == MailboxState.ACTIVE) {
            this.userPrincipalName = userPrincipalName;
            this.exchangePlan = exchangePlan.atLeast(plan);
            this.updatedAt = now;
        } else if (insideGracePeriod(licensedAt)) {
            reconnect(userPrincipalName, plan, licensedAt, now);
        } else {
            provisionAgain(userPrincipalName, plan, licensedAt, now);
        }
    }

    private void reconnect(String userPrincipalName, ExchangePlan plan, Instant licensedAt, Instant now) {
        this.userPrincipalName = userPrincipalName;
        this.state = MailboxState.ACTIVE;
        this.searchable = true;
        this.exchangePlan = plan;
        this.purgeAfter = null;
        this.reconnectedAt = licensedAt;
        this.updatedAt = now;
    }

    private void provisionAgain(String userPrincipalName, ExchangePlan plan, Instant licensedAt, Instant now) {
        this.userPrincipalName = userPrincipalName;
        this.state = MailboxState.ACTIVE;
        this.searchable = true;
        this.exchangePlan = plan;
        this.provisionedAt = licensedAt;
        this.reconnectedAt = null;
        this.removedAt = null;
        this.removedBy = null;
        this.purgeAfter = null;
        this.updatedAt = now;
    }
}
