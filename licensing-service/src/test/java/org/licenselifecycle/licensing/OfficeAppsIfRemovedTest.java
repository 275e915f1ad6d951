package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * The Unassign box's Office apps note, answered by the Office apps' own rule before the licenses go
 * ({@code officeActivation?ifRemoved=skuId}): Unlicensed Product when no remaining license enables Microsoft 365
 * Apps, and nothing changes by asking.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class OfficeAppsIfRemovedTest {

    @Test
    void removingTheOnlyLicenseWithMicrosoft365AppsWouldLeaveTheAppsUnlicensedAndAskingChangesNothing() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(APPS_FOR_BUSINESS, 5);
        UUID user = tenant.newUser();
        tenant.assign(user, BUSINESS_PREMIUM);

        given().auth().oauth2(tenant.licenseAdmin).queryParam("ifRemoved", BUSINESS_PREMIUM.toString())
                .get("/api/v1/users/{id}/officeActivation", user)
                .then().statusCode(200)
                .body("licensed", equalTo(false))
                .body("status", equalTo("Unlicensed Product"))
                .body("reducedFunctionality", equalTo(true));
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/officeActivation", user)
                .then().statusCode(200).body("status", equalTo("Licensed")).body("licensedBy", contains("SPB"));
    }

    @Test
    void anotherLicenseWithMicrosoft365AppsKeepsThemLicensed() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(APPS_FOR_BUSINESS, 5);
        UUID user = tenant.newUser();
        tenant.assign(user, BUSINESS_PREMIUM);
        tenant.assign(user, APPS_FOR_BUSINESS);

        given().auth().oauth2(tenant.licenseAdmin).queryParam("ifRemoved", BUSINESS_PREMIUM.toString())
                .get("/api/v1/users/{id}/officeActivation", user)
                .then().statusCode(200)
                .body("licensed", equalTo(true))
                .body("licensedBy", contains("O365_BUSINESS"));
    }

    @Test
    void anIfRemovedThatIsNoGuidIsA400() {
        TestTenant tenant = new TestTenant();
        UUID user = tenant.newUser();

        given().auth().oauth2(tenant.licenseAdmin).queryParam("ifRemoved", "Business Premium")
                .get("/api/v1/users/{id}/officeActivation", user)
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
    }
}
