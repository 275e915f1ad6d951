package org.licenselifecycle.lifecycle.mailbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.MalformedEventException;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.lifecycle.timeline.Timeline;
import org.licenselifecycle.lifecycle.timeline.TimelineEvent;
import org.licenselifecycle.lifecycle.users.DirectoryUser;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * What Exchange Online does with a user's mailbox when licenses come and go, and how an admin reads it.
 * Every change locks the mailbox row, so the purge job (which skips locked rows) never races it, and
 * writes the user's timeline in the same transaction. Every read is confined to the caller's tenant.
 */
@ApplicationScoped
public class MailboxService {

    private static final Logger LOG = Logger.getLogger(MailboxService.class);

    private final GracePeriodConfig gracePeriod;
    private final MailboxItemLimits itemLimits;
    private final Clock clock;
    private final MailboxContent content;
    private final Timeline timeline;
    private final MailboxRows rows;

    MailboxService(GracePeriodConfig gracePeriod, MailboxItemLimits itemLimits, Clock clock, MailboxContent content,
            Timeline timeline, MailboxRows rows) {
        this.rows = rows;
        this.gracePeriod = gracePeriod;
        this.itemLimits = itemLimits;
        this.clock = clock;
        this.content = content;
        this.timeline = timeline;
    }

    /**
     * A license with an Exchange Online plan provisions the mailbox, or reconnects it inside the grace period. A
     * license whose Exchange plan is turned off no longer licenses the mailbox; when licensing says no other license
     * gives an enabled Exchange plan either ({@code exchangeOnlineRetained} false), the mailbox loses its license as
     * on a removal. An older event without that fact takes nothing away.
     */
    @Transactional
    public void licenseAssigned(LicenseAssigned event) {
        if (!event.exchangeOnline()) {
            Mailbox.lockedOfUser(event.userId())
                    .filter(mailbox -> mailbox.tenantId.equals(event.tenantId()))
                    .ifPresent(mailbox -> exchangePlanOff(mailbox, event));
            return;
        }
        ExchangePlan plan = ExchangePlan.of(event);
        Instant now = clock.instant();
        Mailbox mailbox = Mailbox.lockedOfUser(event.userId()).orElse(null);
        if (mailbox == null) {
            Mailbox created = Mailbox.provision(event.tenantId(), event.userId(), event.userPrincipalName(), plan,
                    event.assignedAt(), now);
            created.licensedBy(event.skuId());
            created.persist();
            timeline.record(event.tenantId(), event.userId(), event.assignedAt(), TimelineEvent.MAILBOX_PROVISIONED,
                    null, "Mailbox provisioned by " + event.skuPartNumber() + " (" + plan + ").");
            // the license may be heard of after the user's deletion (another topic): follow the deletion
            DirectoryUser.deleted(event.userId())
                    .ifPresent(deleted -> created.userDeleted(deleted.deletedAt, now, retention()));
            return;
        }
        requireSameTenant(mailbox, event.tenantId());
        if (mailbox.dueAt(event.assignedAt())) {
            // the old data is past its date: it goes before the user starts again with a new mailbox
            purge(mailbox, now);
        }
        MailboxState before = mailbox.state;
        boolean wasLicensed = mailbox.licensed;
        mailbox.licensed(event.userPrincipalName(), plan, event.assignedAt(), now, retention());
        mailbox.licensedBy(event.skuId());
        if (before == MailboxState.PURGED) {
            timeline.record(mailbox.tenantId, mailbox.userId, event.assignedAt(), TimelineEvent.MAILBOX_PROVISIONED,
                    null, "New mailbox provisioned by " + event.skuPartNumber() + " (" + plan
                            + "); the purged mailbox's data is gone.");
        } else if (!wasLicensed) {
            timeline.record(mailbox.tenantId, mailbox.userId, event.assignedAt(), TimelineEvent.MAILBOX_RECONNECTED,
                    null, "Exchange Online license " + event.skuPartNumber() + " back inside the grace period: "
                            + "mailbox reconnected with its data, purge cancelled; now " + describe(mailbox));
        }
    }

