package org.licenselifecycle.licensing.subscriptions;

/** How a subscription was bought: by an admin, as a self-service purchase by a user, or by a CSP partner. */
public enum PurchaseChannel {
    ADMIN,
    SELF_SERVICE,
    CSP
}
