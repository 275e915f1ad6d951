package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.MICROSOFT_365_E3;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.OFFICE_BUSINESS;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.MovableClock;

/** Graph's directory/subscriptions, $top / $skiptoken / $select on the collections, and the Office apps check. */
@QuarkusTest
@WithTestResource(Rig.class)
class GraphQueryTest {

    @Inject
    MovableClock clock;

    @Test
    void directorySubscriptionsListsEachSubscriptionAsACompanySubscription() {
        TestTenant tenant = new TestTenant();
        clock.fixAt(Instant.parse("2026-11-02T10:00:00Z"));
        String five = tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(BUSINESS_PREMIUM, 8);
        String row = "value.find { it.id == '" + five + "' }";

        given().auth().oauth2(tenant.token(DirectoryRole.GLOBAL_READER)).get("/v1.0/directory/subscriptions")
                .then().statusCode(200)
                .body("'@odata.context'", endsWith("/v1.0/$metadata#directory/subscriptions"))
                .body("value", hasSize(2))
                .body(row + ".id", equalTo(five))
                .body(row + ".commerceSubscriptionId", equalTo(five))
                .body(row + ".createdDateTime", equalTo("2026-11-02T10:00:00Z"))
                .body(row + ".nextLifecycleDateTime", equalTo("2027-11-02T10:00:00Z"))
                .body(row + ".isTrial", equalTo(false))
                .body(row + ".ownerType", equalTo("Company"))
                .body(row + ".ownerTenantId", equalTo(tenant.id.toString()))
                .body(row + ".skuId", equalTo(BUSINESS_PREMIUM.toString()))
                .body(row + ".skuPartNumber", equalTo("SPB"))
                .body(row + ".status", equalTo("Enabled"))
                .body(row + ".totalLicenses", equalTo(5))
                .body("value.totalLicenses", org.hamcrest.Matchers.containsInAnyOrder(5, 8))
                .body(row + ".serviceStatus.servicePlanName", org.hamcrest.Matchers.hasItem("EXCHANGE_S_STANDARD"));
    }

    @Test
    void subscribedSkusArePagedWithTopAndAnAbsoluteNextLink() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(OFFICE_365_E3, 5);
        tenant.buy(MICROSOFT_365_E3, 5);

