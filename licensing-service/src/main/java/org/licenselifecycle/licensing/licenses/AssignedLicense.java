package org.licenselifecycle.licensing.licenses;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.UUID;

/**
 * A license held by (or to be given to) a user: the product and the service plans turned off for them.
 * The same shape as Graph's assignedLicense.
 */
@JsonPropertyOrder({"disabledPlans", "skuId"})
public record AssignedLicense(UUID skuId, List<UUID> disabledPlans) {
}
