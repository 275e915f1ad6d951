package org.licenselifecycle.lifecycle.onedrive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.events.ServicePlan;

class OneDriveTest {

    private static List<ServicePlan> plans(String... names) {
        return java.util.Arrays.stream(names).map(name -> new ServicePlan(UUID.randomUUID(), name)).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SHAREPOINTSTANDARD", "SHAREPOINTENTERPRISE", "ONEDRIVESTANDARD", "ONEDRIVE_BASIC", "SharePointWAC"})
    void sharePointAndOneDrivePlansComeWithOneDrive(String plan) {
        assertThat(OneDrive.includedIn(plans("EXCHANGE_S_STANDARD", plan))).isTrue();
    }

    @Test
    void otherPlansDoNot() {
        assertThat(OneDrive.includedIn(plans("EXCHANGE_S_STANDARD", "MCOSTANDARD", "OFFICE_BUSINESS"))).isFalse();
        assertThat(OneDrive.includedIn(List.of())).isFalse();
    }

    @Test
    void thePersonalSiteIsNamedAfterTheTenantAndTheUserPrincipalName() {
        assertThat(OneDrive.personalSiteUrl("Adele.Vance@Contoso.onmicrosoft.com"))
                .isEqualTo("https://contoso-my.sharepoint.com/personal/adele_vance_contoso_onmicrosoft_com");
        assertThat(OneDrive.personalSiteUrl("megan@fabrikam.com"))
                .isEqualTo("https://fabrikam-my.sharepoint.com/personal/megan_fabrikam_com");
    }
}
