package org.licenselifecycle.licensing.licenses;

import org.licenselifecycle.licensing.subscriptions.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.licenselifecycle.licensing.subscriptions.Subscription;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * The Your products page: one row per subscription, and unassigning its product from selected users.
 * "If you're a Cloud Solution Provider (CSP) and you bought products on behalf of a customer, you can't use
 * the Your products page to assign or unassign licenses for certain products, like perpetual software."
 */
@ApplicationScoped
public class YourProductsService {

    private final LicensesPageService licensesPage;
    private final SubscriptionRepository subscriptions;

    YourProductsService(LicensesPageService licensesPage, SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
        this.licensesPage = licensesPage;
    }

    @Transactional
    public UnassignResult unassign(UUID tenantId, UUID actor, UUID subscriptionId, UnassignRequest request) {
        Subscription subscription = subscriptions.findInTenant(tenantId, subscriptionId);
        if (subscription == null) {
            throw GraphException.notFound(String.valueOf(subscriptionId));
        }
        if (!subscription.licensesChangeOnYourProducts()) {
            throw GraphException.badRequest("This perpetual software was bought by your Cloud Solution Provider: its "
                    + "licenses can't be assigned or unassigned on the Your products page. Use the Licenses page instead: "
                    + "POST /api/v1/licenses/" + subscription.skuId + "/unassign.");
        }
        return licensesPage.unassign(tenantId, actor, subscription.skuId, request);
    }
}
