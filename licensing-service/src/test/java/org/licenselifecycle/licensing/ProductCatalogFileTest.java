package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalogFile;
import org.licenselifecycle.licensing.products.ServicePlan;
import org.licenselifecycle.licensing.products.Workload;
import org.licenselifecycle.licensing.subscriptions.ProvisioningStatus;
import org.licenselifecycle.licensing.subscriptions.SubscriptionStatus;

/** Reading Microsoft's catalog CSV as it is published, and which plans carry a mailbox. */
class ProductCatalogFileTest {

    private static final String HEADER =
            "\uFEFFProduct_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names\n";

    @Test
    void microsoftsFileIsReadWithItsByteOrderMarkRepeatedRowsAndVariantSpellings() throws Exception {
        List<Product> products = read(HEADER
                + "Office 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900,EXCHANGE_S_ENTERPRISE,efb87545-963c-4e0d-99df-69c6916d9eb0,Exchange Online (Plan 2)\n"
                + "Office 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900,ATP_ENTERPRISE ,f20fedf3-f3c3-43c3-8267-2bfdd51c0939,Microsoft Defender for Office 365 (Plan 1)\n"
                + "Office 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900,EXCHANGE_S_ENTERPRISE,efb87545-963c-4e0d-99df-69c6916d9eb0,Exchange Online (Plan 2)\n"
                + "\"Microsoft 365 F3\",SPE_F1,66b55226-6b4f-492c-910c-a3b7a3c9d993,EXCHANGE_S_DESKLESS,4a82b400-a79f-41a4-b4e2-e94f5787b113,\"Exchange Online Kiosk\"\n"
                + "Microsoft 365 F3,SPE_F1,66b55226-6b4f-492c-910c-a3b7a3c9d993,ATP_ENTERPRISE,f20fedf3-f3c3-43c3-8267-2bfdd51c0939,\"Microsoft Defender for Office 365 \t(Plan 1)\"\n"
                + "Microsoft 365 F3,SPE_F1,66b55226-6b4f-492c-910c-a3b7a3c9d993\u00A0,ATP_ENTERPRISE,f20fedf3-f3c3-43c3-8267-2bfdd51c0939,Microsoft Defender for Office 365 (Plan 1)\n");

        assertThat(products).extracting(Product::skuPartNumber, Product::productName).containsExactly(
                org.assertj.core.groups.Tuple.tuple("ENTERPRISEPACK", "Office 365 E3"),
                org.assertj.core.groups.Tuple.tuple("SPE_F1", "Microsoft 365 F3"));
        Product e3 = products.get(0);
        assertThat(e3.skuId()).isEqualTo(UUID.fromString("6fd2c87f-b296-42f0-b197-1e91e994b900"));
        assertThat(e3.servicePlans()).extracting(ServicePlan::servicePlanName)
                .containsExactly("EXCHANGE_S_ENTERPRISE", "ATP_ENTERPRISE");
        assertThat(products.get(1).servicePlans()).extracting(ServicePlan::friendlyName)
                .containsExactly("Exchange Online Kiosk", "Microsoft Defender for Office 365 (Plan 1)");
    }

