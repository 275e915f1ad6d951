package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.support.outbox.OutboxRelay;
import org.licenselifecycle.testsupport.Rig;

/**
 * The Licenses page's assign: one product to up to 20 selected users at a time, all or nothing, never more than the
 * licenses available.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class LicensesPageAssignTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Test
    void assigningToTwentyUsersCommitsTwentyAssignmentsInOneTransaction() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 25);
        List<UUID> users = newUsers(tenant, 20);
        relay.pause();
        try {
            assign(tenant.licenseAdmin, BUSINESS_PREMIUM, users)
                    .then().statusCode(200)
                    .body("users", hasSize(20))
                    .body("users[0].assignedSkuIds", contains(BUSINESS_PREMIUM.toString()));

            assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(25, 20, 5);
            List<LicenseAssigned> assigned = new ArrayList<>();
            for (UUID user : users) {
                Db.outboxPayloads(dataSource, user, EventType.LICENSE_ASSIGNED.ceType())
                        .forEach(p -> assigned.add(EventJson.read(p, LicenseAssigned.class)));
            }
            assertThat(assigned).hasSize(20).allSatisfy(a -> {
                assertThat(a.skuId()).isEqualTo(BUSINESS_PREMIUM);
                assertThat(a.assignedBy()).isEqualTo(tenant.adminOid);
                assertThat(a.assignedByGroup()).isNull();
            });
            assertThat(assigned).extracting(LicenseAssigned::userId).containsExactlyInAnyOrderElementsOf(users);
            // the rows written by one transaction carry its id (unchanged while the relay is paused)
            assertThat(Db.count(dataSource, "SELECT count(DISTINCT xmin::text) FROM outbox_event WHERE ce_type = ? "
                    + "AND event_key = ANY (?::text[])", EventType.LICENSE_ASSIGNED.ceType(),
                    users.stream().map(UUID::toString).toArray(String[]::new))).isEqualTo(1);
        } finally {
            relay.resume();
        }
        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", users.get(19))
                .then().statusCode(200).body("value.skuId", contains(BUSINESS_PREMIUM.toString()));
    }

    @Test
    void twoAssignsRacingForTheLastLicensesNeverOversell() throws Exception {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        List<UUID> first = newUsers(tenant, 3);
        List<UUID> second = newUsers(tenant, 3);
        for (int round = 1; round <= 10; round++) {
            List<Callable<Response>> racing = new ArrayList<>();
            for (List<UUID> users : List.of(first, second)) {
                racing.add(() -> assign(tenant.licenseAdmin, BUSINESS_PREMIUM, users));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Response answer : Race.run(racing)) {
                statuses.add(answer.statusCode());
            }
            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(200, 400);
            assertThat(tenant.seats(BUSINESS_PREMIUM)).as("round %d", round).containsExactly(5, 3, 2);
            assertThat(Db.count(dataSource, "SELECT count(*) FROM license_assignment WHERE tenant_id = ? AND sku_id = ?",
                    tenant.id, BUSINESS_PREMIUM)).as("round %d: licenses held", round).isEqualTo(3);
            List<UUID> winners = statuses.get(0) == 200 ? first : second;
            given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(Map.of("userIds", winners))
                    .post("/api/v1/licenses/{skuId}/unassign", BUSINESS_PREMIUM).then().statusCode(200);
        }
    }

    @Test
    void assigningToTwentyOneUsersIsRefusedAndChangesNothing() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 25);
        List<UUID> users = newUsers(tenant, 21);

        assign(tenant.licenseAdmin, BUSINESS_PREMIUM, users)
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo(
                        "The Licenses page assigns licenses for up to 20 users at a time; 21 were selected."));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(25, 0, 25);
        assertThat(assignmentsOf(users)).isZero();
    }

    @Test
    void fewerLicensesAvailableThanSelectedUsersIsRefusedAndNothingIsOversold() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 3);
        tenant.assign(tenant.newUser(), BUSINESS_PREMIUM);
        List<UUID> users = newUsers(tenant, 3);

        assign(tenant.licenseAdmin, BUSINESS_PREMIUM, users)
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("Only 2 Microsoft 365 Business Premium licenses are available and 3 users "
                        + "were selected: buy more licenses or select fewer users."));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 1, 2);
        assertThat(assignmentsOf(users)).isZero();
        // exactly as many as are available: all of them
        assign(tenant.licenseAdmin, BUSINESS_PREMIUM, users.subList(0, 2)).then().statusCode(200);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 3, 0);
    }

    @Test
    void anUnknownUserAmongTheSelectedIsNamedAndNobodyGetsTheLicense() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        List<UUID> users = new ArrayList<>(newUsers(tenant, 2));
        UUID stranger = new TestTenant().newUser();
        users.add(stranger);

        assign(tenant.licenseAdmin, BUSINESS_PREMIUM, users)
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("User " + stranger + " does not exist in this tenant."));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 0, 5);
        assertThat(assignmentsOf(users)).isZero();
    }

    @Test
    void aSelectedUserWhoAlreadyHoldsTheProductOrHasNoUsageLocationIsNamedAndNothingChanges() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UUID holder = tenant.newUser();
        tenant.assign(holder, BUSINESS_PREMIUM);
        UUID fresh = tenant.newUser();
        UUID nowhere = tenant.newUser(null);

        assign(tenant.licenseAdmin, BUSINESS_PREMIUM, List.of(fresh, holder))
                .then().statusCode(400)
                .body("error.message", equalTo("User " + upn(tenant, holder) + " (" + holder
                        + ") already has a license of Microsoft 365 Business Premium."));
        assign(tenant.licenseAdmin, BUSINESS_PREMIUM, List.of(fresh, nowhere))
                .then().statusCode(400)
                .body("error.message", equalTo("User " + upn(tenant, nowhere) + " (" + nowhere
                        + ") has no valid usage location: set one on Active users, then assign the license."));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 1, 4);
        assertThat(assignmentsOf(List.of(fresh, nowhere))).isZero();
    }

    @Test
    void badSelectionsAndProductsNotOwnedAreRefusedAndChangeNothing() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UUID user = tenant.newUser();
        for (String body : List.of("{}", "{\"userIds\":[]}", "{\"userIds\":null}", "{\"userIds\":[\"" + user + "\",\""
                + user + "\"]}", "{\"userIds\":[\"" + user + "\",null]}", "{\"userIds\":[\"not-a-guid\"]}", "[", "")) {
            given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/licenses/{skuId}/assign", BUSINESS_PREMIUM)
                    .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        }
        assign(tenant.licenseAdmin, OFFICE_365_E3, List.of(user))
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 0, 5);
        assertThat(assignmentsOf(List.of(user))).isZero();
    }

    @Test
    void onlyLicenseGlobalAndUserAdministratorsMayAssign() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        List<UUID> users = newUsers(tenant, 1);
        for (DirectoryRole weak : List.of(DirectoryRole.GLOBAL_READER, DirectoryRole.BILLING_ADMINISTRATOR,
                DirectoryRole.HELPDESK_ADMINISTRATOR)) {
            assign(tenant.token(weak), BUSINESS_PREMIUM, users).then().statusCode(403)
                    .body("error.code", equalTo("Authorization_RequestDenied"))
                    .body("error.message", equalTo("Insufficient privileges to complete the operation."));
        }
        given().contentType(ContentType.JSON).body(Map.of("userIds", users))
                .post("/api/v1/licenses/{skuId}/assign", BUSINESS_PREMIUM).then().statusCode(401);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 0, 5);
        assertThat(assignmentsOf(users)).isZero();

        assign(tenant.token(DirectoryRole.USER_ADMINISTRATOR), BUSINESS_PREMIUM, users).then().statusCode(200);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 1, 4);
    }

    private long assignmentsOf(List<UUID> users) {
        return users.stream().mapToLong(u -> Db.outboxPayloads(dataSource, u, EventType.LICENSE_ASSIGNED.ceType()).size())
                .sum();
    }

    private static String upn(TestTenant tenant, UUID user) {
        return given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", user)
                .then().statusCode(200).extract().path("userPrincipalName");
    }

    private static List<UUID> newUsers(TestTenant tenant, int count) {
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(tenant.newUser());
        }
        return users;
    }

    private static Response assign(String token, Object skuId, List<UUID> users) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("userIds", users))
                .post("/api/v1/licenses/{skuId}/assign", skuId);
    }
}
