package org.licenselifecycle.licensing.graph;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Graph's companySubscription: one subscription the tenant bought. */
@JsonPropertyOrder({"id", "commerceSubscriptionId", "createdDateTime", "isTrial", "nextLifecycleDateTime", "ownerId",
        "ownerTenantId", "ownerType", "serviceStatus", "skuId", "skuPartNumber", "status", "totalLicenses"})
public record CompanySubscription(String id, String commerceSubscriptionId, Instant createdDateTime, boolean isTrial,
        Instant nextLifecycleDateTime, String ownerId, String ownerTenantId, String ownerType,
        List<ServicePlanInfo> serviceStatus, UUID skuId, String skuPartNumber, String status, int totalLicenses) {
}
