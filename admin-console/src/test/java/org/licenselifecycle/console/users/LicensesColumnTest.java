package org.licenselifecycle.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.console.services.DirectoryClient.AssignedLicense;

class LicensesColumnTest {

    private static final String PREMIUM = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final String E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    private static final Map<String, String> NAMES = Map.of(PREMIUM, "Microsoft 365 Business Premium",
            E3, "Office 365 E3");

    @Test
    void aUserWithoutLicensesIsUnlicensed() {
        assertThat(LicensesColumn.of(List.of(), NAMES)).isEqualTo("Unlicensed");
        assertThat(LicensesColumn.of(null, NAMES)).isEqualTo("Unlicensed");
    }

    @Test
    void theProductsAreNamedAsLicensingNamesThemInAlphabeticalOrder() {
        assertThat(LicensesColumn.of(List.of(new AssignedLicense(E3), new AssignedLicense(PREMIUM)), NAMES))
                .isEqualTo("Microsoft 365 Business Premium, Office 365 E3");
    }

    @Test
    void aProductLicensingDoesNotListShowsAsItsSkuId() {
        String unknown = "00000000-0000-0000-0000-000000000001";
        assertThat(LicensesColumn.of(List.of(new AssignedLicense(unknown)), NAMES)).isEqualTo(unknown);
    }
}
