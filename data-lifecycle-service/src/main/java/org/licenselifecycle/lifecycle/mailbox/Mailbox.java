package org.licenselifecycle.lifecycle.mailbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A user's Exchange Online mailbox and the rules of its lifecycle. The mailbox keeps facts (is an Exchange
 * license held, since when is it gone, which holds are in force and since when none is, is the user
 * deleted, was the content purged) and derives its state, whether eDiscovery finds it and when its data
 * is due for deletion from them alone. So the outcome does not depend on the order in which facts arrive:
 * licensing's LicenseRemoved (USER_DELETED) and directory's UserDeleted travel on different topics.
 *
 * <p>Times of what happened are the events' times, so that the grace period counts from the removal itself
 * and not from when this service heard of it. When the last hold is released, the retention counts again
 * from the release: data is then kept for the full grace period after the removal or after the release,
 * whichever is later, never less.
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
    /** Whether the user holds an Exchange Online license. */
    public boolean licensed;
    public Instant provisionedAt;
    public Instant reconnectedAt;
    /** The license removal that disconnected it (kept after a reconnection, for the timeline). */
    public Instant removedAt;
    public UUID removedBy;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "mailbox_hold", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "kind")
    @Enumerated(EnumType.STRING)
    public Set<HoldKind> holds = new HashSet<>();
    /** The products (SKU ids) whose Exchange Online plan licenses this mailbox, as licensing's events said. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "mailbox_license", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "sku_id")
    public Set<UUID> licensedBy = new HashSet<>();
    /** When the last hold was released; the retention counts again from then. */
    public Instant heldUntil;
    public Instant userDeletedAt;
    public Instant purgedAt;
    /** When the data is deleted; null while nothing is due (active, held, inactive, purged). */
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
        mailbox.userPrincipalName = userPrincipalName;
        mailbox.provisionAgain(plan, licensedAt);
        mailbox.state = MailboxState.ACTIVE;
        mailbox.searchable = true;
        mailbox.updatedAt = now;
        return mailbox;
    }

    public static Optional<Mailbox> ofUser(UUID tenantId, UUID userId) {
        return find("userId = ?1 and tenantId = ?2", userId, tenantId).firstResultOptional();
    }

    /** The mailbox, locked until the transaction ends, so that the purge job skips it meanwhile. */
    public static Optional<Mailbox> lockedOfUser(UUID userId) {
        return find("userId", userId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public boolean held() {
        return !holds.isEmpty();
    }

    /**
     * Whether its data is due for deletion at {@code at}: not yet deleted, under no hold, its purge date reached.
     * ({@link #settle} leaves no purge date on a held, active or inactive mailbox; the rule says so all the same.)
     */
    public boolean dueAt(Instant at) {
        return state != MailboxState.PURGED && !held() && purgeAfter != null && !at.isBefore(purgeAfter);
    }

    /**
     * Whether a license given back at {@code at} reconnects this mailbox: it is disconnected and its grace period has
     * not run out ("reactivate or reassign the license within 30 days").
     */
    public boolean reconnectableAt(Instant at) {
        return state == MailboxState.DISCONNECTED && !dueAt(at);
    }

    /** {@link #dueAt} as SQL over {@code mailbox m} at {@code :now}, for the purge job: the same rule, kept beside it. */
    static final String DUE_AT_NOW = "m.state <> 'PURGED' "
            + "AND NOT EXISTS (SELECT 1 FROM mailbox_hold h WHERE h.user_id = m.user_id) AND m.purge_after <= :now";

    /** {@link #purged} as the SET clause of an SQL UPDATE of {@code mailbox m} at {@code :now}, for the purge job. */
    static final String PURGED_AT_NOW = "state = 'PURGED', searchable = FALSE, purge_after = NULL, purged_at = :now, "
            + "updated_at = :now, version = m.version + 1";

    /**
     * An Exchange Online license was assigned. An active mailbox keeps the better plan; a disconnected one
     * whose data is still kept is reconnected with its data; one whose data is due or gone starts anew
     * (the caller deletes due content first).
     */
    public void licensed(String userPrincipalName, ExchangePlan plan, Instant licensedAt, Instant now, Retention retention) {
        this.userPrincipalName = userPrincipalName;
        if (state == MailboxState.PURGED || dueAt(licensedAt)) {
            provisionAgain(plan, licensedAt);
        } else if (licensed) {
            this.exchangePlan = exchangePlan.atLeast(plan);
        } else {
            this.licensed = true;
            this.exchangePlan = plan;
            this.reconnectedAt = licensedAt;
        }
        settle(now, retention);
    }

    /**
     * The user's last Exchange Online license was removed. A mailbox already without a license keeps its
     * first date: a later removal never extends how long data is kept.
     */
    public void licenseRemoved(UUID removedBy, Instant removedAt, Instant now, Retention retention) {
        if (!licensed || state == MailboxState.PURGED) {
            return;
        }
        this.licensed = false;
        this.removedBy = removedBy;
        this.removedAt = removedAt;
        settle(now, retention);
    }

    /** A product now gives this mailbox its Exchange Online license. */
    public void licensedBy(UUID skuId) {
        licensedBy.add(skuId);
    }

    /** A product no longer gives this mailbox an Exchange Online license (removed, or its Exchange plan turned off). */
    public void noLongerLicensedBy(UUID skuId) {
        licensedBy.remove(skuId);
    }

    /**
     * The products that would still give the mailbox an Exchange Online license once these are removed (all of the
     * user's when null), in id order; empty when the removal takes the last.
     */
    public SortedSet<UUID> licensesLeftWithout(Set<UUID> removedSkuIds) {
        SortedSet<UUID> left = new TreeSet<>(licensedBy);
        if (removedSkuIds == null) {
            left.clear();
        } else {
            left.removeAll(removedSkuIds);
        }
        return left;
    }

    /** The day data is purged when the last license goes at {@code removedAt}, unless a hold or the license comes back. */
    public Instant graceEndIfRemovedAt(Instant removedAt, Retention retention) {
        return latest(removedAt, heldUntil).plus(retention.gracePeriod());
    }

    /** Places a hold; false when it was already in force. */
    public boolean placeHold(HoldKind kind, Instant now, Retention retention) {
        boolean added = holds.add(kind);
        settle(now, retention);
        return added;
    }

    /** Releases a hold; false when it was not in force. The last release restarts the retention. */
    public boolean releaseHold(HoldKind kind, Instant now, Retention retention) {
        if (!holds.remove(kind)) {
            return false;
        }
        if (holds.isEmpty()) {
            heldUntil = now;
        }
        settle(now, retention);
        return true;
    }

    /** The user was deleted: inactive when held under an Enterprise plan, otherwise soft-deleted. */
    public void userDeleted(Instant deletedAt, Instant now, Retention retention) {
        if (userDeletedAt == null) {
            userDeletedAt = deletedAt;
        }
        settle(now, retention);
    }

    /** The user was restored: the mailbox is back as before the deletion (unless already purged). */
    public void userRestored(Instant now, Retention retention) {
        userDeletedAt = null;
        settle(now, retention);
    }

    /** The content was deleted for good (the caller deleted the rows; in SQL: {@link #PURGED_AT_NOW}). */
    public void purged(Instant now) {
        this.purgedAt = now;
        this.state = MailboxState.PURGED;
        this.searchable = false;
        this.purgeAfter = null;
        this.updatedAt = now;
    }

    /** Whether deleting the user makes this an inactive mailbox (kept, searchable): held under an Enterprise plan. */
    public boolean inactiveWhenUserDeleted() {
        return held() && exchangePlan.isEnterprise();
    }

    /**
     * When the data is purged if the user is (or was) deleted at {@code deletedAt} and the mailbox does not become
     * inactive: the soft-deleted retention after the deletion (or the hold's end), or the grace period's end if that
     * comes first; null while a hold keeps it.
     */
    public Instant purgeAfterIfUserDeletedAt(Instant deletedAt, Retention retention) {
        if (held()) {
            return null;
        }
        return earliest(latest(deletedAt, heldUntil).plus(retention.softDeletedRetention()), graceEnd(retention));
    }

    /** Derives state, searchability and purge date from the facts. */
    void settle(Instant now, Retention retention) {
        this.updatedAt = now;
        if (purgedAt != null) {
            purged(now);
            return;
        }
        boolean held = held();
        if (userDeletedAt != null) {
            if (inactiveWhenUserDeleted()) {
                state = MailboxState.INACTIVE;
                searchable = true;
                purgeAfter = null;
                return;
            }
            state = MailboxState.SOFT_DELETED;
            searchable = held;
            purgeAfter = purgeAfterIfUserDeletedAt(userDeletedAt, retention);
        } else if (licensed) {
            state = MailboxState.ACTIVE;
            searchable = true;
            purgeAfter = null;
        } else {
            state = MailboxState.DISCONNECTED;
            searchable = held;
            purgeAfter = held ? null : graceEnd(retention);
        }
    }

    /** The end of the grace period after the license removal; null while licensed. */
    private Instant graceEnd(Retention retention) {
        return licensed ? null : graceEndIfRemovedAt(removedAt, retention);
    }

    private void provisionAgain(ExchangePlan plan, Instant licensedAt) {
        this.licensed = true;
        this.exchangePlan = plan;
        this.provisionedAt = licensedAt;
        this.reconnectedAt = null;
        this.removedAt = null;
        this.removedBy = null;
        this.purgeAfter = null;
        this.purgedAt = null;
        this.heldUntil = null;
        this.state = MailboxState.ACTIVE;
    }

    private static Instant latest(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
