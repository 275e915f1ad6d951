package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
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
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.support.outbox.OutboxRelay;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;

/** The Licenses page: who holds a product, and unassigning it from up to 20 selected users at a time. */
@QuarkusTest
@WithTestResource(Rig.class)
class LicensesPageUnassignTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Test
    void theHoldersOfAProductAreListedPageByPageWithAnAbsoluteNextLink() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(OFFICE_365_E3, 5);
        List<UUID> holders = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID user = tenant.newUser();
            tenant.assign(user, BUSINESS_PREMIUM);
            holders.add(user);
        }
        tenant.assign(tenant.newUser(), OFFICE_365_E3);
        // PostgreSQL orders uuids by their bytes, as their text sorts (Java compares them as signed longs)
        List<String> expected = holders.stream().map(UUID::toString).sorted().toList();

        Response first = given().auth().oauth2(tenant.token(DirectoryRole.GLOBAL_READER)).queryParam("$top", 2)
                .get("/api/v1/licenses/{skuId}/users", BUSINESS_PREMIUM)
                .then().statusCode(200)
                .body("value.userId", contains(expected.get(0), expected.get(1)))
                .body("value[0].userPrincipalName", startsWith("user-"))
                .body("nextLink", startsWith("http://"))
                .extract().response();
        given().auth().oauth2(tenant.licenseAdmin).get(first.<String>path("nextLink"))
                .then().statusCode(200)
                .body("value.userId", contains(expected.get(2)))
                .body("nextLink", nullValue());
    }

    @Test
    void badPagingAndUnknownProductsAreRefused() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        for (String top : List.of("0", "1000", "two", "-1")) {
            given().auth().oauth2(tenant.licenseAdmin).queryParam("$top", top)
                    .get("/api/v1/licenses/{skuId}/users", BUSINESS_PREMIUM)
                    .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        }
        given().auth().oauth2(tenant.licenseAdmin).queryParam("$skiptoken", "nope")
                .get("/api/v1/licenses/{skuId}/users", BUSINESS_PREMIUM).then().statusCode(400);
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/licenses/{skuId}/users", OFFICE_365_E3)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/licenses/{skuId}/users", "SPB").then().statusCode(404);
    }

    @Test
    void unassigningFromTwentyUsersCommitsTwentyRemovalsInOneTransaction() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 25);
        List<UUID> users = licensedUsers(tenant, 20);
        relay.pause();
        try {
            unassign(tenant, tenant.licenseAdmin, BUSINESS_PREMIUM, users)
                    .then().statusCode(200)
                    .body("users", hasSize(20))
                    .body("users[0].removedSkuIds", contains(BUSINESS_PREMIUM.toString()));

            assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(25, 0, 25);
            List<LicenseRemoved> removals = new ArrayList<>();
            for (UUID user : users) {
                Db.outboxPayloads(dataSource, user, EventType.LICENSE_REMOVED.ceType())
                        .forEach(p -> removals.add(EventJson.read(p, LicenseRemoved.class)));
            }
            assertThat(removals).hasSize(20).allSatisfy(r -> {
                assertThat(r.reason()).isEqualTo(RemovalReason.UNASSIGNED);
                assertThat(r.removedBy()).isEqualTo(tenant.adminOid);
                assertThat(r.skuId()).isEqualTo(BUSINESS_PREMIUM);
            });
            // the rows written by one transaction carry its id (unchanged while the relay is paused)
            assertThat(Db.count(dataSource, "SELECT count(DISTINCT xmin::text) FROM outbox_event WHERE ce_type = ? "
                    + "AND event_key = ANY (?::text[])", EventType.LICENSE_REMOVED.ceType(),
                    users.stream().map(UUID::toString).toArray(String[]::new))).isEqualTo(1);
        } finally {
            relay.resume();
        }
    }

    @Test
    void unassigningFromTwentyOneUsersIsRefusedAndChangesNothing() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 25);
        List<UUID> users = licensedUsers(tenant, 21);

        unassign(tenant, tenant.licenseAdmin, BUSINESS_PREMIUM, users)
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo(
                        "The Licenses page unassigns licenses for up to 20 users at a time; 21 were selected."));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(25, 21, 4);
        assertThat(removalsOf(users)).isZero();
    }

    @Test
    void theBulkLimitsTheConsoleLearnsAreTheOnesEnforced() {
        TestTenant tenant = new TestTenant();

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/licenses/bulkLimits")
                .then().statusCode(200)
                .body("licensesPage", equalTo(20))
                .body("activeUsers", equalTo(100));
    }

    @Test
    void aSelectedUserWhoDoesNotHoldTheProductIsNamedAndNothingChanges() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        tenant.buy(OFFICE_365_E3, 5);
        List<UUID> users = new ArrayList<>(licensedUsers(tenant, 2));
        UUID without = tenant.newUser();
        tenant.assign(without, OFFICE_365_E3);
        users.add(without);
        String upn = given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", without)
                .then().extract().path("userPrincipalName");

        unassign(tenant, tenant.licenseAdmin, BUSINESS_PREMIUM, users)
                .then().statusCode(400)
                .body("error.message", equalTo("User " + upn + " (" + without
                        + ") does not have a license of Microsoft 365 Business Premium to unassign."));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 2, 3);
        assertThat(removalsOf(users)).isZero();
    }

    @Test
    void badSelectionsAreRefusedAndChangeNothing() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UUID user = licensedUsers(tenant, 1).get(0);
        UUID stranger = new TestTenant().newUser();
        for (String body : List.of("{}", "{\"userIds\":[]}", "{\"userIds\":null}", "{\"userIds\":[\"" + user + "\",\""
                + user + "\"]}", "{\"userIds\":[\"" + user + "\",null]}", "{\"userIds\":[\"not-a-guid\"]}",
                "{\"userIds\":\"" + user + "\"}", "{\"userIds\":[\"" + user + "\",\"" + stranger + "\"]}", "[", "")) {
            given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/licenses/{skuId}/unassign", BUSINESS_PREMIUM)
                    .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        }
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 1, 4);
        assertThat(removalsOf(List.of(user))).isZero();
    }

    @Test
    void globalReadersMayListHoldersButNotUnassign() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        List<UUID> users = licensedUsers(tenant, 1);
        unassign(tenant, tenant.token(DirectoryRole.GLOBAL_READER), BUSINESS_PREMIUM, users).then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));
        unassign(tenant, tenant.token(DirectoryRole.BILLING_ADMINISTRATOR), BUSINESS_PREMIUM, users).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("userIds", users))
                .post("/api/v1/licenses/{skuId}/unassign", BUSINESS_PREMIUM).then().statusCode(401);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 1, 4);
        unassign(tenant, tenant.token(DirectoryRole.USER_ADMINISTRATOR), BUSINESS_PREMIUM, users).then().statusCode(200);
    }

    private long removalsOf(List<UUID> users) {
        return users.stream().mapToLong(u -> Db.outboxPayloads(dataSource, u, EventType.LICENSE_REMOVED.ceType()).size()).sum();
    }

    private static List<UUID> licensedUsers(TestTenant tenant, int count) {
        List<UUID> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID user = tenant.newUser();
            tenant.assign(user, BUSINESS_PREMIUM);
            users.add(user);
        }
        return users;
    }

    private static Response unassign(TestTenant tenant, String token, Object skuId, List<UUID> users) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("userIds", users))
                .post("/api/v1/licenses/{skuId}/unassign", skuId);
    }
}
