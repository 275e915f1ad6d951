package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.TestTenant.add;
import static org.licenselifecycle.licensing.TestTenant.remove;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.MovableClock;

/** Subscriptions as Your products shows them: how they were bought, seats, reducing, billing, cancelling. */
@QuarkusTest
@WithTestResource(Rig.class)
class SubscriptionTermsTest {

    private static final Instant BOUGHT = Instant.parse("2026-11-02T10:00:00Z");

    @Inject
    MovableClock clock;

    @Test
    void aSubscriptionShowsHowItWasBoughtAndItsDates() {
        TestTenant tenant = new TestTenant();
        clock.fixAt(BOUGHT);
        UUID purchaser = tenant.newUser();

        buy(tenant, Map.of("skuId", BUSINESS_PREMIUM, "licenses", 5, "trial", true)).then().statusCode(201)
                .body("status", equalTo("Enabled"))
                .body("trial", equalTo(true))
                .body("boughtBy", equalTo("ADMIN"))
                .body("productKind", equalTo("SUBSCRIPTION"))
                .body("recurringBilling", equalTo(true))
                .body("createdDateTime", equalTo("2026-11-02T10:00:00Z"))
                .body("nextLifecycleDateTime", equalTo("2026-12-02T10:00:00Z"))
                .body("cancellationWindowEndsDateTime", equalTo("2026-11-09T10:00:00Z"))
                .body("assignable", equalTo(true));
        buy(tenant, Map.of("skuId", OFFICE_365_E3, "licenses", 2, "boughtBy", "CSP", "productKind", "PERPETUAL_SOFTWARE"))
                .then().statusCode(201)
                .body("boughtBy", equalTo("CSP"))
                .body("productKind", equalTo("PERPETUAL_SOFTWARE"))
                .body("recurringBilling", equalTo(false))
                .body("nextLifecycleDateTime", nullValue())
                .body("cancellationWindowEndsDateTime", nullValue());
        // a self-service purchase is made by the purchaser themselves (PuttingLicensesOnUsersTest)
        buy(DevTokens.token(tenant.id, purchaser), Map.of("skuId", APPS_FOR_BUSINESS, "licenses", 3, "boughtBy",
                "SELF_SERVICE", "assignTo", List.of(purchaser)))
                .then().statusCode(201)
                .body("boughtBy", equalTo("SELF_SERVICE"))
                .body("purchaser.id", equalTo(purchaser.toString()))
                .body("purchaser.displayName", startsWith("User user-"))
                .body("nextLifecycleDateTime", equalTo("2027-11-02T10:00:00Z"))
                .body("assignable", equalTo(false));
        buy(tenant, Map.of("skuId", BUSINESS_PREMIUM, "licenses", 4, "status", "Suspended")).then().statusCode(201)
                .body("status", equalTo("Suspended")).body("assignable", equalTo(false));
        buy(tenant, Map.of("skuId", BUSINESS_PREMIUM, "licenses", 1, "status", "Warning")).then().statusCode(201);

        // the total counts what admins can assign from: not the suspended one, not the self-service purchase
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(6, 0, 6);
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(0, 0, 0);
        for (Map<String, Object> bad : List.of(Map.<String, Object>of("skuId", BUSINESS_PREMIUM, "licenses", 1, "boughtBy", "EBAY"),
                Map.<String, Object>of("skuId", BUSINESS_PREMIUM, "licenses", 1, "status", "Happy"),
                Map.<String, Object>of("skuId", BUSINESS_PREMIUM, "licenses", 1, "assignTo", List.of(purchaser)))) {
            buy(tenant, bad).then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        }
    }

    @Test
    void reducingLicensesNeverGoesBelowWhatIsAssigned() {
        TestTenant tenant = new TestTenant();
        String five = tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(BUSINESS_PREMIUM, 2);
        for (int i = 0; i < 4; i++) {
            tenant.assign(tenant.newUser(), BUSINESS_PREMIUM);
        }

        change(tenant, five, "{\"licenses\":2}").then().statusCode(200).body("licenses", equalTo(2));
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(4, 4, 0);

        change(tenant, five, "{\"licenses\":1}").then().statusCode(400)
                .body("error.message", equalTo("You can't remove licenses that are assigned: 4 of 4 licenses of "
                        + "Microsoft 365 Business Premium are assigned, so at most 0 can be removed. Unassign licenses first."));
        change(tenant, five, "{\"licenses\":9}").then().statusCode(400);
        change(tenant, five, "{\"licenses\":0}").then().statusCode(400);
        change(tenant, five, "{}").then().statusCode(400);
        change(tenant, five, "{\"licenses\":\"1\"}").then().statusCode(400);
        change(tenant, UUID.randomUUID().toString(), "{\"licenses\":1}").then().statusCode(404);
        change(new TestTenant(), five, "{\"licenses\":1}").then().statusCode(404);
        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body("{\"licenses\":1}")
                .patch("/api/v1/subscriptions/{id}", five).then().statusCode(403);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(4, 4, 0);
    }

