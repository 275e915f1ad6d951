package org.licenselifecycle.console.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.console.services.LicensingClient.LicenseDetail;
import org.licenselifecycle.console.services.LicensingClient.OfficeActivation;

/** The Unassign box's Office apps note is licensing's answer in words: the console decides nothing about the apps. */
class OfficeAppsNoteTest {

    private static final String BUSINESS_PREMIUM = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final String APPS = "cdd28e44-67e3-425e-be4c-737fab2899d3";
    private static final List<LicenseDetail> HELD = List.of(new LicenseDetail(BUSINESS_PREMIUM, "SPB", List.of()),
            new LicenseDetail(APPS, "O365_BUSINESS", List.of()));
    private static final Map<String, String> NAMES = Map.of(BUSINESS_PREMIUM, "Microsoft 365 Business Premium",
            APPS, "Microsoft 365 Apps for business");

    @Test
    void appsLeftWithoutALicenseShowLicensingsUnlicensedProductMessage() {
        String message = "Unlicensed Product: the user has no license for Microsoft 365 Apps. Most features of the apps "
                + "are unavailable (reduced functionality) until a license that includes them is assigned.";

        assertThat(WhatHappensToData.officeApps(new OfficeActivation(false, "Unlicensed Product", true, List.of(),
                message), HELD, NAMES)).isEqualTo(message);
    }

    @Test
    void appsKeptLicensedNameTheProductsThatKeepThem() {
        assertThat(WhatHappensToData.officeApps(new OfficeActivation(true, "Licensed", false, List.of("O365_BUSINESS"),
                "Microsoft 365 Apps are licensed."), HELD, NAMES))
                .isEqualTo("Office apps stay licensed through Microsoft 365 Apps for business.");
    }

    @Test
    void nothingRemovedNothingAsked() {
        assertThat(WhatHappensToData.officeApps(null, HELD, NAMES))
                .isEqualTo("Office apps as they are: no license of the user's is removed.");
    }
}