    private void exchangePlanOff(Mailbox mailbox, LicenseAssigned event) {
        mailbox.noLongerLicensedBy(event.skuId());
        if (!Boolean.FALSE.equals(event.exchangeOnlineRetained()) || !mailbox.licensed
                || mailbox.state == MailboxState.PURGED) {
            return;
        }
        mailbox.licenseRemoved(event.assignedBy(), event.assignedAt(), clock.instant(), retention());
        timeline.record(mailbox.tenantId, mailbox.userId, event.assignedAt(), TimelineEvent.LICENSE_REMOVED,
                event.assignedBy(), "Exchange Online turned off in license " + event.skuPartNumber()
                        + (event.assignedBy() == null ? " by the system" : "") + "; mailbox " + describe(mailbox));
    }

    /**
     * Removing the user's last Exchange Online license disconnects the mailbox for the grace period. A
     * removal that leaves Exchange Online through another license changes nothing.
     */
    @Transactional
    public void licenseRemoved(LicenseRemoved event) {
        licensesRemoved(List.of(event));
    }

    /**
     * Applies removals as {@link #licenseRemoved} applies each, one after the other in the list's order, with the
     * mailboxes locked, read and written in a few statements for all of them ({@link MailboxRows}) instead of a few
     * per mailbox.
     */
    @Transactional
    public void licensesRemoved(List<LicenseRemoved> events) {
        List<LicenseRemoved> exchange = events.stream().filter(LicenseRemoved::exchangeOnline).toList();
        if (exchange.isEmpty()) {
            return;
        }
        Map<UUID, Mailbox> mailboxes = rows.lockedOfUsers(exchange.stream().map(LicenseRemoved::userId).toList());
        Instant now = clock.instant();
        Map<UUID, Mailbox> changed = new LinkedHashMap<>();
        List<UUID[]> productsGone = new ArrayList<>();
        List<Timeline.Line> lines = new ArrayList<>();
        for (LicenseRemoved event : exchange) {
            Mailbox mailbox = mailboxes.get(event.userId());
            if (event.exchangeOnlineRetained()) {
                // the mailbox stays as it is, licensed through the user's other products
                if (mailbox != null && mailbox.tenantId.equals(event.tenantId())) {
                    noLongerLicensedBy(mailbox, event.skuId(), changed, productsGone);
                }
                continue;
            }
            if (mailbox == null) {
                LOG.warnf("License %s removed from user %s, who has no mailbox here; nothing to disconnect",
                        event.skuId(), event.userId());
                continue;
            }
            requireSameTenant(mailbox, event.tenantId());
            noLongerLicensedBy(mailbox, event.skuId(), changed, productsGone);
            if (!mailbox.licensed || mailbox.state == MailboxState.PURGED) {
                continue;
            }
            mailbox.licenseRemoved(event.removedBy(), event.removedAt(), now, retention());
            changed.put(mailbox.userId, mailbox);
            lines.add(new Timeline.Line(mailbox.tenantId, mailbox.userId, event.removedAt(), TimelineEvent.LICENSE_REMOVED,
                    event.removedBy(), "License " + event.skuPartNumber() + " removed (" + event.cause() + ")"
                            + (event.removedBy() == null ? " by the system" : "") + "; mailbox " + describe(mailbox)));
        }
        timeline.recordAll(lines);
        rows.writeRemovals(changed.values(), productsGone);
    }

    /** The product no longer licenses the mailbox; remembered for {@link MailboxRows#writeRemovals} when it did. */
    private static void noLongerLicensedBy(Mailbox mailbox, UUID skuId, Map<UUID, Mailbox> changed, List<UUID[]> productsGone) {
        if (mailbox.licensedBy.contains(skuId)) {
            mailbox.noLongerLicensedBy(skuId);
            changed.put(mailbox.userId, mailbox);
            productsGone.add(new UUID[] {mailbox.userId, skuId});
        }
    }

