package org.licenselifecycle.lifecycle.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import org.licenselifecycle.lifecycle.data.DataOutcome.MailboxOutcome;
import org.licenselifecycle.lifecycle.data.DeletionOutcome.MailboxFate;
import org.licenselifecycle.lifecycle.data.DataOutcome.OneDriveOutcome;
import org.licenselifecycle.lifecycle.mailbox.GracePeriodConfig;
import org.licenselifecycle.lifecycle.mailbox.Mailbox;
import org.licenselifecycle.lifecycle.mailbox.MailboxState;
import org.licenselifecycle.lifecycle.mailbox.Retention;
import org.licenselifecycle.lifecycle.onedrive.OneDriveSettings;
import org.licenselifecycle.contract.graph.ObjectIds;

/**
 * The source document's "What happens to a user's data when you remove their license?", answered for one user and
 * some of their products before the admin confirms, from this service's own rules and facts ({@link Mailbox}: which
 * products license the mailbox, its holds, the grace period). The admin console shows this answer; it states none of
 * these rules itself. It answers too what deleting the user does ({@link #ifDeleted}), for directory-service's
 * offboarding, with the tenant's OneDrive retention ({@link OneDriveSettings}).
 */
@ApplicationScoped
public class WhatHappensToData {

    private final GracePeriodConfig gracePeriod;
    private final Clock clock;

    WhatHappensToData(GracePeriodConfig gracePeriod, Clock clock) {
        this.gracePeriod = gracePeriod;
        this.clock = clock;
    }

    /**
     * @param removedSkuIds the products to remove; null for all of the user's
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DataOutcome ifRemoved(UUID tenantId, String userId, Set<UUID> removedSkuIds) {
        UUID id = ObjectIds.parse(userId);
        Retention retention = Retention.of(gracePeriod);
        Instant now = clock.instant();
        Instant gracePeriodEnds = now.plus(retention.gracePeriod());
        Mailbox mailbox = Mailbox.ofUser(tenantId, id).orElse(null);
        if (mailbox == null || mailbox.state == MailboxState.PURGED) {
            return outcome(id, MailboxOutcome.NO_MAILBOX, null, null, gracePeriodEnds, false);
        }
        boolean inactive = mailbox.inactiveWhenUserDeleted();
        boolean removesALicenseOfTheMailbox = mailbox.licensed
                && (removedSkuIds == null || removedSkuIds.stream().anyMatch(mailbox.licensedBy::contains));
        if (!removesALicenseOfTheMailbox) {
            return outcome(id, MailboxOutcome.NOT_LICENSED_BY_THESE, null, null, gracePeriodEnds, inactive);
        }
        SortedSet<UUID> left = mailbox.licensesLeftWithout(removedSkuIds);
        if (!left.isEmpty()) {
            return outcome(id, MailboxOutcome.KEPT_THROUGH_ANOTHER_LICENSE, left.first(), null, gracePeriodEnds, inactive);
        }
        if (mailbox.held()) {
            return new DataOutcome(id, MailboxOutcome.HELD, null, mailbox.holds.stream().sorted().toList(), null,
                    gracePeriodEnds, inactive, true, OneDriveOutcome.UNCHANGED);
        }
        return outcome(id, MailboxOutcome.DISCONNECTED, null, mailbox.graceEndIfRemovedAt(now, retention),
                gracePeriodEnds, inactive);
    }

    /**
     * What deleting the user at {@code deletedAt} does (or did: asked just after a deletion, the answer is the same
     * whether or not this service has heard of it yet) to their mailbox and OneDrive.
     *
     * @param deletedAt when the user is deleted; null for now
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DeletionOutcome ifDeleted(UUID tenantId, String userId, Instant deletedAt) {
        UUID id = ObjectIds.parse(userId);
        Instant at = deletedAt == null ? clock.instant() : deletedAt;
        OneDriveSettings oneDrive = OneDriveSettings.of(tenantId);
        Instant oneDriveDeleteAfter = at.plus(Duration.ofDays(oneDrive.retentionDays));
        String oneDriveSummary = "OneDrive kept for the tenant's retention of " + oneDrive.retentionDays
                + " days, until " + day(oneDriveDeleteAfter) + ", then deleted; restoring the user before then"
                + " brings it back.";
        Mailbox mailbox = Mailbox.ofUser(tenantId, id).orElse(null);
        if (mailbox == null || mailbox.state == MailboxState.PURGED) {
            return new DeletionOutcome(id, at, MailboxFate.NO_MAILBOX, null, "The user has no mailbox.",
                    oneDrive.retentionDays, oneDriveDeleteAfter, oneDrive.secondaryOwnerId, oneDriveSummary);
        }
        if (mailbox.inactiveWhenUserDeleted()) {
            return new DeletionOutcome(id, at, MailboxFate.INACTIVE, null, "Mailbox held under an Enterprise plan"
                    + " (Exchange Online Plan 2, e.g. Office 365 E3): it becomes an inactive mailbox, kept and"
                    + " searchable while the hold lasts.", oneDrive.retentionDays, oneDriveDeleteAfter,
                    oneDrive.secondaryOwnerId, oneDriveSummary);
        }
        Instant purgeAfter = mailbox.purgeAfterIfUserDeletedAt(at, Retention.of(gracePeriod));
        String mailboxSummary = purgeAfter == null
                ? "Mailbox soft-deleted with the user; a hold keeps it, searchable, while the hold lasts (it would"
                        + " become an inactive mailbox only under an Enterprise plan)."
                : "Mailbox soft-deleted with the user and purged after " + day(purgeAfter) + " unless a hold applies:"
                        + " under a hold with an Enterprise plan (Exchange Online Plan 2, e.g. Office 365 E3) it becomes"
                        + " an inactive mailbox, kept and searchable while the hold lasts.";
        return new DeletionOutcome(id, at, MailboxFate.SOFT_DELETED, purgeAfter, mailboxSummary,
                oneDrive.retentionDays, oneDriveDeleteAfter, oneDrive.secondaryOwnerId, oneDriveSummary);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static DataOutcome outcome(UUID userId, MailboxOutcome mailbox, UUID keptThrough, Instant purgeAfter,
            Instant gracePeriodEnds, boolean inactiveWhenUserDeleted) {
        return new DataOutcome(userId, mailbox, keptThrough, List.of(), purgeAfter, gracePeriodEnds,
                inactiveWhenUserDeleted, true, OneDriveOutcome.UNCHANGED);
    }
}
