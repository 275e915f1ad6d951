package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.TEAMS1;

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
class GraphReadTest {

    private static final String SPB = "value.find { it.skuId == '" + BUSINESS_PREMIUM + "' }";
    private static final String E3 = "value.find { it.skuId == '" + OFFICE_365_E3 + "' }";

    @Test
    void subscribedSkusShowsTheTenantsProductsInGraphsShape() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(BUSINESS_PREMIUM, 8);
        tenant.assign(tenant.newUser(), BUSINESS_PREMIUM);
        new TestTenant().buy(OFFICE_365_E3, 10);

        given().auth().oauth2(tenant.token(DirectoryRole.GLOBAL_READER)).get("/v1.0/subscribedSkus")
                .then().statusCode(200)
                .body("'@odata.context'", startsWith("http://"))
                .body("'@odata.context'", endsWith("/v1.0/$metadata#subscribedSkus"))
                .body("value", hasSize(1))
                .body("value[0].id", equalTo(tenant.id + "_" + BUSINESS_PREMIUM))
                .body("value[0].skuId", equalTo(BUSINESS_PREMIUM.toString()))
                .body("value[0].skuPartNumber", equalTo("SPB"))
                .body("value[0].appliesTo", equalTo("User"))
                .body("value[0].capabilityStatus", equalTo("Enabled"))
                .body("value[0].consumedUnits", equalTo(1))
                .body("value[0].prepaidUnits.enabled", equalTo(13))
                .body("value[0].prepaidUnits.suspended", equalTo(0))
                .body("value[0].prepaidUnits.warning", equalTo(0))
                .body("value[0].prepaidUnits.lockedOut", equalTo(0))
                .body("value[0].servicePlans.servicePlanName", hasItem("EXCHANGE_S_STANDARD"))
                .body("value[0].servicePlans.find { it.servicePlanName == 'EXCHANGE_S_STANDARD' }.servicePlanId",
                        equalTo("9aaf7827-d63c-4b61-89c3-182f06f82e5c"))
                .body("value[0].servicePlans.findAll { it.servicePlanName != 'INTUNE_O365' }.provisioningStatus",
                        everyItem(equalTo("Success")))
                .body("value[0].servicePlans.appliesTo", everyItem(equalTo("User")));
    }

    @Test
    void licenseDetailsShowsEachLicenseWithItsPlansDisabledOrNot() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(OFFICE_365_E3, 5);
        UUID user = tenant.newUser();
        tenant.assign(user, OFFICE_365_E3);
        tenant.assignLicense(user, "{\"addLicenses\":[{\"skuId\":\"" + BUSINESS_PREMIUM + "\",\"disabledPlans\":[\""
                + TEAMS1 + "\"]}],\"removeLicenses\":[]}").then().statusCode(200);

        given().auth().oauth2(tenant.token(DirectoryRole.GLOBAL_READER)).get("/v1.0/users/{id}/licenseDetails", user)
                .then().statusCode(200)
                .body("'@odata.context'", endsWith("/v1.0/$metadata#users('" + user + "')/licenseDetails"))
                .body("value.skuId", containsInAnyOrder(BUSINESS_PREMIUM.toString(), OFFICE_365_E3.toString()))
                .body("value.id", everyItem(not(emptyString())))
                .body("value.id", everyItem(matchesPattern("[A-Za-z0-9_-]+")))
                .body(SPB + ".skuPartNumber", equalTo("SPB"))
                .body(SPB + ".servicePlans.findAll { it.provisioningStatus == 'Disabled' }.servicePlanId",
                        contains(TEAMS1.toString()))
                .body(SPB + ".servicePlans.find { it.servicePlanName == 'EXCHANGE_S_STANDARD' }.provisioningStatus",
                        equalTo("Success"))
                .body(E3 + ".skuPartNumber", equalTo("ENTERPRISEPACK"))
                .body(E3 + ".servicePlans.provisioningStatus", everyItem(equalTo("Success")))
                .body(E3 + ".servicePlans.servicePlanName", hasItem("EXCHANGE_S_ENTERPRISE"));
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"BILLING_ADMINISTRATOR", "HELPDESK_ADMINISTRATOR"})
    void rolesWithoutLicenseReadingAreDenied(DirectoryRole role) {
        TestTenant tenant = new TestTenant();
        UUID user = tenant.newUser();
        given().auth().oauth2(tenant.token(role)).get("/v1.0/subscribedSkus").then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));
        given().auth().oauth2(tenant.token(role)).get("/v1.0/users/{id}/licenseDetails", user).then().statusCode(403);
        given().get("/v1.0/subscribedSkus").then().statusCode(401);
        given().get("/v1.0/users/{id}/licenseDetails", user).then().statusCode(401);
    }

    @Test
    void anotherTenantsUsersLicenseDetailsAreNotFound() {
        TestTenant other = new TestTenant();
        UUID user = other.newUser();

        given().auth().oauth2(new TestTenant().licenseAdmin).get("/v1.0/users/{id}/licenseDetails", user)
                .then().statusCode(404)
                .body("error.code", equalTo("Request_ResourceNotFound"));
    }
}
