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

    /**
     * Whether the users holding its licenses can use them: while Enabled, and Expired (Warning: "users have normal
     * access"); not once Disabled ("users can't access apps in Microsoft 365"), locked out or deleted.
     */
    public boolean givesAccess() {
        return this == Enabled || this == Warning;
    }

    /**
     * The status as the admin center's Your products words it ("Active > Expired > Disabled > Deleted"): Warning is
     * an Expired subscription, Suspended a Disabled one.
     */
    public String adminCenterName() {
        return switch (this) {
            case Enabled -> "Active";
            case Warning -> "Expired";
            case Suspended -> "Disabled";
            case LockedOut -> "Locked out";
            case Deleted -> "Deleted";
        };
    }
}