        Response first = given().auth().oauth2(tenant.licenseAdmin).queryParam("$top", 2).get("/v1.0/subscribedSkus")
                .then().statusCode(200)
                .body("value", hasSize(2))
                .body("'@odata.nextLink'", startsWith("http://"))
                .extract().response();
        given().auth().oauth2(tenant.licenseAdmin).urlEncodingEnabled(false).get(first.<String>path("'@odata.nextLink'"))
                .then().statusCode(200)
                .body("value", hasSize(1))
                .body("$", not(hasKey("@odata.nextLink")));
        for (String top : List.of("0", "1000", "x")) {
            given().auth().oauth2(tenant.licenseAdmin).queryParam("$top", top).get("/v1.0/subscribedSkus")
                    .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        }
    }

    @Test
    void selectReturnsOnlyTheNamedProperties() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);

        given().auth().oauth2(tenant.licenseAdmin).queryParam("$select", "skuId,consumedUnits").get("/v1.0/subscribedSkus")
                .then().statusCode(200)
                .body("'@odata.context'", endsWith("#subscribedSkus(skuId,consumedUnits)"))
                .body("value[0].skuId", equalTo(BUSINESS_PREMIUM.toString()))
                .body("value[0].consumedUnits", equalTo(0))
                .body("value[0]", not(hasKey("servicePlans")))
                .body("value[0]", not(hasKey("skuPartNumber")));
        given().auth().oauth2(tenant.licenseAdmin).queryParam("$select", "skuId,price").get("/v1.0/subscribedSkus")
                .then().statusCode(400)
                .body("error.message", equalTo("Could not find a property named 'price' on type 'microsoft.graph.subscribedSku'."));
    }

    @Test
    void optionNamesMatchWhateverTheirCase() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(OFFICE_365_E3, 5);
        tenant.buy(MICROSOFT_365_E3, 5);

        given().auth().oauth2(tenant.licenseAdmin).queryParam("$TOP", 2).queryParam("$Select", "SKUID,consumedUnits")
                .get("/v1.0/subscribedSkus")
                .then().statusCode(200)
                .body("value", hasSize(2))
                .body("'@odata.context'", endsWith("#subscribedSkus(skuId,consumedUnits)"))
                .body("value[0]", not(hasKey("skuPartNumber")))
                .body("'@odata.nextLink'", startsWith("http://"));
        given().auth().oauth2(tenant.licenseAdmin).queryParam("$Top", 1)
                .get("/api/v1/licenses/{skuId}/users", BUSINESS_PREMIUM)
                .then().statusCode(200);
    }

    @Test
    void optionsTheCollectionsDoNotSupportAreRefusedNeverIgnored() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UUID user = tenant.newUser();

        given().auth().oauth2(tenant.licenseAdmin).queryParam("$filter", "skuPartNumber eq 'SPB'").get("/v1.0/subscribedSkus")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("'$filter' is not supported by the service."));
        given().auth().oauth2(tenant.licenseAdmin).queryParam("$ORDERBY", "skuId").get("/v1.0/users/{id}/licenseDetails", user)
                .then().statusCode(400)
                .body("error.message", equalTo("'$orderby' is not supported by the service."));
        given().auth().oauth2(tenant.licenseAdmin).queryParam("$count", "true").get("/v1.0/directory/subscriptions")
                .then().statusCode(400)
                .body("error.message", equalTo("'$count' is not supported by the service."));
        given().auth().oauth2(tenant.licenseAdmin).queryParam("top", 1).get("/v1.0/subscribedSkus")
                .then().statusCode(400)
                .body("error.message", equalTo("Unrecognized query argument specified: 'top'."));
        given().auth().oauth2(tenant.licenseAdmin).queryParam("$filter", "x").get("/api/v1/licenses/{skuId}/users", BUSINESS_PREMIUM)
                .then().statusCode(400)
                .body("error.message", equalTo("'$filter' is not supported by the service."));
        // a parameter that is no OData option is ignored, as Graph ignores it
        given().auth().oauth2(tenant.licenseAdmin).queryParam("foo", "bar").get("/v1.0/subscribedSkus")
                .then().statusCode(200).body("value", hasSize(1));
    }

    @Test
    void theClientRequestIdIsEchoedOnSuccessAndInErrors() {
        TestTenant tenant = new TestTenant();
        given().auth().oauth2(tenant.licenseAdmin).header("client-request-id", "abc-123").get("/v1.0/directory/subscriptions")
                .then().statusCode(200).header("client-request-id", "abc-123");
        given().auth().oauth2(tenant.licenseAdmin).header("client-request-id", "abc-456").queryParam("$top", "0")
                .get("/v1.0/directory/subscriptions")
                .then().statusCode(400).header("client-request-id", "abc-456")
                .body("error.innerError.'client-request-id'", equalTo("abc-456"));
    }

    @Test
    void officeAppsAreLicensedOnlyWithAnEnabledMicrosoft365AppsPlan() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(APPS_FOR_BUSINESS, 5);
        UUID user = tenant.newUser();

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/officeActivation", user)
                .then().statusCode(200)
                .body("licensed", equalTo(false))
                .body("status", equalTo("Unlicensed Product"))
                .body("reducedFunctionality", equalTo(true));

        tenant.assignLicense(user, "{\"addLicenses\":[{\"skuId\":\"" + BUSINESS_PREMIUM + "\",\"disabledPlans\":[\""
                + OFFICE_BUSINESS + "\"]}],\"removeLicenses\":[]}").then().statusCode(200);
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/officeActivation", user)
                .then().body("status", equalTo("Unlicensed Product"));

        tenant.assign(user, APPS_FOR_BUSINESS);
        // the user's own apps ask with the user's token, without any admin role
        given().auth().oauth2(DevTokens.token(tenant.id, user)).get("/api/v1/users/{id}/officeActivation", user)
                .then().statusCode(200)
                .body("licensed", equalTo(true))
                .body("status", equalTo("Licensed"))
                .body("reducedFunctionality", equalTo(false))
                .body("licensedBy", contains("O365_BUSINESS"))
                .body("servicePlans", contains("OFFICE_BUSINESS"));

        tenant.assignLicense(user, TestTenant.remove(APPS_FOR_BUSINESS)).then().statusCode(200);
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/officeActivation", user)
                .then().body("status", equalTo("Unlicensed Product")).body("licensedBy", hasSize(0));
        given().auth().oauth2(DevTokens.token(tenant.id, UUID.randomUUID())).get("/api/v1/users/{id}/officeActivation", user)
                .then().statusCode(403);
        given().get("/api/v1/users/{id}/officeActivation", user).then().statusCode(401);
        given().auth().oauth2(new TestTenant().licenseAdmin).get("/api/v1/users/{id}/officeActivation", user)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
    }
}