    /**
     * The user was deleted: a mailbox held under an Enterprise plan becomes inactive (kept, searchable);
     * otherwise it is soft-deleted and purged when its retention is over.
     */
    @Transactional
    public void userDeleted(UserDeleted event) {
        Mailbox mailbox = Mailbox.lockedOfUser(event.userId()).orElse(null);
        if (mailbox == null) {
            return;
        }
        requireSameTenant(mailbox, event.tenantId());
        if (mailbox.userDeletedAt != null) {
            return;
        }
        // recorded even on a purged mailbox: a license heard of later must not bring back an active one
        mailbox.userDeleted(event.deletedAt(), clock.instant(), retention());
        String why = mailbox.state == MailboxState.PURGED ? "already purged"
                : mailbox.state == MailboxState.INACTIVE
                ? "inactive mailbox: held under an Enterprise plan (" + mailbox.exchangePlan + "), kept"
                : "soft-deleted" + (mailbox.held() ? "" : ": no hold under an Enterprise plan keeps it");
        timeline.record(mailbox.tenantId, mailbox.userId, event.deletedAt(), TimelineEvent.USER_DELETED, event.deletedBy(),
                "User deleted; mailbox " + why + "; " + describe(mailbox));
    }

    /** The user was restored: the mailbox is back as before the deletion, unless its data was already past its date. */
    @Transactional
    public void userRestored(UserRestored event) {
        Mailbox mailbox = Mailbox.lockedOfUser(event.userId()).orElse(null);
        if (mailbox == null) {
            return;
        }
        requireSameTenant(mailbox, event.tenantId());
        if (mailbox.userDeletedAt == null) {
            return;
        }
        Instant now = clock.instant();
        if (mailbox.dueAt(event.restoredAt())) {
            purge(mailbox, now);
        }
        mailbox.userRestored(now, retention());
        timeline.record(mailbox.tenantId, mailbox.userId, event.restoredAt(), TimelineEvent.USER_RESTORED,
                event.restoredBy(), "User restored; mailbox " + describe(mailbox));
    }

    /** The user's principal name, as the latest directory event says it: the mailbox follows it. */
    @Transactional
    public void userPrincipalName(UUID tenantId, UUID userId, String userPrincipalName) {
        Mailbox.lockedOfUser(userId)
                .filter(mailbox -> mailbox.tenantId.equals(tenantId))
                .ifPresent(mailbox -> mailbox.userPrincipalName = userPrincipalName);
    }

    /** Delivers an item to an active mailbox (standing in for mail delivery), within {@link MailboxItemLimits}. */
    @Transactional
    public MailboxItemView deliver(UUID tenantId, String userId, NewMailboxItem item) {
        UUID id = ObjectIds.parse(userId);
        if (item == null) {
            throw GraphException.badRequest("A request body with subject and body is required.");
        }
        item.requireValid(itemLimits);
        Mailbox mailbox = lockedInTenant(tenantId, id, userId);
        if (mailbox.state != MailboxState.ACTIVE) {
            throw GraphException.conflict("MailboxNotActive",
                    "Mailbox of user '" + userId + "' is " + mailbox.state + " and receives no mail.");
        }
        MailboxItem stored = new MailboxItem();
        stored.id = UUID.randomUUID();
        stored.userId = mailbox.userId;
        stored.tenantId = mailbox.tenantId;
        stored.subject = item.subject();
        stored.body = item.body();
        stored.receivedAt = item.receivedAt() != null ? item.receivedAt() : clock.instant();
        stored.retentionLabel = item.retentionLabel();
        stored.persist();
        return MailboxItemView.of(stored);
    }

