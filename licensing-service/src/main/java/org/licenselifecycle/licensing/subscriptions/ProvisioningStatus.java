package org.licenselifecycle.licensing.subscriptions;

import org.licenselifecycle.licensing.products.ServicePlan;

/**
 * Graph's provisioningStatus of a service plan in a tenant's product or subscription. A plan is provisioned
 * (Success) while its subscription's licenses can be used (Enabled, Warning) and Disabled once they cannot
 * (Suspended, LockedOut, Deleted). A plan that needs an administrator to activate it for the tenant, as
 * Mobile Device Management for Office 365 (INTUNE_O365) does, stays PendingActivation while usable.
 * PendingInput and PendingProvisioning come from Microsoft's provisioning pipeline, which is not modelled:
 * no plan here is ever in them.
 */
public enum ProvisioningStatus {
    Success,
    Disabled,
    PendingInput,
    PendingActivation,
    PendingProvisioning;

    /** Service plans that Graph documents as waiting for an administrator's activation. */
    private static final java.util.Set<String> NEED_ACTIVATION = java.util.Set.of("INTUNE_O365");

    public static ProvisioningStatus of(ServicePlan plan, SubscriptionStatus status) {
        if (!status.assignable()) {
            return Disabled;
        }
        return NEED_ACTIVATION.contains(plan.servicePlanName()) ? PendingActivation : Success;
    }
}
