package org.licenselifecycle.console.data;

import java.time.Instant;

/**
 * What unassigning licenses will do to one user's data, in the words the confirmation box shows.
 *
 * @param mailbox the mailbox: disconnected and purged on a date, kept under a hold, or unchanged
 * @param retention what stays for discovery
 * @param oneDrive what happens to OneDrive (nothing, when only a license goes)
 * @param gracePeriodEnds when the grace period of a mailbox disconnected now ends, as data-lifecycle-service says
 * @param officeApps whether the Office apps still activate or show "Unlicensed Product", as licensing-service's Office
 *     apps check answers for the licenses about to go; null until asked
 */
public record DataOutcome(String userId, String displayName, String userPrincipalName, String removed,
        String mailbox, String retention, String oneDrive, boolean mailboxDisconnects, Instant gracePeriodEnds,
        String officeApps) {

    public DataOutcome(String userId, String displayName, String userPrincipalName, String removed, String mailbox,
            String retention, String oneDrive, boolean mailboxDisconnects, Instant gracePeriodEnds) {
        this(userId, displayName, userPrincipalName, removed, mailbox, retention, oneDrive, mailboxDisconnects,
                gracePeriodEnds, null);
    }

    /** This outcome with the Office apps' note. */
    public DataOutcome withOfficeApps(String note) {
        return new DataOutcome(userId, displayName, userPrincipalName, removed, mailbox, retention, oneDrive,
                mailboxDisconnects, gracePeriodEnds, note);
    }
}
