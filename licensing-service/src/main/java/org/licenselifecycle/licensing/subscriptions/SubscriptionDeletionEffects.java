package org.licenselifecycle.licensing.subscriptions;

import java.time.Instant;

/**
 * What else happens, in the same transaction, when a subscription is deleted at the end of its life: the licenses
 * only it held leave their users ({@code licenses.SubscriptionDeletionService}). Declared here so that
 * subscriptions do not depend on the licenses given from them.
 */
public interface SubscriptionDeletionEffects {

    /**
     * The subscription (locked by the caller, already Deleted) was deleted at {@code at}; {@code disabledLicenses}
     * of its licenses users may still hold outside the product's total ({@link Seats#disable}).
     */
    void subscriptionDeleted(Subscription subscription, int disabledLicenses, Instant at);
}