    @Test
    void recurringBillingCanBeTurnedOff() {
        TestTenant tenant = new TestTenant();
        String id = tenant.buy(BUSINESS_PREMIUM, 5);
        change(tenant, id, "{\"recurringBilling\":false}").then().statusCode(200).body("recurringBilling", equalTo(false));
        given().auth().oauth2(tenant.globalAdmin).get("/api/v1/subscriptions")
                .then().body("find { it.id == '" + id + "' }.recurringBilling", equalTo(false));
    }

    @Test
    void cancellingWorksOnlyInsideTheCancellationWindow() {
        TestTenant tenant = new TestTenant();
        clock.fixAt(BOUGHT);
        String early = tenant.buy(BUSINESS_PREMIUM, 5);
        String late = tenant.buy(BUSINESS_PREMIUM, 3);
        tenant.assign(tenant.newUser(), BUSINESS_PREMIUM);

        clock.fixAt(BOUGHT.plus(Duration.ofDays(6)));
        cancel(tenant, early).then().statusCode(200).body("status", equalTo("Deleted"));
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 1, 2);

        clock.fixAt(BOUGHT.plus(Duration.ofDays(8)));
        cancel(tenant, late).then().statusCode(400)
                .body("error.message", equalTo("This subscription can no longer be cancelled: its cancellation window "
                        + "ended on 2026-11-09T10:00:00Z. Turn off recurring billing instead, to cancel it at the end of "
                        + "its term (2027-11-02T10:00:00Z)."));
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 1, 2);
    }

    @Test
    void cancellingASubscriptionWhoseLicensesAreAssignedIsRefused() {
        TestTenant tenant = new TestTenant();
        String id = tenant.buy(BUSINESS_PREMIUM, 1);
        tenant.assign(tenant.newUser(), BUSINESS_PREMIUM);
        cancel(tenant, id).then().statusCode(400).body("error.message", equalTo("You can't remove licenses that are "
                + "assigned: 1 of 1 licenses of Microsoft 365 Business Premium are assigned, so at most 0 can be removed. "
                + "Unassign licenses first."));
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(1, 1, 0);
    }

    @Test
    void anAdminCanNeitherAssignNorUnassignASelfServicePurchaseUntilTakingItOver() {
        TestTenant tenant = new TestTenant();
        UUID ada = tenant.newUser();
        UUID grace = tenant.newUser();
        Response bought = buy(DevTokens.token(tenant.id, ada), Map.of("skuId", APPS_FOR_BUSINESS, "licenses", 3,
                "boughtBy", "SELF_SERVICE", "assignTo", List.of(ada)));
        String purchase = bought.then().statusCode(201).extract().path("id");
        String refusal = "Licenses of Microsoft 365 Apps for business (" + APPS_FOR_BUSINESS + ") come from a self-service "
                + "purchase bought by " + bought.path("purchaser.displayName") + ": an admin can't assign or unassign "
                + "them. Take over the subscription first: POST /api/v1/subscriptions/" + purchase + "/takeOver.";

        tenant.assignLicense(grace, add(APPS_FOR_BUSINESS)).then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied")).body("error.message", equalTo(refusal));
        tenant.assignLicense(ada, remove(APPS_FOR_BUSINESS)).then().statusCode(403).body("error.message", equalTo(refusal));
        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body("{\"skuIds\":[]}")
                .put("/api/v1/users/{id}/licenses", ada).then().statusCode(403);
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", ada)
                .then().body("licenses.skuId", org.hamcrest.Matchers.contains(APPS_FOR_BUSINESS.toString()));

        given().auth().oauth2(tenant.globalAdmin).post("/api/v1/subscriptions/{id}/takeOver", purchase)
                .then().statusCode(200).body("takenOverDateTime", org.hamcrest.Matchers.notNullValue())
                .body("assignable", equalTo(true));

        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(3, 1, 2);
        tenant.assignLicense(grace, add(APPS_FOR_BUSINESS)).then().statusCode(200);
        tenant.assignLicense(ada, remove(APPS_FOR_BUSINESS)).then().statusCode(200);
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(3, 1, 2);
        given().auth().oauth2(tenant.globalAdmin).post("/api/v1/subscriptions/{id}/takeOver", tenant.buy(BUSINESS_PREMIUM, 1))
                .then().statusCode(400);
    }

    @Test
    void yourProductsRefusesToUnassignCspPerpetualSoftwareAndPointsToTheLicensesPage() {
        TestTenant tenant = new TestTenant();
        String csp = buy(tenant, Map.of("skuId", OFFICE_365_E3, "licenses", 2, "boughtBy", "CSP",
                "productKind", "PERPETUAL_SOFTWARE")).then().statusCode(201).extract().path("id");
        String own = tenant.buy(BUSINESS_PREMIUM, 2);
        UUID user = tenant.newUser();
        tenant.assign(user, OFFICE_365_E3);
        tenant.assign(user, BUSINESS_PREMIUM);

        unassign(tenant, csp, user).then().statusCode(400)
                .body("error.message", equalTo("This perpetual software was bought by your Cloud Solution Provider: its "
                        + "licenses can't be assigned or unassigned on the Your products page. Use the Licenses page instead: "
                        + "POST /api/v1/licenses/" + OFFICE_365_E3 + "/unassign."));
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);

        unassign(tenant, own, user).then().statusCode(200);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(2, 0, 2);
        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(Map.of("userIds", List.of(user)))
                .post("/api/v1/licenses/{skuId}/unassign", OFFICE_365_E3).then().statusCode(200);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 0, 2);
    }

    @Test
    void aLicenseInheritedFromAGroupCannotBeRemovedDirectly() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 3);
        UUID member = tenant.newUser();
        UUID group = Groups.giving(tenant, "Sales", BUSINESS_PREMIUM, member);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 1, 2);
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", member)
                .then().body("licenses[0].assignedByGroup", equalTo(group.toString()));

        String message = "User license is inherited from a group membership and it cannot be removed directly from the user.";
        tenant.assignLicense(member, remove(BUSINESS_PREMIUM)).then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest")).body("error.message", equalTo(message));
        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(Map.of("userIds", List.of(member)))
                .post("/api/v1/licenses/{skuId}/unassign", BUSINESS_PREMIUM).then().statusCode(400)
                .body("error.message", equalTo(message));
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 1, 2);

        // only through the group: leaving another group changes nothing, leaving this one frees the seat
        Groups.leave(tenant, UUID.randomUUID(), "Other", member);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 1, 2);
        Groups.leave(tenant, group, "Sales", member);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 0, 3);
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", member)
                .then().body("licenses", org.hamcrest.Matchers.empty());
    }

    @Test
    void theUnusedLicensesReportSaysWhatUnassignedLicensesCostPerMonth() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(BUSINESS_PREMIUM, 8);
        tenant.assign(tenant.newUser(), BUSINESS_PREMIUM);

        given().auth().oauth2(tenant.token(DirectoryRole.BILLING_ADMINISTRATOR)).get("/api/v1/reports/unusedLicenses")
                .then().statusCode(200)
                .body("[0].skuPartNumber", equalTo("SPB"))
                .body("[0].total", equalTo(13))
                .body("[0].unused", equalTo(12))
                .body("[0].monthlyPricePerLicense", equalTo(22.00f))
                .body("[0].currency", equalTo("USD"))
                .body("[0].monthlyCostOfUnused", equalTo(264.00f));
    }

    @Test
    void eachSubscriptionSaysWhoManagesItsLicensesAndWhetherYourProductsChangesThem() {
        TestTenant tenant = new TestTenant();
        UUID purchaser = tenant.newUser();
        String admins = buy(tenant, Map.of("skuId", BUSINESS_PREMIUM, "licenses", 2)).then().statusCode(201)
                .body("managedByPurchaser", equalTo(false)).body("licensesChangeOnYourProducts", equalTo(true))
                .extract().path("id");
        buy(tenant, Map.of("skuId", OFFICE_365_E3, "licenses", 2, "boughtBy", "CSP", "productKind", "PERPETUAL_SOFTWARE"))
                .then().statusCode(201)
                .body("managedByPurchaser", equalTo(false)).body("licensesChangeOnYourProducts", equalTo(false));
        String purchase = buy(DevTokens.token(tenant.id, purchaser), Map.of("skuId", APPS_FOR_BUSINESS, "licenses", 1,
                "boughtBy", "SELF_SERVICE", "assignTo", List.of(purchaser))).then().statusCode(201)
                .body("managedByPurchaser", equalTo(true)).body("licensesChangeOnYourProducts", equalTo(true))
                .extract().path("id");

        given().auth().oauth2(tenant.globalAdmin).get("/api/v1/subscriptions").then().statusCode(200)
                .body("find { it.id == '" + admins + "' }.managedByPurchaser", equalTo(false))
                .body("find { it.productKind == 'PERPETUAL_SOFTWARE' }.licensesChangeOnYourProducts", equalTo(false))
                .body("find { it.id == '" + purchase + "' }.managedByPurchaser", equalTo(true));
        given().auth().oauth2(tenant.globalAdmin).post("/api/v1/subscriptions/{id}/takeOver", purchase)
                .then().statusCode(200).body("managedByPurchaser", equalTo(false));
    }

    private static Response buy(TestTenant tenant, Map<String, ?> body) {
        return buy(tenant.globalAdmin, body);
    }

    private static Response buy(String token, Map<String, ?> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/subscriptions");
    }

    private static Response change(TestTenant tenant, String id, String body) {
        return given().auth().oauth2(tenant.globalAdmin).contentType(ContentType.JSON).body(body)
                .patch("/api/v1/subscriptions/{id}", id);
    }

    private static Response cancel(TestTenant tenant, String id) {
        return given().auth().oauth2(tenant.globalAdmin).post("/api/v1/subscriptions/{id}/cancel", id);
    }

    private static Response unassign(TestTenant tenant, String subscription, UUID user) {
        return given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(Map.of("userIds", List.of(user)))
                .post("/api/v1/subscriptions/{id}/unassign", subscription);
    }
}
