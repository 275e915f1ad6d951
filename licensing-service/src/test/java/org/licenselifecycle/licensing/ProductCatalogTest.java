package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.MICROSOFT_365_E3;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.products.ServicePlan;
import org.licenselifecycle.licensing.products.Workload;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class ProductCatalogTest {

    @Inject
    ProductCatalog catalog;

    @Test
    void theCatalogHoldsMicrosoftsProductsWithTheirIds() {
        assertThat(catalog.all()).extracting(Product::skuId, Product::skuPartNumber, Product::productName)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(BUSINESS_PREMIUM, "SPB", "Microsoft 365 Business Premium"),
                        org.assertj.core.groups.Tuple.tuple(OFFICE_365_E3, "ENTERPRISEPACK", "Office 365 E3"),
                        org.assertj.core.groups.Tuple.tuple(MICROSOFT_365_E3, "SPE_E3", "Microsoft 365 E3"),
                        org.assertj.core.groups.Tuple.tuple(APPS_FOR_BUSINESS, "O365_BUSINESS", "Microsoft 365 Apps for business"));
    }

    @Test
    void businessPremiumHasExchangeOnlinePlanOneSharePointAndTheAppsForBusiness() {
        Product product = catalog.find(BUSINESS_PREMIUM).orElseThrow();

        assertThat(plans(product, Workload.EXCHANGE_ONLINE)).extracting(ServicePlan::servicePlanName, ServicePlan::exchangeEnterprise)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EXCHANGE_S_STANDARD", false));
        assertThat(plans(product, Workload.EXCHANGE_ONLINE)).extracting(ServicePlan::servicePlanId)
                .containsExactly(UUID.fromString("9aaf7827-d63c-4b61-89c3-182f06f82e5c"));
        assertThat(plans(product, Workload.SHAREPOINT_ONEDRIVE)).extracting(ServicePlan::servicePlanName)
                .containsExactly("SHAREPOINTSTANDARD");
        assertThat(plans(product, Workload.MICROSOFT_365_APPS)).extracting(ServicePlan::servicePlanName)
                .containsExactly("OFFICE_BUSINESS");
        assertThat(plans(product, Workload.TEAMS)).extracting(ServicePlan::servicePlanName).containsExactly("TEAMS1");
    }

    @Test
    void bothE3sHaveExchangeOnlinePlanTwoWhichIsTheEnterprisePlan() {
        for (UUID e3 : new UUID[] {OFFICE_365_E3, MICROSOFT_365_E3}) {
            Product product = catalog.find(e3).orElseThrow();

            assertThat(plans(product, Workload.EXCHANGE_ONLINE))
                    .extracting(ServicePlan::servicePlanId, ServicePlan::servicePlanName, ServicePlan::exchangeEnterprise)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(
                            UUID.fromString("efb87545-963c-4e0d-99df-69c6916d9eb0"), "EXCHANGE_S_ENTERPRISE", true));
            assertThat(plans(product, Workload.SHAREPOINT_ONEDRIVE)).extracting(ServicePlan::servicePlanName)
                    .containsExactly("SHAREPOINTENTERPRISE");
            assertThat(plans(product, Workload.MICROSOFT_365_APPS)).extracting(ServicePlan::servicePlanName)
                    .containsExactly("OFFICESUBSCRIPTION");
        }
    }

    @Test
    void theAppsForBusinessGiveNoMailboxButOneDriveAndTheOfficeApps() {
        Product product = catalog.find(APPS_FOR_BUSINESS).orElseThrow();

        assertThat(product.servicePlans()).noneMatch(ServicePlan::isExchangeOnline);
        assertThat(plans(product, Workload.SHAREPOINT_ONEDRIVE)).extracting(ServicePlan::servicePlanName)
                .containsExactly("ONEDRIVESTANDARD");
        assertThat(plans(product, Workload.MICROSOFT_365_APPS)).extracting(ServicePlan::servicePlanName)
                .containsExactly("OFFICE_BUSINESS");
    }

    private static java.util.List<ServicePlan> plans(Product product, Workload workload) {
        return product.servicePlans().stream().filter(p -> p.workload() == workload).toList();
    }
}
