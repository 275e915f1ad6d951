package org.licenselifecycle.directory.offboarding;

import java.time.Instant;

/**
 * What removing a former employee did, and what happens to their licenses, mailbox and OneDrive and
 * when, as data-lifecycle-service answers it (it owns those rules).
 *
 * @param restorableUntil when a deleted user can no longer be restored; null when not deleted
 * @param dataOutcomeKnown false when data-lifecycle-service could not be asked: the offboarding was done, but the
 *     mailbox's and OneDrive's dates are missing (null) rather than guessed
 */
public record OffboardingOutcome(
        String userId,
        String userPrincipalName,
        boolean signInBlocked,
        boolean deleted,
        Instant restorableUntil,
        boolean dataOutcomeKnown,
        Licenses licenses,
        Mailbox mailbox,
        OneDrive oneDrive) {

    /** @param state {@code FREED} (deleted: free at once), {@code RELEASE_REQUESTED} or {@code KEPT} */
    public record Licenses(String state, String summary) {
    }

    /** @param purgeAfter the earliest the mailbox's data is deleted for good, null when it is not due */
    public record Mailbox(String summary, Instant purgeAfter) {
    }

    /** @param deleteAfter when OneDrive is deleted, null when it is not; @param accessFor who is given access */
    public record OneDrive(String summary, Instant deleteAfter, String accessFor) {
    }
}
