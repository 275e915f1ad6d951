package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.MICROSOFT_365_E3;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.products.ProductCatalogFile;
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
        // Microsoft's own file capitalises some names differently from the admin center ("Apps for Business")
        assertThat(catalog.all()).extracting(Product::skuId, Product::skuPartNumber, p -> p.productName().toLowerCase())
                .contains(
                        org.assertj.core.groups.Tuple.tuple(BUSINESS_PREMIUM, "SPB", "microsoft 365 business premium"),
                        org.assertj.core.groups.Tuple.tuple(OFFICE_365_E3, "ENTERPRISEPACK", "office 365 e3"),
                        org.assertj.core.groups.Tuple.tuple(MICROSOFT_365_E3, "SPE_E3", "microsoft 365 e3"),
                        org.assertj.core.groups.Tuple.tuple(APPS_FOR_BUSINESS, "O365_BUSINESS", "microsoft 365 apps for business"));
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

    /**
     * The demo products (deploy/local/seed, the tests) keep their ids and every plan they had when the catalog
     * was first seeded, whatever version of Microsoft's file is loaded; and which of their plans carry a mailbox.
     */
    @Test
    void theDemoProductsKeepTheirIdsPlansAndMailboxes() {
        Map<UUID, List<String>> seeded = Map.of(
                BUSINESS_PREMIUM, List.of("9aaf7827-d63c-4b61-89c3-182f06f82e5c", "176a09a6-7ec5-4039-ac02-b2791c6ba793",
                        "113feb6c-3fe4-4440-bddc-54d774bf0318", "c7699d2e-19aa-44de-8edf-1736da088ca1",
                        "e95bec33-7c88-4a70-8e19-b10bd9d0c014", "094e7854-93fc-4d55-b2c0-3ab5369ebdc1",
                        "57ff2da0-773e-42df-b2af-ffb7a2317929", "0feaeb32-d00e-4d66-bd5a-43b5b83db82c",
                        "159f4cd6-e380-449f-a816-af1a9ef76344", "b737dad2-2f6c-4c65-90e3-ca563267e8b9",
                        "a23b959c-7ce8-4e57-9140-b90eb88a9e97", "7547a3fe-08ee-4ccb-b430-5077c5041653",
                        "bea4c11e-220a-4e6d-8eb8-8ea15d019f90", "6c57d4b6-3b23-47a5-9bc9-69f17b4947b3",
                        "c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "41781fb2-bc02-4b7c-bd55-b576c07bb09d",
                        "8a256a2b-b617-496d-b51b-e76466e88db0", "f20fedf3-f3c3-43c3-8267-2bfdd51c0939",
                        "bfc1bbd9-981b-4f71-9b82-17c35fd0e2a4", "8e229017-d77b-43d5-9305-903395523b99"),
                OFFICE_365_E3, List.of("efb87545-963c-4e0d-99df-69c6916d9eb0", "5dbe027f-2339-4123-9542-606e4d348a72",
                        "e95bec33-7c88-4a70-8e19-b10bd9d0c014", "43de0ff5-c92c-492b-9116-175376d08c38",
                        "57ff2da0-773e-42df-b2af-ffb7a2317929", "0feaeb32-d00e-4d66-bd5a-43b5b83db82c",
                        "2789c901-c14e-48ab-a76a-be334d9d793a", "b737dad2-2f6c-4c65-90e3-ca563267e8b9",
                        "9e700747-8b1d-45e5-ab8d-ef187ceec156", "a23b959c-7ce8-4e57-9140-b90eb88a9e97",
                        "7547a3fe-08ee-4ccb-b430-5077c5041653", "bea4c11e-220a-4e6d-8eb8-8ea15d019f90"),
                MICROSOFT_365_E3, List.of("efb87545-963c-4e0d-99df-69c6916d9eb0", "5dbe027f-2339-4123-9542-606e4d348a72",
                        "e95bec33-7c88-4a70-8e19-b10bd9d0c014", "43de0ff5-c92c-492b-9116-175376d08c38",
                        "57ff2da0-773e-42df-b2af-ffb7a2317929", "0feaeb32-d00e-4d66-bd5a-43b5b83db82c",
                        "2789c901-c14e-48ab-a76a-be334d9d793a", "b737dad2-2f6c-4c65-90e3-ca563267e8b9",
                        "a23b959c-7ce8-4e57-9140-b90eb88a9e97", "7547a3fe-08ee-4ccb-b430-5077c5041653",
                        "bea4c11e-220a-4e6d-8eb8-8ea15d019f90", "6c57d4b6-3b23-47a5-9bc9-69f17b4947b3",
                        "c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "41781fb2-bc02-4b7c-bd55-b576c07bb09d",
                        "8a256a2b-b617-496d-b51b-e76466e88db0", "292cc034-7b7c-4950-aaf5-943befd3f1d4",
                        "21b439ba-a0ca-424f-a6cc-52f954a5b111"),
                APPS_FOR_BUSINESS, List.of("159f4cd6-e380-449f-a816-af1a9ef76344", "094e7854-93fc-4d55-b2c0-3ab5369ebdc1",
                        "13696edf-5a08-49f6-8134-03083ed8ba30", "e95bec33-7c88-4a70-8e19-b10bd9d0c014",
                        "a23b959c-7ce8-4e57-9140-b90eb88a9e97"));
        Map<UUID, List<String>> mailboxes = Map.of(BUSINESS_PREMIUM, List.of("EXCHANGE_S_STANDARD"),
                OFFICE_365_E3, List.of("EXCHANGE_S_ENTERPRISE"), MICROSOFT_365_E3, List.of("EXCHANGE_S_ENTERPRISE"),
                APPS_FOR_BUSINESS, List.of());

        seeded.forEach((skuId, plans) -> {
            Product product = catalog.find(skuId).orElseThrow();
            assertThat(product.servicePlans()).extracting(p -> p.servicePlanId().toString())
                    .as(product.skuPartNumber()).containsAll(plans);
            assertThat(product.servicePlans()).filteredOn(ServicePlan::isExchangeOnline)
                    .extracting(ServicePlan::servicePlanName).as(product.skuPartNumber())
                    .containsExactlyElementsOf(mailboxes.get(skuId));
        });
    }

    /** Flyway's R__Product_catalog loaded the file on the class path: every product of it, with exactly its plans. */
    @Test
    void theCatalogHoldsEveryProductOfTheFileWithExactlyItsPlans() throws Exception {
        List<Product> file;
        try (var csv = getClass().getClassLoader().getResourceAsStream(ProductCatalogFile.RESOURCE)) {
            file = ProductCatalogFile.read(csv);
        }
        assertThat(file).isNotEmpty();
        for (Product expected : file) {
            Product loaded = catalog.find(expected.skuId()).orElseThrow();
            assertThat(loaded.skuPartNumber()).isEqualTo(expected.skuPartNumber());
            assertThat(loaded.productName()).isEqualTo(expected.productName());
            assertThat(loaded.servicePlans()).containsExactlyInAnyOrderElementsOf(expected.servicePlans());
        }
    }

    private static java.util.List<ServicePlan> plans(Product product, Workload workload) {
        return product.servicePlans().stream().filter(p -> p.workload() == workload).toList();
    }
}
