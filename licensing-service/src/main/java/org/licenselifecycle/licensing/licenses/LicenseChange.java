package org.licenselifecycle.licensing.licenses;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What one assignLicense call asks for, checked for shape: both lists present (empty allowed), not both
 * empty, every product named once. Disabled plans left out mean none.
 */
record LicenseChange(List<AssignedLicense> add, List<UUID> remove) {

    static LicenseChange of(List<AssignedLicense> add, List<UUID> remove) {
        if (add == null) {
            throw LicenseAssignmentRefused.malformed(
                    "Property 'addLicenses' is required; send an empty array when no license is to be added.");
        }
        if (remove == null) {
            throw LicenseAssignmentRefused.malformed(
                    "Property 'removeLicenses' is required; send an empty array when no license is to be removed.");
        }
        if (add.isEmpty() && remove.isEmpty()) {
            throw LicenseAssignmentRefused.malformed("addLicenses and removeLicenses are both empty: nothing to change.");
        }
        Set<UUID> named = new HashSet<>();
        List<AssignedLicense> normalized = add.stream().map(license -> {
            if (license == null || license.skuId() == null) {
                throw LicenseAssignmentRefused.malformed("Every entry of addLicenses needs a skuId.");
            }
            List<UUID> disabled = license.disabledPlans() == null ? List.of() : license.disabledPlans();
            if (disabled.stream().anyMatch(Objects::isNull)) {
                throw LicenseAssignmentRefused.malformed("disabledPlans of license " + license.skuId() + " contains an empty id.");
            }
            if (!named.add(license.skuId())) {
                throw LicenseAssignmentRefused.malformed("License " + license.skuId() + " is named more than once.");
            }
            return new AssignedLicense(license.skuId(), List.copyOf(new LinkedHashSet<>(disabled)));
        }).toList();
        for (UUID skuId : remove) {
            if (skuId == null) {
                throw LicenseAssignmentRefused.malformed("removeLicenses contains an empty skuId.");
            }
            if (!named.add(skuId)) {
                throw LicenseAssignmentRefused.malformed("License " + skuId + " is named more than once.");
            }
        }
        return new LicenseChange(normalized, List.copyOf(remove));
    }
}
