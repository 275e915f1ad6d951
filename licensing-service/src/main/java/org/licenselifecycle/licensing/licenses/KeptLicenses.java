package org.licenselifecycle.licensing.licenses;

import java.util.List;
import java.util.UUID;

/** The Active users page's "Save changes": the products the user keeps; every other one is unassigned. */
public record KeptLicenses(List<UUID> skuIds) {
}
