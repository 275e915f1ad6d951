package org.licenselifecycle.licensing.graph;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.UUID;

/** Graph's subscribedSku: a product the tenant owns, its seats and its service plans. */
@JsonPropertyOrder({"id", "skuId", "skuPartNumber", "appliesTo", "capabilityStatus", "consumedUnits", "prepaidUnits",
        "servicePlans"})
public record SubscribedSku(String id, UUID skuId, String skuPartNumber, String appliesTo, String capabilityStatus,
        int consumedUnits, LicenseUnits prepaidUnits, List<ServicePlanInfo> servicePlans) {

    /** Graph's licenseUnitsDetail. */
    @JsonPropertyOrder({"enabled", "suspended", "warning", "lockedOut"})
    public record LicenseUnits(int enabled, int suspended, int warning, int lockedOut) {
    }
}
