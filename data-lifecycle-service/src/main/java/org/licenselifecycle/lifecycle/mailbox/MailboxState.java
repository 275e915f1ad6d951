package org.licenselifecycle.lifecycle.mailbox;

/** Where a mailbox stands in its lifecycle. */
public enum MailboxState {
    /** Licensed for Exchange Online: in use and searchable by eDiscovery. */
    ACTIVE,
    /**
     * Its Exchange Online license was removed: the data is held for the grace period, no longer searchable
     * by eDiscovery (unless a hold placed on it keeps it so), and deleted for good once the grace period is
     * over and no hold is in force.
     */
    DISCONNECTED,
    /** The user was deleted while the mailbox was held under an Enterprise plan: kept and searchable. */
    INACTIVE,
    /** The user was deleted and nothing keeps the mailbox: purged when its retention is over. */
    SOFT_DELETED,
    /** The content was deleted for good; only items under a retention label are kept, for discovery. */
    PURGED
}
