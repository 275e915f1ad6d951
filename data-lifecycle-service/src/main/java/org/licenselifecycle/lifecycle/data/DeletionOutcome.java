package org.licenselifecycle.lifecycle.data;

import java.time.Instant;
import java.util.UUID;

/**
 * What deleting a user (at {@code deletedAt}) does to their data, as this service's rules say it now: the dates and
 * words directory-service's offboarding answer quotes, so that it restates none of these rules.
 *
 * @param mailbox what happens to the Exchange Online mailbox
 * @param mailboxPurgeAfter when {@code SOFT_DELETED}: when its data is purged unless the user is restored
 * @param mailboxSummary the mailbox's fate in words
 * @param oneDriveRetentionDays the tenant's OneDrive retention for deleted users
 * @param oneDriveDeleteAfter when OneDrive is deleted: {@code deletedAt} plus the tenant's retention
 * @param secondaryOwnerId who is given access to OneDrive when the user has no manager; null for nobody
 * @param oneDriveSummary OneDrive's fate in words, without who is given access (the manager is directory's fact)
 */
public record DeletionOutcome(UUID userId, Instant deletedAt, MailboxFate mailbox, Instant mailboxPurgeAfter,
        String mailboxSummary, int oneDriveRetentionDays, Instant oneDriveDeleteAfter, UUID secondaryOwnerId,
        String oneDriveSummary) {

    /** What deleting the user does to the mailbox. */
    public enum MailboxFate {
        /** The user has no mailbox here (or it was purged already). */
        NO_MAILBOX,
        /** Held under an Enterprise plan: it becomes an inactive mailbox, kept and searchable while the hold lasts. */
        INACTIVE,
        /** Soft-deleted with the user: kept (searchable while a hold lasts) and purged when its retention is over. */
        SOFT_DELETED
    }
}
