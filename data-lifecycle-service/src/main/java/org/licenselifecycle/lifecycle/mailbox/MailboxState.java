package org.licenselifecycle.lifecycle.mailbox;

/** Where a mailbox stands in its lifecycle. */
public enum MailboxState {
    /** Licensed for Exchange Online: in use and searchable by eDiscovery. */
    ACTIVE,
    /**
     * Its Exchange Online license was removed: the data is held for the grace period, no longer searchable
     * by eDiscovery, and deleted for good once the grace period is over.
     */
    DISCONNECTED
}
