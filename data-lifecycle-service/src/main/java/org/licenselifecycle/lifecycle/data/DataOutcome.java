package org.licenselifecycle.lifecycle.data;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.lifecycle.mailbox.HoldKind;

/**
 * What removing some of a user's licenses would do to their data, as this service's rules say it now: the answer the
 * admin center's Unassign box shows before the admin confirms.
 *
 * @param mailbox what happens to the Exchange Online mailbox
 * @param keptThrough when {@code KEPT_THROUGH_ANOTHER_LICENSE}: the product (SKU id) that keeps it licensed
 * @param holds when {@code HELD}: the holds that keep it
 * @param purgeAfter when {@code DISCONNECTED}: when its data is purged unless the license returns
 * @param gracePeriodEnds when the grace period of any mailbox disconnected now ends
 * @param inactiveWhenUserDeleted whether deleting the user later makes the mailbox inactive (held under an
 *     Enterprise plan) rather than soft-deleted
 * @param labelledItemsKept whether items under retention labels are kept for discovery after a purge (always)
 * @param oneDrive what happens to OneDrive: nothing, when only licenses go
 */
public record DataOutcome(UUID userId, MailboxOutcome mailbox, UUID keptThrough, List<HoldKind> holds,
        Instant purgeAfter, Instant gracePeriodEnds, boolean inactiveWhenUserDeleted, boolean labelledItemsKept,
        OneDriveOutcome oneDrive) {

    /** What removing the licenses does to the mailbox. */
    public enum MailboxOutcome {
        /** The user has no mailbox here. */
        NO_MAILBOX,
        /** None of the products removed licenses the mailbox: it stays as it is. */
        NOT_LICENSED_BY_THESE,
        /** Another product keeps it licensed: it stays as it is. */
        KEPT_THROUGH_ANOTHER_LICENSE,
        /** The last license goes, but a hold keeps it, searchable, unpurged. */
        HELD,
        /** The last license goes: disconnected, not searchable, purged at the grace period's end. */
        DISCONNECTED
    }

    /** What removing licenses does to OneDrive. */
    public enum OneDriveOutcome {
        /** "Files saved in OneDrive for Business aren't deleted unless the user is deleted." */
        UNCHANGED
    }
}
