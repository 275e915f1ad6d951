package org.licenselifecycle.licensing.subscriptions;

/** A subscription's state, named as Graph's subscribedSku and companySubscription name them. */
public enum SubscriptionStatus {
    Enabled,
    Warning,
    Suspended,
    LockedOut,
    Deleted
}
