package org.licenselifecycle.lifecycle.data;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import org.licenselifecycle.lifecycle.data.DataOutcome.MailboxOutcome;
import org.licenselifecycle.lifecycle.data.DataOutcome.OneDriveOutcome;
import org.licenselifecycle.lifecycle.mailbox.GracePeriodConfig;
import org.licenselifecycle.lifecycle.mailbox.Mailbox;
import org.licenselifecycle.lifecycle.mailbox.MailboxState;
import org.licenselifecycle.lifecycle.mailbox.Retention;
import org.licenselifecycle.contract.graph.ObjectIds;

/**
 * The source document's "What happens to a user's data when you remove their license?", answered for one user and
 * some of their products before the admin confirms, from this service's own rules and facts ({@link Mailbox}: which
 * products license the mailbox, its holds, the grace period). The admin console shows this answer; it states none of
 * these rules itself.
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

    private static DataOutcome outcome(UUID userId, MailboxOutcome mailbox, UUID keptThrough, Instant purgeAfter,
            Instant gracePeriodEnds, boolean inactiveWhenUserDeleted) {
        return new DataOutcome(userId, mailbox, keptThrough, List.of(), purgeAfter, gracePeriodEnds,
                inactiveWhenUserDeleted, true, OneDriveOutcome.UNCHANGED);
    }
}
