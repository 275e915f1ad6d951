package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Graph's subscribedSkus: capabilityStatus and prepaidUnits from the states of the tenant's subscriptions of a
 * product, the subscriptions' ids, the plans' provisioningStatus, and {@code GET /subscribedSkus/{id}}.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class SubscribedSkuStatesTest {

    /** The plans that need no administrator's activation (INTUNE_O365 waits for it: PendingActivation). */
    private static final String ACTIVATED = "servicePlans.findAll { it.servicePlanName != 'INTUNE_O365' }";

    @ParameterizedTest(name = "only {0}: capabilityStatus {0}, plans {1}")
    @CsvSource({"Enabled, Success", "Warning, Success", "Suspended, Disabled", "LockedOut, Disabled"})
    void aProductWhoseSubscriptionsAreAllInOneStateTakesThatState(String status, String provisioning) {
        TestTenant tenant = new TestTenant();
        String subscription = tenant.buy(BUSINESS_PREMIUM, 7, status);

        sku(tenant, BUSINESS_PREMIUM)
                .body("capabilityStatus", equalTo(status))
                .body("prepaidUnits.enabled", equalTo(status.equals("Enabled") ? 7 : 0))
                .body("prepaidUnits.warning", equalTo(status.equals("Warning") ? 7 : 0))
                .body("prepaidUnits.suspended", equalTo(status.equals("Suspended") ? 7 : 0))
                .body("prepaidUnits.lockedOut", equalTo(status.equals("LockedOut") ? 7 : 0))
                .body("consumedUnits", equalTo(0))
                .body("subscriptionIds", contains(subscription))
                .body((provisioning.equals("Success") ? ACTIVATED : "servicePlans") + ".provisioningStatus",
                        everyItem(equalTo(provisioning)));
    }

    @Test
    void unitsOfEveryStateAreCountedAndOneEnabledUnitMakesTheProductEnabled() {
        TestTenant tenant = new TestTenant();
        String enabled = tenant.buy(BUSINESS_PREMIUM, 5, "Enabled");
        String warning = tenant.buy(BUSINESS_PREMIUM, 3, "Warning");
        String suspended = tenant.buy(BUSINESS_PREMIUM, 4, "Suspended");
        String lockedOut = tenant.buy(BUSINESS_PREMIUM, 2, "LockedOut");
        String cancelled = tenant.buy(BUSINESS_PREMIUM, 6, "Enabled");
        given().auth().oauth2(tenant.globalAdmin).post("/api/v1/subscriptions/{id}/cancel", cancelled).then().statusCode(200);
        UUID user = tenant.newUser();
        tenant.assign(user, BUSINESS_PREMIUM);

        sku(tenant, BUSINESS_PREMIUM)
                .body("id", equalTo(tenant.id + "_" + BUSINESS_PREMIUM))
                .body("accountId", equalTo(tenant.id.toString()))
                .body("appliesTo", equalTo("User"))
                .body("skuPartNumber", equalTo("SPB"))
                .body("capabilityStatus", equalTo("Enabled"))
                .body("prepaidUnits.enabled", equalTo(5))
                .body("prepaidUnits.warning", equalTo(3))
                .body("prepaidUnits.suspended", equalTo(4))
                .body("prepaidUnits.lockedOut", equalTo(2))
                .body("consumedUnits", equalTo(1))
                .body("subscriptionIds", containsInAnyOrder(enabled, warning, suspended, lockedOut))
                .body(ACTIVATED + ".provisioningStatus", everyItem(equalTo("Success")));
        // enabled and warning units can be assigned: the Licenses page counts 5 + 3
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(8, 1, 7);
    }

    @Test
    void warningOutranksSuspendedAndSuspendedOutranksLockedOut() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 1, "Suspended");
        tenant.buy(BUSINESS_PREMIUM, 1, "Warning");
        tenant.buy(OFFICE_365_E3, 1, "LockedOut");
        tenant.buy(OFFICE_365_E3, 1, "Suspended");

        sku(tenant, BUSINESS_PREMIUM).body("capabilityStatus", equalTo("Warning"));
        sku(tenant, OFFICE_365_E3).body("capabilityStatus", equalTo("Suspended"))
                .body("servicePlans.provisioningStatus", everyItem(equalTo("Disabled")));
    }

    @Test
    void aProductWhoseSubscriptionsWereAllCancelledIsDeletedWithNoUnits() {
        TestTenant tenant = new TestTenant();
        String cancelled = tenant.buy(OFFICE_365_E3, 4, "Enabled");
        given().auth().oauth2(tenant.globalAdmin).post("/api/v1/subscriptions/{id}/cancel", cancelled).then().statusCode(200);

        sku(tenant, OFFICE_365_E3)
                .body("capabilityStatus", equalTo("Deleted"))
                .body("prepaidUnits.enabled", equalTo(0))
                .body("prepaidUnits.warning", equalTo(0))
                .body("prepaidUnits.suspended", equalTo(0))
                .body("prepaidUnits.lockedOut", equalTo(0))
                .body("subscriptionIds", empty())
                .body("servicePlans.provisioningStatus", everyItem(equalTo("Disabled")));
    }

    @Test
    void oneSubscribedSkuIsReadByItsTenantAndProductKey() {
        TestTenant tenant = new TestTenant();
        String subscription = tenant.buy(OFFICE_365_E3, 10, "Warning");

        given().auth().oauth2(tenant.token(DirectoryRole.GLOBAL_READER))
                .get("/v1.0/subscribedSkus/{id}", tenant.id + "_" + OFFICE_365_E3)
                .then().statusCode(200)
                .body("'@odata.context'", endsWith("/v1.0/$metadata#subscribedSkus/$entity"))
                .body("id", equalTo(tenant.id + "_" + OFFICE_365_E3))
                .body("skuId", equalTo(OFFICE_365_E3.toString()))
                .body("skuPartNumber", equalTo("ENTERPRISEPACK"))
                .body("capabilityStatus", equalTo("Warning"))
                .body("prepaidUnits.warning", equalTo(10))
                .body("subscriptionIds", contains(subscription))
                .body("$", hasKey("accountName"))
                .body("accountName", nullValue())
                .body("servicePlans.servicePlanName", hasItem("EXCHANGE_S_ENTERPRISE"));
    }

    @Test
    void anUnknownOrAnotherTenantsSubscribedSkuIsNotFound() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 1, "Enabled");
        TestTenant other = new TestTenant();
        other.buy(OFFICE_365_E3, 1);

        for (String id : new String[] {tenant.id + "_" + OFFICE_365_E3, other.id + "_" + OFFICE_365_E3, "nonsense",
                tenant.id + "_", tenant.id + "_not-a-guid", BUSINESS_PREMIUM.toString()}) {
            given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/subscribedSkus/{id}", id)
                    .then().statusCode(404)
                    .body("error.code", equalTo("Request_ResourceNotFound"))
                    .body("error.message", equalTo("Resource '" + id
                            + "' does not exist or one of its queried reference-property objects are not present."));
        }
        given().auth().oauth2(tenant.token(DirectoryRole.HELPDESK_ADMINISTRATOR))
                .get("/v1.0/subscribedSkus/{id}", tenant.id + "_" + BUSINESS_PREMIUM)
                .then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
        given().get("/v1.0/subscribedSkus/{id}", tenant.id + "_" + BUSINESS_PREMIUM).then().statusCode(401);
    }

    @Test
    void aSelfServicePurchaseItsPurchaserStillManagesIsNotTheTenantsSku() {
        TestTenant tenant = new TestTenant();
        UUID buyer = tenant.newUser();
        given().auth().oauth2(DevTokens.token(tenant.id, buyer)).contentType(ContentType.JSON)
                .body(Map.of("skuId", BUSINESS_PREMIUM, "licenses", 3, "boughtBy", "SELF_SERVICE"))
                .post("/api/v1/subscriptions").then().statusCode(201);

        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/subscribedSkus")
                .then().statusCode(200).body("value", hasSize(0));
    }


    /** The product's entry in the list, after checking the single GET gives the same. */
    private static ValidatableResponse sku(TestTenant tenant, UUID skuId) {
        String inList = given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/subscribedSkus")
                .then().statusCode(200)
                .body("value.skuId", hasItem(skuId.toString()))
                .extract().jsonPath().getString("value.find { it.skuId == '" + skuId + "' }.capabilityStatus");
        return given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/subscribedSkus/{id}", tenant.id + "_" + skuId)
                .then().statusCode(200)
                .body("capabilityStatus", equalTo(inList));
    }
}
