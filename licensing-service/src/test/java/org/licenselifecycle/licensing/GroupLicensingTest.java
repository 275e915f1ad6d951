package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.TestTenant.add;
import static org.licenselifecycle.licensing.TestTenant.remove;

import com.microsoft.graph.groups.item.assignlicense.AssignLicensePostRequestBody;
import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.Group;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.GroupLicensesChanged;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged.LicenseAssignmentState;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Group-based licensing with Entra ID's rules, driven as directory and admins drive it: memberships as
 * GroupMembershipChanged on Kafka, the group's products through Graph's group assignLicense (the official SDK).
 */
@QuarkusTest
@WithTestResource(Rig.class)
class GroupLicensingTest {

    /** Office 365 F3: Exchange Online Kiosk, which excludes a full mailbox plan. */
    static final UUID OFFICE_365_F3 = UUID.fromString("4b585984-651b-448a-9e53-3b10f069cf7f");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyMemberInheritsTheGroupsProductWithASeatEachThroughTheSdk() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 5);
        UUID ada = tenant.newUser();
        UUID grace = tenant.newUser();
        UUID sales = UUID.randomUUID();
        Groups.join(tenant, sales, "Sales", ada, grace);

        AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
        AssignedLicense e3 = new AssignedLicense();
        e3.setSkuId(OFFICE_365_E3);
        e3.setDisabledPlans(List.of());
        body.setAddLicenses(List.of(e3));
        body.setRemoveLicenses(List.of());
        Group group = GraphSdkTest.client(tenant.licenseAdmin).groups().byGroupId(sales.toString()).assignLicense().post(body);

        assertThat(group.getId()).isEqualTo(sales.toString());
        assertThat(group.getDisplayName()).isEqualTo("Sales");
        assertThat(group.getAssignedLicenses()).extracting(AssignedLicense::getSkuId).containsExactly(OFFICE_365_E3);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(5, 2, 3);
        for (UUID member : List.of(ada, grace)) {
            given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", member).then().statusCode(200)
                    .body("licenses[0].skuId", equalTo(OFFICE_365_E3.toString()))
                    .body("licenses[0].assignedByGroup", equalTo(sales.toString()))
                    .body("licenses[0].keptBecause.groupName", equalTo("Sales"));
            assertThat(events(member, EventType.LICENSE_ASSIGNED, LicenseAssigned.class)).singleElement()
                    .satisfies(assigned -> assertThat(assigned.assignedByGroup()).isEqualTo(sales));
            assertThat(lastStates(member)).singleElement().satisfies(state -> {
                assertThat(state.assignedByGroup()).isEqualTo(sales);
                assertThat(state.state()).isEqualTo("Active");
                assertThat(state.error()).isEqualTo("None");
            });
        }
        List<GroupLicensesChanged> changes = events(sales, EventType.GROUP_LICENSES_CHANGED, GroupLicensesChanged.class);
        assertThat(changes).singleElement().satisfies(changed -> assertThat(changed.assignedLicenses())
                .extracting(GroupLicensesChanged.GroupLicense::skuId).containsExactly(OFFICE_365_E3));

        // a member joining later inherits it at once
        UUID carl = tenant.newUser();
        Groups.join(tenant, sales, "Sales", carl);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(5, 3, 2);
    }

    @Test
    void aMemberWhoLeavesLosesTheInheritedLicenseAsARemovalThatStartsTheGracePeriod() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 3);
        UUID leaver = tenant.newUser();
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, leaver);

        Groups.leave(tenant, sales, "Sales", leaver);

        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(3, 0, 3);
        assertThat(events(leaver, EventType.LICENSE_REMOVED, LicenseRemoved.class)).singleElement().satisfies(removed -> {
            assertThat(removed.cause()).isEqualTo(RemovalReason.NO_LONGER_INHERITED);
            assertThat(removed.reason()).as("what consumers built before read: a removal").isEqualTo(RemovalReason.UNASSIGNED);
            assertThat(removed.noLongerInheritedFrom()).isEqualTo(sales);
            assertThat(removed.exchangeOnline()).isTrue();
            assertThat(removed.exchangeOnlineRetained()).isFalse();
        });
        assertThat(lastStates(leaver)).isEmpty();
        // the same membership applied again (a snapshot) changes nothing
        Groups.leave(tenant, sales, "Sales", leaver);
        assertThat(events(leaver, EventType.LICENSE_REMOVED, LicenseRemoved.class)).hasSize(1);
    }

    @Test
    void theSameProductDirectAndFromGroupsTakesOneSeatAndStaysWhileAnySourceGivesIt() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 3);
        UUID ada = tenant.newUser();
        tenant.assign(ada, OFFICE_365_E3);
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, ada);
        UUID europe = Groups.giving(tenant, "Europe", OFFICE_365_E3, ada);

        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(3, 1, 2);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM license_assignment WHERE user_id = ?", ada)).isEqualTo(1);
        assertThat(lastStates(ada)).extracting(LicenseAssignmentState::assignedByGroup)
                .containsExactlyInAnyOrder(null, sales, europe);

        // the direct assignment goes (Graph allows it), the license stays with its groups
        tenant.assignLicense(ada, remove(OFFICE_365_E3)).then().statusCode(200);
        Groups.leave(tenant, sales, "Sales", ada);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(3, 1, 2);
        assertThat(events(ada, EventType.LICENSE_REMOVED, LicenseRemoved.class)).isEmpty();
        // now only a group gives it: removing it directly is refused with Entra's message
        tenant.assignLicense(ada, remove(OFFICE_365_E3)).then().statusCode(400).body("error.message", equalTo(
                "User license is inherited from a group membership and it cannot be removed directly from the user."));

        // the last source goes: so does the license
        Groups.withdraw(tenant, europe, OFFICE_365_E3);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(3, 0, 3);
        assertThat(events(ada, EventType.LICENSE_REMOVED, LicenseRemoved.class)).singleElement()
                .satisfies(removed -> assertThat(removed.noLongerInheritedFrom()).isEqualTo(europe));
    }

    @Test
    void theGroupTurningExchangeOffInItsProductTakesTheMailboxLicenseAwayFromMembersWithoutAnotherSource() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 2);
        UUID member = tenant.newUser();
        UUID sales = Groups.giving(tenant, "Sales", BUSINESS_PREMIUM, member);

        Groups.assignLicense(tenant, sales, add(BUSINESS_PREMIUM, Catalog.EXCHANGE_S_STANDARD))
                .then().statusCode(202).body("assignedLicenses[0].disabledPlans[0]", equalTo(Catalog.EXCHANGE_S_STANDARD.toString()));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(2, 1, 1);
        List<LicenseAssigned> assigned = events(member, EventType.LICENSE_ASSIGNED, LicenseAssigned.class);
        assertThat(assigned).hasSize(2);
        assertThat(assigned.get(1).disabledPlans()).containsExactly(Catalog.EXCHANGE_S_STANDARD);
        assertThat(assigned.get(1).exchangeOnlineRetained()).isFalse();
        assertThat(assigned.get(1).assignedByGroup()).isEqualTo(sales);
    }

    @Test
    void whenSeatsRunOutMembersGetCountViolationAndNoLicenseThenReprocessingGivesItOnceSeatsAreAdded() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 1);
        UUID first = tenant.newUser();
        UUID second = tenant.newUser();
        UUID sales = UUID.randomUUID();
        Groups.join(tenant, sales, "Sales", first, second);

        Groups.give(tenant, sales, OFFICE_365_E3);

        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(1, 1, 0);
        UUID unlucky = Db.count(dataSource, "SELECT count(*) FROM license_assignment WHERE user_id = ?", first) == 0
                ? first : second;
        assertThat(lastStates(unlucky)).singleElement().satisfies(state -> {
            assertThat(state.state()).isEqualTo("Error");
            assertThat(state.error()).isEqualTo("CountViolation");
            assertThat(state.assignedByGroup()).isEqualTo(sales);
        });
        GraphServiceClient graph = GraphSdkTest.client(tenant.licenseAdmin);
        // reprocessing without a seat more changes nothing
        assertThat(graph.users().byUserId(unlucky.toString()).reprocessLicenseAssignment().post().getAssignedLicenses())
                .isEmpty();

        tenant.buy(OFFICE_365_E3, 1);
        User reprocessed = graph.users().byUserId(unlucky.toString()).reprocessLicenseAssignment().post();

        assertThat(reprocessed.getAssignedLicenses()).extracting(AssignedLicense::getSkuId).containsExactly(OFFICE_365_E3);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 2, 0);
        assertThat(lastStates(unlucky)).singleElement().satisfies(state -> assertThat(state.state()).isEqualTo("Active"));
    }

    @Test
    void reprocessingAGroupGivesItsMembersInErrorTheSeatsAddedSince() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 1);
        List<UUID> members = List.of(tenant.newUser(), tenant.newUser(), tenant.newUser());
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, members.toArray(UUID[]::new));
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(1, 1, 0);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM inherited_license WHERE group_id = ? AND error = "
                + "'CountViolation'", sales)).isEqualTo(2);

        tenant.buy(OFFICE_365_E3, 2);
        given().auth().oauth2(tenant.licenseAdmin).post("/v1.0/groups/{id}/reprocessLicenseAssignment", sales)
                .then().statusCode(200).body("displayName", equalTo("Sales"))
                .body("assignedLicenses[0].skuId", equalTo(OFFICE_365_E3.toString()));

        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(3, 3, 0);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM inherited_license WHERE group_id = ? AND state = 'Error'",
                sales)).isZero();
    }

    @Test
    void membershipsAndDirectAssignmentsRacingForTheLastSeatsNeverOversell() throws Exception {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 3);
        UUID holder = tenant.newUser();
        tenant.assign(holder, OFFICE_365_E3);
        // two groups giving the product, whose one member holds it already (no seat more)
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, holder);
        UUID europe = Groups.giving(tenant, "Europe", OFFICE_365_E3, holder);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(3, 1, 2);
        UUID ada = tenant.newUser();
        UUID grace = tenant.newUser();
        List<UUID> direct = List.of(tenant.newUser(), tenant.newUser());

        // four wanting two seats at once: two memberships of two groups, two direct assignments
        ExecutorService pool = Executors.newFixedThreadPool(direct.size());
        List<Future<Integer>> calls = new ArrayList<>();
        try {
            Groups.publish(tenant, sales, "Sales", true, ada);
            Groups.publish(tenant, europe, "Europe", true, grace);
            for (UUID user : direct) {
                calls.add(pool.submit(() -> tenant.assignLicense(user, add(OFFICE_365_E3)).statusCode()));
            }
            UserEvents.publishMarkerAfter(tenant, ada);
            UserEvents.publishMarkerAfter(tenant, grace);
            long refused = 0;
            for (Future<Integer> call : calls) {
                int status = call.get();
                assertThat(status).isIn(200, 400);
                refused += status == 400 ? 1 : 0;
            }

            assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(3, 3, 0);
            assertThat(Db.count(dataSource, "SELECT count(*) FROM license_assignment WHERE tenant_id = ? AND sku_id = ?",
                    tenant.id, OFFICE_365_E3)).isEqualTo(3);
            long countViolations = Db.count(dataSource, "SELECT count(*) FROM inherited_license WHERE user_id IN (?, ?) "
                    + "AND error = 'CountViolation'", ada, grace);
            assertThat(refused + countViolations).as("of four, two got no seat").isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKioskMailboxBesideAFullOneIsAMutuallyExclusiveViolationAndNoLicense() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 2);
        tenant.buy(OFFICE_365_F3, 2);
        UUID ada = tenant.newUser();
        tenant.assign(ada, BUSINESS_PREMIUM);

        Groups.giving(tenant, "Frontline", OFFICE_365_F3, ada);

        assertThat(tenant.seats(OFFICE_365_F3)).containsExactly(2, 0, 2);
        assertThat(lastStates(ada)).filteredOn(state -> state.assignedByGroup() != null).singleElement()
                .satisfies(state -> {
                    assertThat(state.state()).isEqualTo("Error");
                    assertThat(state.error()).isEqualTo("MutuallyExclusiveViolation");
                });
        // the conflict resolved by the admin (Business Premium's Exchange turned off), reprocessing gives it
        tenant.assignLicense(ada, add(BUSINESS_PREMIUM, Catalog.EXCHANGE_S_STANDARD)).then().statusCode(200);
        given().auth().oauth2(tenant.licenseAdmin).post("/v1.0/users/{id}/reprocessLicenseAssignment", ada)
                .then().statusCode(200);
        assertThat(tenant.seats(OFFICE_365_F3)).containsExactly(2, 1, 1);
    }

    @Test
    void aGroupLicensingHasNotHeardOfWhileDirectoryIsAwayIsA503AndChangesNothing() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 2);
        UUID unheard = UUID.randomUUID();

        Groups.assignLicense(tenant, unheard, add(OFFICE_365_E3)).then().statusCode(503)
                .header("Retry-After", equalTo("2")).body("error.code", equalTo("serviceNotAvailable"));

        assertThat(Db.count(dataSource, "SELECT count(*) FROM group_product WHERE group_id = ?", unheard)).isZero();
    }

    @Test
    void badGroupRequestsAreRefusedWithGraphsErrorsAndChangeNothing() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 2);
        UUID member = tenant.newUser();
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, member);

        Groups.assignLicense(tenant, sales, remove(BUSINESS_PREMIUM)).then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"));
        Groups.assignLicense(tenant, sales, add(BUSINESS_PREMIUM)).then().statusCode(400)
                .body("error.message", equalTo("License " + BUSINESS_PREMIUM + " does not correspond to a valid company License."));
        Groups.assignLicense(tenant, sales, "{\"addLicenses\":[]}").then().statusCode(400);
        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(add(OFFICE_365_E3))
                .post("/v1.0/groups/not-a-guid/assignLicense").then().statusCode(404);
        // who may: License Administrator yes (above), Helpdesk Administrator no; an application with
        // LicenseAssignment.ReadWrite.All yes
        given().auth().oauth2(tenant.token(DirectoryRole.HELPDESK_ADMINISTRATOR)).contentType(ContentType.JSON)
                .body(remove(OFFICE_365_E3)).post("/v1.0/groups/{id}/assignLicense", sales).then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        given().auth().oauth2(DevTokens.app(tenant.id, "LicenseAssignment.ReadWrite.All")).contentType(ContentType.JSON)
                .body(remove(OFFICE_365_E3)).post("/v1.0/groups/{id}/assignLicense", sales).then().statusCode(202);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 0, 2);
    }

    @Test
    void aGroupWhoseOneProductRunsOutOfSeatsGivesTheMemberNoneOfItsProductsUntilSeatsAreAddedAndItIsReprocessed() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 5);
        tenant.buy(APPS_FOR_BUSINESS, 1);
        tenant.buy(BUSINESS_PREMIUM, 2);
        tenant.assign(tenant.newUser(), APPS_FOR_BUSINESS);
        UUID ada = tenant.newUser();
        UUID europe = Groups.giving(tenant, "Europe", BUSINESS_PREMIUM, ada);
        UUID sales = UUID.randomUUID();
        Groups.join(tenant, sales, "Sales", ada);

        Groups.assignLicense(tenant, sales, "{\"addLicenses\":[{\"skuId\":\"" + OFFICE_365_E3 + "\",\"disabledPlans\":[]},"
                + "{\"skuId\":\"" + APPS_FOR_BUSINESS + "\",\"disabledPlans\":[]}],\"removeLicenses\":[]}")
                .then().statusCode(202);

        // neither of Sales' products, and no seat of Office 365 E3 although it has seats; Europe's product unaffected
        assertThat(heldBy(tenant, ada)).containsExactly(BUSINESS_PREMIUM.toString());
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(5, 0, 5);
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(1, 1, 0);
        assertThat(lastStates(ada)).extracting(s -> s.assignedByGroup() + " " + s.skuId() + " " + s.state() + " "
                + s.error()).containsExactlyInAnyOrder(
                        sales + " " + OFFICE_365_E3 + " Error CountViolation",
                        sales + " " + APPS_FOR_BUSINESS + " Error CountViolation",
                        europe + " " + BUSINESS_PREMIUM + " Active None");
        assertThat(events(ada, EventType.LICENSE_ASSIGNED, LicenseAssigned.class)).singleElement()
                .satisfies(assigned -> assertThat(assigned.skuId()).isEqualTo(BUSINESS_PREMIUM));

        tenant.buy(APPS_FOR_BUSINESS, 1);
        given().auth().oauth2(tenant.licenseAdmin).post("/v1.0/groups/{id}/reprocessLicenseAssignment", sales)
                .then().statusCode(200);

        assertThat(heldBy(tenant, ada)).containsExactlyInAnyOrder(BUSINESS_PREMIUM.toString(),
                OFFICE_365_E3.toString(), APPS_FOR_BUSINESS.toString());
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(5, 1, 4);
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(2, 2, 0);
        assertThat(lastStates(ada)).extracting(s -> s.state() + " " + s.error())
                .containsExactly("Active None", "Active None", "Active None");
        // the Licenses page's holders name the group each inherited license comes from
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/licenses/{skuId}/users", OFFICE_365_E3).then()
                .statusCode(200).body("value[0].userId", equalTo(ada.toString()))
                .body("value[0].assignedByGroup", equalTo(sales.toString()))
                .body("value[0].assignedByGroupName", equalTo("Sales"));
    }

    private static List<String> heldBy(TestTenant tenant, UUID user) {
        return given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", user)
                .then().statusCode(200).extract().path("licenses.skuId");
    }

    @Test
    void aGroupsAdministratorMayGiveAGroupProductsAndTheAnswerIs202AcceptedWithTheGroup() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 2);
        UUID member = tenant.newUser();
        UUID sales = UUID.randomUUID();
        Groups.join(tenant, sales, "Sales", member);

        given().auth().oauth2(tenant.token(DirectoryRole.GROUPS_ADMINISTRATOR)).contentType(ContentType.JSON)
                .body(add(OFFICE_365_E3)).post("/v1.0/groups/{id}/assignLicense", sales).then().statusCode(202)
                .body("id", equalTo(sales.toString()))
                .body("assignedLicenses[0].skuId", equalTo(OFFICE_365_E3.toString()));
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        given().auth().oauth2(tenant.token(DirectoryRole.USER_ADMINISTRATOR)).contentType(ContentType.JSON)
                .post("/v1.0/groups/{id}/reprocessLicenseAssignment", sales).then().statusCode(200);
    }

    private <T extends Record> List<T> events(UUID key, EventType type, Class<T> as) {
        return Db.outboxPayloads(dataSource, key, type.ceType()).stream().map(p -> EventJson.read(p, as)).toList();
    }

    private List<LicenseAssignmentState> lastStates(UUID user) {
        List<LicenseAssignmentStatesChanged> all = events(user, EventType.LICENSE_ASSIGNMENT_STATES_CHANGED,
                LicenseAssignmentStatesChanged.class);
        assertThat(all).as("states announced for %s", user).isNotEmpty();
        return all.get(all.size() - 1).states();
    }
}
