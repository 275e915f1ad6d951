package org.licenselifecycle.licensing.licenses;

import java.util.List;
import java.util.UUID;

/** A user of the read model and the licenses they hold. */
public record UserLicenses(UUID userId, String displayName, String userPrincipalName, String usageLocation,
        List<HeldLicense> licenses) {

    public UserLicenses {
        licenses = List.copyOf(licenses);
    }
}
