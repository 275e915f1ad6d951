package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class LicensesPageTest {

    @Test
    void aProductsTotalIsSummedOverAllItsSubscriptions() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(BUSINESS_PREMIUM, 8);
        tenant.buy(OFFICE_365_E3, 10);
        UUID ada = tenant.newUser();
        UUID grace = tenant.newUser();
        tenant.assign(ada, BUSINESS_PREMIUM);
        tenant.assign(grace, BUSINESS_PREMIUM);
        tenant.assign(grace, OFFICE_365_E3);

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/licenses")
                .then().statusCode(200)
                .body("productName", contains("Microsoft 365 Business Premium", "Office 365 E3"))
                .body("skuId", contains(BUSINESS_PREMIUM.toString(), OFFICE_365_E3.toString()))
                .body("skuPartNumber", contains("SPB", "ENTERPRISEPACK"))
                .body("total", contains(13, 10))
                .body("assigned", contains(2, 1))
                .body("available", contains(11, 9));
    }

    @Test
    void aRemovedLicenseIsAvailableAgain() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(BUSINESS_PREMIUM, 8);
        UUID user = tenant.newUser();
        tenant.assign(user, BUSINESS_PREMIUM);

        tenant.assignLicense(user, TestTenant.remove(BUSINESS_PREMIUM)).then().statusCode(200);

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/licenses")
                .then().statusCode(200)
                .body("total", contains(13))
                .body("assigned", contains(0))
                .body("available", contains(13));
    }

    @Test
    void aTenantSeesOnlyItsOwnProducts() {
        TestTenant other = new TestTenant();
        other.buy(BUSINESS_PREMIUM, 5);

        given().auth().oauth2(new TestTenant().licenseAdmin).get("/api/v1/licenses")
                .then().statusCode(200).body("", empty());
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"GLOBAL_ADMINISTRATOR", "LICENSE_ADMINISTRATOR",
            "USER_ADMINISTRATOR", "GLOBAL_READER"})
    void adminsAndGlobalReadersMayReadThePage(DirectoryRole role) {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        given().auth().oauth2(tenant.token(role)).get("/api/v1/licenses")
                .then().statusCode(200).body("total", contains(5));
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"BILLING_ADMINISTRATOR", "HELPDESK_ADMINISTRATOR"})
    void otherRolesMayNotReadThePage(DirectoryRole role) {
        TestTenant tenant = new TestTenant();
        given().auth().oauth2(tenant.token(role)).get("/api/v1/licenses")
                .then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
        given().auth().oauth2(tenant.token()).get("/api/v1/licenses").then().statusCode(403);
        given().get("/api/v1/licenses").then().statusCode(401).body("error.code", equalTo("InvalidAuthenticationToken"));
    }
}