    @Test
    void aRowWithoutAGuidIsRefusedNamingItsLine() {
        assertThatThrownBy(() -> read(HEADER
                + "Office 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900,SWAY,a23b959c-7ce8-4e57-9140-b90eb88a9e97,Sway\n"
                + "Office 365 E3,ENTERPRISEPACK,6fd2c87f,SWAY,a23b959c-7ce8-4e57-9140-b90eb88a9e97,Sway\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Line 3").hasMessageContaining("GUID");
    }

    @Test
    void theExchangeOnlinePlansThatCarryAMailboxAreTheMailboxPlans() {
        for (String mailbox : List.of("EXCHANGE_S_STANDARD", "EXCHANGE_S_ENTERPRISE", "EXCHANGE_S_DESKLESS",
                "EXCHANGE_S_ESSENTIALS", "EXCHANGE_B_STANDARD", "EXCHANGE_L_STANDARD", "EXCHANGE_S_STANDARD_MIDMARKET",
                "EXCHANGE_S_STANDARD_GOV", "EXCHANGE_S_ENTERPRISE_GOV", "EXCHANGE_S_DESKLESS_GOV")) {
            assertThat(Workload.of(mailbox)).as(mailbox).isEqualTo(Workload.EXCHANGE_ONLINE);
        }
        for (String noMailbox : List.of("EXCHANGE_S_FOUNDATION", "EXCHANGE_S_FOUNDATION_GOV", "EXCHANGE_S_ARCHIVE_ADDON",
                "EXCHANGE_S_ARCHIVE", "EXCHANGE_ANALYTICS", "EXCHANGEONLINE_MULTIGEO", "ATP_ENTERPRISE")) {
            assertThat(Workload.of(noMailbox)).as(noMailbox).isNotEqualTo(Workload.EXCHANGE_ONLINE);
        }
        assertThat(List.of("EXCHANGE_S_ENTERPRISE", "EXCHANGE_S_ENTERPRISE_GOV")).allMatch(Workload::isExchangeEnterprise);
        assertThat(List.of("EXCHANGE_S_STANDARD", "EXCHANGE_S_DESKLESS")).noneMatch(Workload::isExchangeEnterprise);
    }

    @Test
    void oneDriveComesWithSharePointAndOneDrivePlansButNotWithOfficeForTheWeb() {
        assertThat(List.of("SHAREPOINTSTANDARD", "SHAREPOINTENTERPRISE", "SHAREPOINTDESKLESS", "ONEDRIVESTANDARD",
                "ONEDRIVE_BASIC")).allMatch(name -> Workload.of(name) == Workload.SHAREPOINT_ONEDRIVE);
        assertThat(List.of("SHAREPOINTWAC", "SHAREPOINT_PROJECT", "SHAREPOINTSTORAGE", "ONEDRIVECLIPCHAMP"))
                .allMatch(name -> Workload.of(name) == Workload.OTHER);
        assertThat(Workload.of("OFFICESUBSCRIPTION")).isEqualTo(Workload.MICROSOFT_365_APPS);
        assertThat(Workload.of("OFFICE_PROPLUS_DEVICE")).isEqualTo(Workload.OTHER);
        assertThat(Workload.of("TEAMS1")).isEqualTo(Workload.TEAMS);
    }

    @Test
    void aPlanAwaitingAnAdministratorsActivationIsPendingActivationWhileItsSubscriptionIsUsable() {
        ServicePlan intune = new ServicePlan(UUID.fromString("882e1d05-acd1-4ccb-8708-6ee03664b117"), "INTUNE_O365",
                "Mobile Device Management for Office 365", Workload.OTHER, false);
        ServicePlan sway = new ServicePlan(UUID.fromString("a23b959c-7ce8-4e57-9140-b90eb88a9e97"), "SWAY", "Sway",
                Workload.OTHER, false);

        assertThat(ProvisioningStatus.of(intune, SubscriptionStatus.Enabled)).isEqualTo(ProvisioningStatus.PendingActivation);
        assertThat(ProvisioningStatus.of(intune, SubscriptionStatus.Warning)).isEqualTo(ProvisioningStatus.PendingActivation);
        assertThat(ProvisioningStatus.of(intune, SubscriptionStatus.Suspended)).isEqualTo(ProvisioningStatus.Disabled);
        assertThat(ProvisioningStatus.of(sway, SubscriptionStatus.Enabled)).isEqualTo(ProvisioningStatus.Success);
        assertThat(ProvisioningStatus.of(sway, SubscriptionStatus.LockedOut)).isEqualTo(ProvisioningStatus.Disabled);
        assertThat(ProvisioningStatus.of(sway, SubscriptionStatus.Deleted)).isEqualTo(ProvisioningStatus.Disabled);
    }

    private static List<Product> read(String csv) throws Exception {
        return ProductCatalogFile.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }
}
