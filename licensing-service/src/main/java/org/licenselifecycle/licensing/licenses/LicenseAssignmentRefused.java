package org.licenselifecycle.licensing.licenses;

import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * Why an assignLicense call changed nothing, with Microsoft Graph's own messages where Graph has one
 * (400 Request_BadRequest).
 */
public class LicenseAssignmentRefused extends GraphException {

    private LicenseAssignmentRefused(String message) {
        super(400, GraphErrorCodes.BAD_REQUEST, message);
    }

    /** A product that does not exist, or that the tenant has no subscription for. */
    public static LicenseAssignmentRefused invalidLicense(UUID skuId) {
        return new LicenseAssignmentRefused("License " + skuId + " does not correspond to a valid company License.");
    }

    public static LicenseAssignmentRefused userLacksLicense() {
        return new LicenseAssignmentRefused("User does not have a corresponding license");
    }

    public static LicenseAssignmentRefused noAvailableLicenses(UUID skuId) {
        return new LicenseAssignmentRefused("Subscription with SKU " + skuId + " does not have any available licenses.");
    }

    public static LicenseAssignmentRefused invalidUsageLocation() {
        return new LicenseAssignmentRefused("License assignment cannot be done for user with invalid usage location.");
    }

    public static LicenseAssignmentRefused planNotInLicense(UUID servicePlanId, UUID skuId) {
        return new LicenseAssignmentRefused("Service plan " + servicePlanId + " in disabledPlans is not part of license "
                + skuId + ".");
    }

    /** Graph's refusal to remove a license inherited from a group directly from the user. */
    public static LicenseAssignmentRefused inheritedFromGroup() {
        return new LicenseAssignmentRefused(
                "User license is inherited from a group membership and it cannot be removed directly from the user.");
    }

    /** A group's removeLicenses names a product the group does not give. */
    public static LicenseAssignmentRefused groupLacksLicense(UUID skuId) {
        return new LicenseAssignmentRefused("Group does not have a corresponding license " + skuId + ".");
    }

    /** The body does not say what to change. */
    public static LicenseAssignmentRefused malformed(String message) {
        return new LicenseAssignmentRefused(message);
    }
}
