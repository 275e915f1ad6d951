package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.TestTenant.remove;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Active users' "Unassign all" and the pane's licenses with licenses an admin cannot remove here (inherited from a
 * group, a user's own self-service purchase): what can go goes, what stays says why, per user, as the admin center
 * greys them out; Graph's assignLicense still refuses removing an inherited license directly.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class UnassignAllKeepsWhatCannotGoTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void unassignAllRemovesWhatAnAdminCanAndKeepsInheritedAndSelfServiceLicensesSayingWhy() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(OFFICE_365_E3, 5);
        UUID ada = tenant.newUser();
        UUID grace = tenant.newUser();
        UUID carl = tenant.newUser();
        tenant.assign(ada, BUSINESS_PREMIUM);
        tenant.assign(grace, BUSINESS_PREMIUM);
        tenant.assign(carl, OFFICE_365_E3);
        UUID sales = UUID.randomUUID();
        Groups.join(tenant, sales, "Sales", ada);
        Groups.assignLicense(tenant, sales, TestTenant.add(OFFICE_365_E3)).then().statusCode(202)
                .body("displayName", equalTo("Sales"));
        Response bought = given().auth().oauth2(DevTokens.token(tenant.id, grace)).contentType(ContentType.JSON)
                .body(Map.of("skuId", APPS_FOR_BUSINESS, "licenses", 2, "boughtBy", "SELF_SERVICE", "assignTo", List.of(grace)))
                .post("/api/v1/subscriptions");
        String purchase = bought.then().statusCode(201).extract().path("id");
        String purchaser = bought.path("purchaser.displayName");

        unassignAll(tenant, List.of(ada, grace, carl)).then().statusCode(200)
                .body(user(ada) + ".removedSkuIds", contains(BUSINESS_PREMIUM.toString()))
                .body(user(ada) + ".kept.skuId", contains(OFFICE_365_E3.toString()))
                .body(user(ada) + ".kept[0].reason", equalTo("INHERITED_FROM_GROUP"))
                .body(user(ada) + ".kept[0].groupId", equalTo(sales.toString()))
                .body(user(ada) + ".kept[0].groupName", equalTo("Sales"))
                .body(user(ada) + ".kept[0].productName", equalTo("Office 365 E3"))
                .body(user(ada) + ".kept[0].message", equalTo("Inherited from the group Sales: an admin can't unassign "
                        + "it from the user directly; it goes when the user leaves the group or the group no longer gives "
                        + "Office 365 E3."))
                .body(user(grace) + ".removedSkuIds", contains(BUSINESS_PREMIUM.toString()))
                .body(user(grace) + ".kept.skuId", contains(APPS_FOR_BUSINESS.toString()))
                .body(user(grace) + ".kept[0].reason", equalTo("SELF_SERVICE_PURCHASE"))
                .body(user(grace) + ".kept[0].subscriptionId", equalTo(purchase))
                .body(user(grace) + ".kept[0].message", equalTo("From a self-service purchase bought by " + purchaser
                        + ": an admin can't unassign it until taking the subscription over."))
                .body(user(carl) + ".removedSkuIds", contains(OFFICE_365_E3.toString()))
                .body(user(carl) + ".kept", empty());

        // seats freed exactly once for what went; the inherited seat stays taken, the purchase takes none
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 0, 5);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(5, 1, 4);
        assertThat(Db.count(dataSource, "SELECT self_service_assigned FROM subscription WHERE id = ?::uuid", purchase))
                .isEqualTo(1);
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", ada).then()
                .body("licenses.skuId", contains(OFFICE_365_E3.toString()));
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", grace).then()
                .body("licenses.skuId", contains(APPS_FOR_BUSINESS.toString()));
        // LicenseRemoved only for what was removed; Exchange stays with Ada through the group's Office 365 E3
        assertThat(removals(ada)).singleElement().satisfies(r -> {
            assertThat(r.skuId()).isEqualTo(BUSINESS_PREMIUM);
            assertThat(r.exchangeOnlineRetained()).isTrue();
            assertThat(r.removedBy()).isEqualTo(tenant.adminOid);
        });
        assertThat(removals(grace)).extracting(LicenseRemoved::skuId).containsExactly(BUSINESS_PREMIUM);
        assertThat(removals(carl)).extracting(LicenseRemoved::skuId).containsExactly(OFFICE_365_E3);
    }

    @Test
    void unassignAllOnAUserHoldingOnlyLicensesAnAdminCannotRemoveChangesNothingAndSaysWhy() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 2);
        UUID member = tenant.newUser();
        UUID group = Groups.giving(tenant, "Field staff", OFFICE_365_E3, member);

        unassignAll(tenant, List.of(member)).then().statusCode(200)
                .body("users[0].removedSkuIds", empty())
                .body("users[0].kept[0].groupId", equalTo(group.toString()))
                .body("users[0].kept[0].groupName", equalTo("Field staff"))
                .body("users[0].kept[0].message", equalTo("Inherited from the group Field staff: an admin can't "
                        + "unassign it from the user directly; it goes when the user leaves the group or the group no "
                        + "longer gives Office 365 E3."));

        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        assertThat(removals(member)).isEmpty();
    }

    @Test
    void thePaneSaysWhichLicensesAnAdminCannotRemoveHereAndWhy() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 2);
        tenant.buy(OFFICE_365_E3, 2);
        UUID ada = tenant.newUser();
        tenant.assign(ada, BUSINESS_PREMIUM);
        Groups.giving(tenant, "Sales", OFFICE_365_E3, ada);

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", ada).then().statusCode(200)
                .body("licenses.find { it.skuId == '" + BUSINESS_PREMIUM + "' }.keptBecause", nullValue())
                .body("licenses.find { it.skuId == '" + OFFICE_365_E3 + "' }.keptBecause.reason",
                        equalTo("INHERITED_FROM_GROUP"))
                .body("licenses.find { it.skuId == '" + OFFICE_365_E3 + "' }.keptBecause.groupName", equalTo("Sales"));

        // Save changes keeping the greyed-out license: the cleared one goes, the inherited one stays
        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON)
                .body(Map.of("skuIds", List.of(OFFICE_365_E3))).put("/api/v1/users/{id}/licenses", ada)
                .then().statusCode(200).body("licenses.skuId", contains(OFFICE_365_E3.toString()));
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(2, 0, 2);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
    }

    @Test
    void graphStillRefusesRemovingAnInheritedLicenseDirectlyAndChangesNothing() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 2);
        tenant.buy(OFFICE_365_E3, 2);
        UUID ada = tenant.newUser();
        tenant.assign(ada, BUSINESS_PREMIUM);
        Groups.giving(tenant, "Sales", OFFICE_365_E3, ada);

        tenant.assignLicense(ada, "{\"addLicenses\":[],\"removeLicenses\":[\"" + BUSINESS_PREMIUM + "\",\"" + OFFICE_365_E3
                + "\"]}").then().statusCode(400).body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo(
                        "User license is inherited from a group membership and it cannot be removed directly from the user."));
        tenant.assignLicense(ada, remove(OFFICE_365_E3)).then().statusCode(400);

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(2, 1, 1);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        assertThat(removals(ada)).isEmpty();
    }

    private static String user(UUID id) {
        return "users.find { it.userId == '" + id + "' }";
    }

    private List<LicenseRemoved> removals(UUID user) {
        return Db.outboxPayloads(dataSource, user, EventType.LICENSE_REMOVED.ceType()).stream()
                .map(p -> EventJson.read(p, LicenseRemoved.class)).toList();
    }

    private static Response unassignAll(TestTenant tenant, List<UUID> users) {
        return given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(Map.of("userIds", users))
                .post("/api/v1/users/unassignAll");
    }
}
