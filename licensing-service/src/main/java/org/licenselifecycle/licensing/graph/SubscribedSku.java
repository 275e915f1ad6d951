package org.licenselifecycle.licensing.graph;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.UUID;

/**
 * Graph's subscribedSku: a product the tenant has subscribed to, its units by state and its service plans.
 *
 * @param id {@code {tenantId}_{skuId}}, as Graph forms it
 * @param accountId the billing account the licenses are bought under: the tenant's own (one account per tenant)
 * @param accountName the billing account's name; licensing does not know it (directory owns the tenant's
 *     name), so it is null
 */
@JsonPropertyOrder({"id", "accountId", "accountName", "skuId", "skuPartNumber", "appliesTo", "capabilityStatus",
        "consumedUnits", "prepaidUnits", "servicePlans", "subscriptionIds"})
public record SubscribedSku(String id, String accountId, String accountName, UUID skuId, String skuPartNumber,
        String appliesTo, String capabilityStatus, int consumedUnits, LicenseUnits prepaidUnits,
        List<ServicePlanInfo> servicePlans, List<String> subscriptionIds) {

    /** Graph's licenseUnitsDetail. */
    @JsonPropertyOrder({"enabled", "suspended", "warning", "lockedOut"})
    public record LicenseUnits(int enabled, int suspended, int warning, int lockedOut) {
    }
}
