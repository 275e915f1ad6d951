package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.NOT_IN_CATALOG;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.MovableClock;

@QuarkusTest
@WithTestResource(Rig.class)
class SubscriptionsTest {

    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Inject
    MovableClock clock;

    @Test
    void buyingASubscriptionReturnsItsRow() {
        TestTenant tenant = new TestTenant();
        clock.fixAt(Instant.parse("2026-11-02T10:15:30Z"));

        given().auth().oauth2(tenant.globalAdmin).contentType(ContentType.JSON)
                .body("{\"skuId\":\"" + BUSINESS_PREMIUM + "\",\"licenses\":5}")
                .post("/api/v1/subscriptions")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("id", matchesPattern(GUID))
                .body("skuId", equalTo(BUSINESS_PREMIUM.toString()))
                .body("skuPartNumber", equalTo("SPB"))
                .body("productName", equalTo("Microsoft 365 Business Premium"))
                .body("licenses", equalTo(5))
                .body("status", equalTo("Enabled"))
                .body("createdDateTime", equalTo("2026-11-02T10:15:30Z"));
    }

    @Test
    void theTenantsSubscriptionsAreListedOneRowPerSubscription() {
        TestTenant tenant = new TestTenant();
        String five = tenant.buy(BUSINESS_PREMIUM, 5);
        String eight = tenant.buy(BUSINESS_PREMIUM, 8);
        String ten = tenant.buy(OFFICE_365_E3, 10);
        new TestTenant().buy(BUSINESS_PREMIUM, 3);

        given().auth().oauth2(tenant.token(DirectoryRole.GLOBAL_READER)).get("/api/v1/subscriptions")
                .then().statusCode(200)
                .body("", hasSize(3))
                .body("id", contains(five, eight, ten))
                .body("licenses", contains(5, 8, 10))
                .body("skuPartNumber", contains("SPB", "SPB", "ENTERPRISEPACK"))
                .body("status", contains("Enabled", "Enabled", "Enabled"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"skuId\":\"" + "0000e5e5-0000-4000-8000-00000000e5e5" + "\",\"licenses\":5}", // in no catalog
            "{\"licenses\":5}",
            "{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\"}",
            "{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\",\"licenses\":0}",
            "{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\",\"licenses\":-1}",
            "{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\",\"licenses\":1000001}",
            "{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\",\"licenses\":99999999999}",
            "{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\",\"licenses\":\"5\"}",
            "{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\",\"licenses\":1.5}",
            "{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\",\"licenses\":true}",
            "{\"skuId\":\"SPB\",\"licenses\":5}",
            "{\"skuId\":42,\"licenses\":5}",
            "{\"skuId\":\"cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46\",\"licenses\":5",
            "[]",
            ""
    })
    void aBadPurchaseIsRefusedInGraphsEnvelopeAndBuysNothing(String body) {
        TestTenant tenant = new TestTenant();

        given().auth().oauth2(tenant.globalAdmin).contentType(ContentType.JSON).body(body)
                .post("/api/v1/subscriptions")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"));

        given().auth().oauth2(tenant.globalAdmin).get("/api/v1/subscriptions").then().statusCode(200).body("", empty());
        given().auth().oauth2(tenant.globalAdmin).get("/api/v1/licenses").then().statusCode(200).body("", empty());
    }

    @Test
    void aProductOutsideTheCatalogIsNamedInTheRefusal() {
        given().auth().oauth2(new TestTenant().globalAdmin).contentType(ContentType.JSON)
                .body("{\"skuId\":\"" + NOT_IN_CATALOG + "\",\"licenses\":5}")
                .post("/api/v1/subscriptions")
                .then().statusCode(400)
                .body("error.message", equalTo("Product " + NOT_IN_CATALOG + " is not in the catalog."));
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"GLOBAL_ADMINISTRATOR", "BILLING_ADMINISTRATOR"})
    void globalAndBillingAdministratorsMayBuy(DirectoryRole role) {
        TestTenant tenant = new TestTenant();
        given().auth().oauth2(tenant.token(role)).contentType(ContentType.JSON)
                .body("{\"skuId\":\"" + BUSINESS_PREMIUM + "\",\"licenses\":5}")
                .post("/api/v1/subscriptions")
                .then().statusCode(201);
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"LICENSE_ADMINISTRATOR", "USER_ADMINISTRATOR", "GLOBAL_READER",
            "HELPDESK_ADMINISTRATOR"})
    void otherRolesMayNotBuy(DirectoryRole role) {
        TestTenant tenant = new TestTenant();
        given().auth().oauth2(tenant.token(role)).contentType(ContentType.JSON)
                .body("{\"skuId\":\"" + BUSINESS_PREMIUM + "\",\"licenses\":5}")
                .post("/api/v1/subscriptions")
                .then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));
        given().auth().oauth2(tenant.globalAdmin).get("/api/v1/subscriptions").then().statusCode(200).body("", empty());
    }

    @Test
    void helpdeskAndRolelessCallersMayNotListAndAnonymousOnesAreUnauthenticated() {
        TestTenant tenant = new TestTenant();
        given().auth().oauth2(tenant.token(DirectoryRole.HELPDESK_ADMINISTRATOR)).get("/api/v1/subscriptions")
                .then().statusCode(403);
        given().auth().oauth2(tenant.token()).get("/api/v1/subscriptions").then().statusCode(403);
        given().get("/api/v1/subscriptions").then().statusCode(401).body("error.code", equalTo("InvalidAuthenticationToken"));
        given().contentType(ContentType.JSON).body("{\"skuId\":\"" + BUSINESS_PREMIUM + "\",\"licenses\":5}")
                .post("/api/v1/subscriptions").then().statusCode(401);
    }
}
