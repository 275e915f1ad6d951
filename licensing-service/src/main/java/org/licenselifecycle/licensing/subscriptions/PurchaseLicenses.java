package org.licenselifecycle.licensing.subscriptions;

import java.util.List;
import java.util.UUID;

/**
 * What a self-service purchase does to the licenses it gives out: its purchaser gives them to users at purchase,
 * and they become ordinary licenses when an admin takes the purchase over. Licensing's licenses hold these rows
 * ({@code licenses.SelfServiceLicenses}); subscriptions only asks, so that it does not depend on them.
 */
public interface PurchaseLicenses {

    /**
     * The purchaser gives the purchase's licenses to {@code users}, in the caller's transaction; a refusal (too
     * many users, a user without a usage location or already licensed) changes nothing. The caller has written
     * {@code purchase}'s row (flushed), which the licenses reference.
     */
    void assignFromPurchase(Subscription purchase, List<UUID> users);

    /** The purchase's licenses become ordinary ones; the caller counts them in the product's seats. */
    void takenOver(Subscription purchase);
}
