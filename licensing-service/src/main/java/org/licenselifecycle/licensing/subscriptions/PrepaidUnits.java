package org.licenselifecycle.licensing.subscriptions;

import java.util.Collection;

/**
 * Graph's prepaidUnits of a product (licenseUnitsDetail): the licenses of the tenant's subscriptions of it,
 * counted by the state each subscription is in. "Enabled" units can be assigned; "warning" ones too, in the
 * grace period after the subscription expired; "suspended" ones (cancelled, can still be reactivated) and
 * "lockedOut" ones cannot. A Deleted subscription's licenses are gone and count nowhere.
 */
public record PrepaidUnits(int enabled, int suspended, int warning, int lockedOut) {

    static final PrepaidUnits NONE = new PrepaidUnits(0, 0, 0, 0);

    /** The units of the subscriptions that count towards the product (see {@link Subscription#countsTowardsProduct}). */
    static PrepaidUnits of(Collection<Subscription> subscriptions) {
        PrepaidUnits units = NONE;
        for (Subscription subscription : subscriptions) {
            if (subscription.countsTowardsProduct()) {
                units = units.plus(subscription.status, subscription.licenses);
            }
        }
        return units;
    }

    private PrepaidUnits plus(SubscriptionStatus status, int licenses) {
        return switch (status) {
            case Enabled -> new PrepaidUnits(enabled + licenses, suspended, warning, lockedOut);
            case Warning -> new PrepaidUnits(enabled, suspended, warning + licenses, lockedOut);
            case Suspended -> new PrepaidUnits(enabled, suspended + licenses, warning, lockedOut);
            case LockedOut -> new PrepaidUnits(enabled, suspended, warning, lockedOut + licenses);
            case Deleted -> this;
        };
    }

    /**
     * The product's capabilityStatus: Enabled while at least one unit is enabled (Graph's own rule), else the
     * state of the best units left (Warning, then Suspended, then LockedOut), and Deleted when none are left.
     */
    public SubscriptionStatus capabilityStatus() {
        if (enabled > 0) {
            return SubscriptionStatus.Enabled;
        }
        if (warning > 0) {
            return SubscriptionStatus.Warning;
        }
        if (suspended > 0) {
            return SubscriptionStatus.Suspended;
        }
        if (lockedOut > 0) {
            return SubscriptionStatus.LockedOut;
        }
        return SubscriptionStatus.Deleted;
    }
}
