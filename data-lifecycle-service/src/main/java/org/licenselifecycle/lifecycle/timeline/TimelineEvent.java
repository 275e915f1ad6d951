package org.licenselifecycle.lifecycle.timeline;

/** What can happen to a user's data. */
public enum TimelineEvent {
    MAILBOX_PROVISIONED,
    LICENSE_REMOVED,
    MAILBOX_RECONNECTED,
    HOLD_PLACED,
    HOLD_RELEASED,
    USER_DELETED,
    USER_RESTORED,
    USER_PURGED,
    MAILBOX_PURGED,
    ONEDRIVE_PROVISIONED,
    ONEDRIVE_DELETED
}
