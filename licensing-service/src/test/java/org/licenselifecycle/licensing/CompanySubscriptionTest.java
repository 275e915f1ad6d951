package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.testsupport.Rig;

/** Graph's {@code GET /directory/subscriptions/{id}} and {@code /directory/subscriptions(commerceSubscriptionId='…')}. */
@QuarkusTest
@WithTestResource(Rig.class)
class CompanySubscriptionTest {

    /** The plans that need no administrator's activation (INTUNE_O365 waits for it: PendingActivation). */
    private static final String PROVISIONED = "serviceStatus.findAll { it.servicePlanName != 'INTUNE_O365' }";

    @Inject
    MovableClock clock;

    @AfterEach
    void releaseTheClock() {
        clock.release();
    }

    @Test
    void aQueryOptionOnOneSubscriptionOrProductIsRefusedNeverIgnored() {
        TestTenant tenant = new TestTenant();
        String id = tenant.buy(OFFICE_365_E3, 25);

        for (String path : new String[] {"/v1.0/directory/subscriptions/" + id,
                "/v1.0/directory/subscriptions(commerceSubscriptionId='" + id + "')",
                "/v1.0/subscribedSkus/" + tenant.id + "_" + OFFICE_365_E3}) {
            given().auth().oauth2(tenant.token(DirectoryRole.GLOBAL_READER)).urlEncodingEnabled(false)
                    .get(path + "?$Expand=serviceStatus")
                    .then().statusCode(400)
                    .body("error.code", equalTo("Request_BadRequest"));
        }
    }

    @Test
    void oneSubscriptionIsReadByItsIdAndByItsCommerceSubscriptionId() {
        TestTenant tenant = new TestTenant();
        clock.fixAt(Instant.parse("2026-11-02T10:00:00Z"));
        String id = tenant.buy(OFFICE_365_E3, 25);

        for (String path : new String[] {"/v1.0/directory/subscriptions/" + id,
                "/v1.0/directory/subscriptions(commerceSubscriptionId='" + id + "')",
                "/v1.0/directory/subscriptions(commerceSubscriptionId=%27" + id + "%27)"}) {
            given().auth().oauth2(tenant.token(DirectoryRole.GLOBAL_READER)).urlEncodingEnabled(false).get(path)
                    .then().statusCode(200)
                    .body("'@odata.context'", endsWith("/v1.0/$metadata#directory/subscriptions/$entity"))
                    .body("id", equalTo(id))
                    .body("commerceSubscriptionId", equalTo(id))
                    .body("createdDateTime", equalTo("2026-11-02T10:00:00Z"))
                    .body("nextLifecycleDateTime", equalTo("2027-11-02T10:00:00Z"))
                    .body("isTrial", equalTo(false))
                    .body("ownerType", equalTo("Company"))
                    .body("ownerTenantId", equalTo(tenant.id.toString()))
                    .body("skuId", equalTo(OFFICE_365_E3.toString()))
                    .body("skuPartNumber", equalTo("ENTERPRISEPACK"))
                    .body("status", equalTo("Enabled"))
                    .body("totalLicenses", equalTo(25))
                    .body("serviceStatus.servicePlanName", hasItem("EXCHANGE_S_ENTERPRISE"))
                    .body(PROVISIONED + ".provisioningStatus", everyItem(equalTo("Success")))
                    .body("serviceStatus.appliesTo", everyItem(equalTo("User")));
        }
    }

    @Test
    void aSuspendedSubscriptionsServicesAreDisabledAndAWarnedOnesStillProvisioned() {
        TestTenant tenant = new TestTenant();
        String suspended = tenant.buy(BUSINESS_PREMIUM, 3, "Suspended");
        String warning = tenant.buy(BUSINESS_PREMIUM, 3, "Warning");

        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/directory/subscriptions/{id}", suspended)
                .then().statusCode(200)
                .body("status", equalTo("Suspended"))
                .body("serviceStatus.provisioningStatus", everyItem(equalTo("Disabled")));
        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/directory/subscriptions/{id}", warning)
                .then().statusCode(200)
                .body("status", equalTo("Warning"))
                .body(PROVISIONED + ".provisioningStatus", everyItem(equalTo("Success")));
    }

    @Test
    void anUnknownOrAnotherTenantsSubscriptionIsNotFoundAndABadKeyIsABadRequest() {
        TestTenant tenant = new TestTenant();
        String other = new TestTenant().buy(BUSINESS_PREMIUM, 1);
        String unknown = UUID.randomUUID().toString();

        for (String id : new String[] {other, unknown, "not-a-guid"}) {
            given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/directory/subscriptions/{id}", id)
                    .then().statusCode(404)
                    .body("error.code", equalTo("Request_ResourceNotFound"))
                    .body("error.message", equalTo("Resource '" + id
                            + "' does not exist or one of its queried reference-property objects are not present."));
            given().auth().oauth2(tenant.licenseAdmin).urlEncodingEnabled(false)
                    .get("/v1.0/directory/subscriptions(commerceSubscriptionId='" + id + "')")
                    .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        }
        given().auth().oauth2(tenant.licenseAdmin).urlEncodingEnabled(false)
                .get("/v1.0/directory/subscriptions(skuId='" + unknown + "')")
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        given().auth().oauth2(tenant.token(DirectoryRole.HELPDESK_ADMINISTRATOR))
                .get("/v1.0/directory/subscriptions/{id}", unknown).then().statusCode(403);
        given().get("/v1.0/directory/subscriptions/{id}", unknown).then().statusCode(401);
    }
}
