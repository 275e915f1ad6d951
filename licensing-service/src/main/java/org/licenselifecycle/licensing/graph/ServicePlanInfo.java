package org.licenselifecycle.licensing.graph;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.UUID;

/** Graph's servicePlanInfo. */
@JsonPropertyOrder({"servicePlanId", "servicePlanName", "provisioningStatus", "appliesTo"})
public record ServicePlanInfo(UUID servicePlanId, String servicePlanName, String provisioningStatus, String appliesTo) {
}
