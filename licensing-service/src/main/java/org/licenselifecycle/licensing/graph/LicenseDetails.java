package org.licenselifecycle.licensing.graph;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.UUID;

/** Graph's licenseDetails: a license a user holds, with each plan's provisioning status. */
@JsonPropertyOrder({"id", "skuId", "skuPartNumber", "servicePlans"})
public record LicenseDetails(String id, UUID skuId, String skuPartNumber, List<ServicePlanInfo> servicePlans) {
}
