package org.licenselifecycle.lifecycle.mailbox;

/** The holds that preserve a mailbox: while any is in force the mailbox stays searchable and is never purged. */
public enum HoldKind {
    LITIGATION_HOLD,
    EDISCOVERY_HOLD,
    RETENTION_POLICY
}