    /** Places a hold: the mailbox stays searchable and is never purged while it lasts. Placing it again changes nothing. */
    @Transactional
    public MailboxView placeHold(UUID tenantId, String userId, NewHold hold, UUID placedBy) {
        UUID id = ObjectIds.parse(userId);
        if (hold == null || hold.kind() == null) {
            throw GraphException.badRequest("The hold's kind is required: LITIGATION_HOLD, EDISCOVERY_HOLD or RETENTION_POLICY.");
        }
        Mailbox mailbox = lockedInTenant(tenantId, id, userId);
        if (mailbox.state == MailboxState.PURGED) {
            throw GraphException.conflict("MailboxPurged", "Mailbox of user '" + userId + "' was purged; there is nothing to hold.");
        }
        Instant now = clock.instant();
        if (mailbox.placeHold(hold.kind(), now, retention())) {
            timeline.record(mailbox.tenantId, mailbox.userId, now, TimelineEvent.HOLD_PLACED, placedBy,
                    hold.kind() + " placed; mailbox " + describe(mailbox));
        }
        return MailboxView.of(mailbox, now);
    }

    /** Releases a hold; when it was the last, the normal retention applies again, counted from now at the earliest. */
    @Transactional
    public MailboxView releaseHold(UUID tenantId, String userId, String kind, UUID releasedBy) {
        UUID id = ObjectIds.parse(userId);
        HoldKind holdKind = holdKind(kind);
        Mailbox mailbox = lockedInTenant(tenantId, id, userId);
        Instant now = clock.instant();
        if (!mailbox.releaseHold(holdKind, now, retention())) {
            throw new GraphException(404, GraphErrorCodes.RESOURCE_NOT_FOUND,
                    "No " + holdKind + " is in force on the mailbox of user '" + userId + "'.");
        }
        timeline.record(mailbox.tenantId, mailbox.userId, now, TimelineEvent.HOLD_RELEASED, releasedBy,
                holdKind + " released; mailbox " + describe(mailbox));
        return MailboxView.of(mailbox, now);
    }

    /** The user's mailbox in the caller's tenant; 404 when there is none (or it is another tenant's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public MailboxView find(UUID tenantId, String userId) {
        return Mailbox.ofUser(tenantId, ObjectIds.parse(userId))
                .map(mailbox -> MailboxView.of(mailbox, clock.instant()))
                .orElseThrow(() -> GraphException.notFound(userId));
    }

    /** Deletes a due mailbox's content now (keeping labelled items); {@link MailboxContent} records what was kept and why. */
    private void purge(Mailbox mailbox, Instant now) {
        content.purge(mailbox.tenantId, mailbox.userId, now);
        mailbox.purged(now);
    }

    Retention retention() {
        return Retention.of(gracePeriod);
    }

    private static HoldKind holdKind(String kind) {
        try {
            return HoldKind.valueOf(kind);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw GraphException.badRequest("Unknown hold '" + kind + "': LITIGATION_HOLD, EDISCOVERY_HOLD or RETENTION_POLICY.");
        }
    }

    private static Mailbox lockedInTenant(UUID tenantId, UUID id, String userId) {
        return Mailbox.lockedOfUser(id)
                .filter(m -> m.tenantId.equals(tenantId))
                .orElseThrow(() -> GraphException.notFound(userId));
    }

    /** The mailbox's state in words, for the timeline. */
    static String describe(Mailbox m) {
        String held = m.held() ? " under " + m.holds.stream().sorted().toList() : "";
        String due = m.purgeAfter != null ? ", purge due " + m.purgeAfter
                : m.state == MailboxState.PURGED ? "" : ", not purged" + (m.held() ? " while held" : "");
        return m.state + held + ", " + (m.searchable ? "searchable" : "not searchable") + due + ".";
    }

    private static void requireSameTenant(Mailbox mailbox, UUID tenantId) {
        if (!mailbox.tenantId.equals(tenantId)) {
            // user ids are unique across tenants: an event that says otherwise is not to be trusted
            throw new MalformedEventException("User " + mailbox.userId + " belongs to another tenant than "
                    + tenantId);
        }
    }
}
