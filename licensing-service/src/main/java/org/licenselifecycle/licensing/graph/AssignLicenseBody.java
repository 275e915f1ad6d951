package org.licenselifecycle.licensing.graph;

import java.util.List;
import java.util.UUID;
import org.licenselifecycle.licensing.licenses.AssignedLicense;

/** Graph's assignLicense request body. */
public record AssignLicenseBody(List<AssignedLicense> addLicenses, List<UUID> removeLicenses) {
}
