package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.MICROSOFT_365_E3;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * The request {@code Get-MgSubscribedSku -All} (Microsoft.Graph.Identity.DirectoryManagement 2.x) sends, as its
 * {@code -Debug} output shows it: {@code GET /v1.0/subscribedSkus} without query options and with the module's
 * headers, then each {@code @odata.nextLink} as given until there is none.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class PowerShellSubscribedSkuTest {

    @Test
    void getMgSubscribedSkuAllReadsEveryProductWithItsUnits() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(BUSINESS_PREMIUM, 8);
        tenant.buy(OFFICE_365_E3, 10);
        tenant.buy(MICROSOFT_365_E3, 2);

        List<Map<String, Object>> skus = new ArrayList<>();
        String url = "http://localhost:" + RestAssured.port + "/v1.0/subscribedSkus";
        while (url != null) {
            Response page = given().urlEncodingEnabled(false)
                    .header("Authorization", "Bearer " + tenant.licenseAdmin)
                    .header("FeatureFlag", "00000003")
                    .header("Cache-Control", "no-store, no-cache")
                    .header("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Microsoft Windows 10.0.22631; en-US) PowerShell/7.4.6")
                    .header("SdkVersion", "graph-powershell/2.25.0")
                    .header("client-request-id", UUID.randomUUID().toString())
                    .header("Accept-Encoding", "gzip,deflate,br")
                    .get(url)
                    .then().statusCode(200).extract().response();
            skus.addAll(page.jsonPath().getList("value"));
            url = page.path("'@odata.nextLink'");
        }

        assertThat(skus).extracting(s -> s.get("skuPartNumber")).containsExactlyInAnyOrder("SPB", "ENTERPRISEPACK", "SPE_E3");
        Map<String, Object> spb = skus.stream().filter(s -> "SPB".equals(s.get("skuPartNumber"))).findFirst().orElseThrow();
        assertThat(spb.get("capabilityStatus")).isEqualTo("Enabled");
        assertThat(spb.get("prepaidUnits")).isEqualTo(Map.of("enabled", 13, "suspended", 0, "warning", 0, "lockedOut", 0));
        assertThat((List<?>) spb.get("subscriptionIds")).hasSize(2);
    }
}
