package org.licenselifecycle.licensing.reports;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A product's licenses paid for but not assigned, and what they cost per month: the Next steps of the
 * source document ("reassign the unused licenses" or "remove them from your subscription").
 *
 * @param monthlyPricePerLicense the list price, null when the catalog has none configured
 */
public record UnusedLicenses(UUID skuId, String skuPartNumber, String productName, int total, int assigned, int unused,
        BigDecimal monthlyPricePerLicense, String currency, BigDecimal monthlyCostOfUnused) {
}
