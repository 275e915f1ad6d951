package org.licenselifecycle.licensing.subscriptions;

/** A subscription's state, named as Graph's subscribedSku and companySubscription name them. */
public enum SubscriptionStatus {
    Enabled,
    Warning,
    Suspended,
    LockedOut,
    Deleted;

    /**
     * Licenses of an Enabled subscription can be assigned, and of one in Warning (expired, in its grace
     * period) still; Suspended, LockedOut and Deleted ones give none.
     */
    public boolean assignable() {
        return this == Enabled || this == Warning;
    }
}
