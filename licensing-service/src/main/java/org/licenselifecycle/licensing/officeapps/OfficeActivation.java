package org.licenselifecycle.licensing.officeapps;

import java.util.List;
import java.util.UUID;

/**
 * Whether the Microsoft 365 Apps (Office desktop apps) of a user activate. Without a license for them the
 * apps show "Unlicensed Product" and run with reduced functionality (view and print only).
 *
 * @param status {@code Licensed} or {@code Unlicensed Product}
 * @param licensedBy the products whose enabled Microsoft 365 Apps plan licenses the apps
 */
public record OfficeActivation(UUID userId, boolean licensed, String status, boolean reducedFunctionality,
        List<String> licensedBy, List<String> servicePlans, String message) {
}
