package org.licenselifecycle.licensing.licenses;

import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.subscriptions.Subscription;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * "As an admin, you can't assign or unassign licenses for a self-service purchase subscription bought by
 * a user in your organization" (403 Authorization_RequestDenied), until the admin takes it over.
 */
public class SelfServicePurchaseRefused extends GraphException {

    SelfServicePurchaseRefused(Product product, Subscription purchase) {
        super(403, GraphErrorCodes.AUTHORIZATION_REQUEST_DENIED, "Licenses of " + product.productName() + " ("
                + product.skuId() + ") come from a self-service purchase bought by " + purchase.purchaserName
                + ": an admin can't assign or unassign them. Take over the subscription first: POST /api/v1/subscriptions/"
                + purchase.id + "/takeOver.");
    }
}
