package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.EXCHANGE_S_ENTERPRISE;
import static org.licenselifecycle.licensing.Catalog.EXCHANGE_S_STANDARD;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.WORKPLACE_ANALYTICS;
import static org.licenselifecycle.licensing.Catalog.WORKPLACE_ANALYTICS_INSIGHTS_USER;
import static org.licenselifecycle.licensing.TestTenant.add;
import static org.licenselifecycle.licensing.TestTenant.remove;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.assignlicense.AssignLicensePostRequestBody;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged.LicenseAssignmentState;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.licensing.products.PlanDependencies;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.products.ServicePlan;
import org.licenselifecycle.testsupport.Rig;

/**
 * Add-ons, with Entra ID's rules: Microsoft Workplace Analytics' user plan needs Exchange Online (Plan 1) or (Plan 2)
 * enabled on the same user, or in the same group; a license a member would lose from a group stays, in Error with
 * DependencyViolation, while an add-on from another source depends on it.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class AddOnsTest {

    static final String USER_REFUSAL = "License assignment failed because service plan " + WORKPLACE_ANALYTICS_INSIGHTS_USER
            + " depends on the service plan(s) " + EXCHANGE_S_STANDARD + "," + EXCHANGE_S_ENTERPRISE;

    static final String GROUP_REFUSAL = "License operation failed. Make sure that the group has necessary services before "
            + "adding or removing a dependent service. The service Microsoft Workplace Analytics Insights User requires "
            + "Exchange Online (Plan 1) or Exchange Online (Plan 2) to be enabled as well.";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    PlanDependencies dependencies;

    @Inject
    ProductCatalog catalog;

    @Test
    void theCatalogSaysWorkplaceAnalyticsNeedsExchangeOnlinePlan1OrPlan2() {
        assertThat(catalog.find(WORKPLACE_ANALYTICS).orElseThrow().skuPartNumber()).isEqualTo("WORKPLACE_ANALYTICS");
        assertThat(dependencies.prerequisitesOf(WORKPLACE_ANALYTICS_INSIGHTS_USER)).extracting(ServicePlan::servicePlanName)
                .containsExactly("EXCHANGE_S_STANDARD", "EXCHANGE_S_ENTERPRISE");
        assertThat(dependencies.prerequisitesOf(EXCHANGE_S_STANDARD)).isEmpty();
    }

    @Test
    void anAddOnWithoutItsPrerequisiteIsRefusedAndChangesNothing() {
        TestTenant tenant = TestTenant.buying(2, WORKPLACE_ANALYTICS, OFFICE_365_E3);
        UUID user = tenant.newUser();
        LicenseState before = LicenseState.of(tenant, dataSource, user, WORKPLACE_ANALYTICS, OFFICE_365_E3);

        tenant.assignLicense(user, add(WORKPLACE_ANALYTICS)).then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest")).body("error.message", equalTo(USER_REFUSAL));
        // nor with the prerequisite's product when its Exchange plan is off
        tenant.assignLicense(user, "{\"addLicenses\":[{\"skuId\":\"" + OFFICE_365_E3 + "\",\"disabledPlans\":[\""
                + EXCHANGE_S_ENTERPRISE + "\"]},{\"skuId\":\"" + WORKPLACE_ANALYTICS + "\"}],\"removeLicenses\":[]}")
                .then().statusCode(400).body("error.message", equalTo(USER_REFUSAL));

        assertThat(LicenseState.of(tenant, dataSource, user, WORKPLACE_ANALYTICS, OFFICE_365_E3)).isEqualTo(before);
    }

    @Test
    void theAddOnAndItsPrerequisiteInOneRequestAreBothAssigned() {
        TestTenant tenant = TestTenant.buying(2, WORKPLACE_ANALYTICS, OFFICE_365_E3);
        UUID user = tenant.newUser();

        tenant.assignLicense(user, "{\"addLicenses\":[{\"skuId\":\"" + WORKPLACE_ANALYTICS + "\"},{\"skuId\":\""
                + OFFICE_365_E3 + "\"}],\"removeLicenses\":[]}").then().statusCode(200);

        assertThat(tenant.seats(WORKPLACE_ANALYTICS)).containsExactly(2, 1, 1);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
    }

    @Test
    void removingOrTurningOffTheLastPrerequisiteOfAKeptAddOnIsRefusedAndChangesNothing() {
        TestTenant tenant = TestTenant.buying(2, WORKPLACE_ANALYTICS, OFFICE_365_E3, BUSINESS_PREMIUM);
        UUID user = tenant.newUser();
        tenant.assign(user, OFFICE_365_E3);
        tenant.assign(user, WORKPLACE_ANALYTICS);
        LicenseState before = LicenseState.of(tenant, dataSource, user, WORKPLACE_ANALYTICS, OFFICE_365_E3);

        tenant.assignLicense(user, remove(OFFICE_365_E3)).then().statusCode(400)
                .body("error.message", equalTo(USER_REFUSAL));
        tenant.assignLicense(user, add(OFFICE_365_E3, EXCHANGE_S_ENTERPRISE)).then().statusCode(400)
                .body("error.message", equalTo(USER_REFUSAL));
        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(Map.of("skuIds", List.of(WORKPLACE_ANALYTICS)))
                .put("/api/v1/users/{id}/licenses", user).then().statusCode(400)
                .body("error.message", equalTo("User " + userPrincipalName(tenant, user) + " (" + user + "): " + USER_REFUSAL));

        assertThat(LicenseState.of(tenant, dataSource, user, WORKPLACE_ANALYTICS, OFFICE_365_E3)).isEqualTo(before);

        // another prerequisite (Plan 1) in the same request, or the add-on going with it: allowed
        tenant.assignLicense(user, "{\"addLicenses\":[{\"skuId\":\"" + BUSINESS_PREMIUM + "\"}],\"removeLicenses\":[\""
                + OFFICE_365_E3 + "\"]}").then().statusCode(200);
        tenant.assignLicense(user, "{\"addLicenses\":[],\"removeLicenses\":[\"" + BUSINESS_PREMIUM + "\",\""
                + WORKPLACE_ANALYTICS + "\"]}").then().statusCode(200);
        assertThat(tenant.seats(WORKPLACE_ANALYTICS)).containsExactly(2, 0, 2);
    }

    @Test
    void theLicensesPageNamesTheUserWhoseAddOnWouldLoseItsPrerequisiteAndUnassignsFromNobody() {
        TestTenant tenant = TestTenant.buying(2, WORKPLACE_ANALYTICS, OFFICE_365_E3);
        UUID plain = tenant.newUser();
        tenant.assign(plain, OFFICE_365_E3);
        UUID analyst = tenant.newUser();
        tenant.assign(analyst, OFFICE_365_E3);
        tenant.assign(analyst, WORKPLACE_ANALYTICS);
        long events = Db.outboxEvents(dataSource, plain) + Db.outboxEvents(dataSource, analyst);

        given().auth().oauth2(tenant.licenseAdmin).contentType(ContentType.JSON).body(Map.of("userIds", List.of(plain, analyst)))
                .post("/api/v1/licenses/{skuId}/unassign", OFFICE_365_E3).then().statusCode(400)
                .body("error.message", equalTo("User " + userPrincipalName(tenant, analyst) + " (" + analyst + "): "
                        + USER_REFUSAL));

        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 2, 0);
        assertThat(Db.outboxEvents(dataSource, plain) + Db.outboxEvents(dataSource, analyst)).isEqualTo(events);
    }

    @Test
    void aGroupGivesAnAddOnOnlyWithItsPrerequisiteAndKeepsThePrerequisiteWhileItGivesTheAddOn() {
        TestTenant tenant = TestTenant.buying(2, WORKPLACE_ANALYTICS, OFFICE_365_E3);
        UUID member = tenant.newUser();
        UUID analysts = UUID.randomUUID();
        Groups.join(tenant, analysts, "Analysts", member);

        Groups.assignLicense(tenant, analysts, add(WORKPLACE_ANALYTICS)).then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest")).body("error.message", equalTo(GROUP_REFUSAL));
        assertThat(Db.count(dataSource, "SELECT count(*) FROM group_product WHERE group_id = ?", analysts)).isZero();
        assertThat(Db.outboxEvents(dataSource, analysts)).isZero();
        assertThat(tenant.seats(WORKPLACE_ANALYTICS)).containsExactly(2, 0, 2);

        // the prerequisite and the add-on together: the member gets both
        Groups.assignLicense(tenant, analysts, "{\"addLicenses\":[{\"skuId\":\"" + OFFICE_365_E3 + "\"},{\"skuId\":\""
                + WORKPLACE_ANALYTICS + "\"}],\"removeLicenses\":[]}").then().statusCode(202);
        assertThat(tenant.seats(WORKPLACE_ANALYTICS)).containsExactly(2, 1, 1);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        long events = Db.outboxEvents(dataSource, analysts) + Db.outboxEvents(dataSource, member);

        // then neither withdrawing the prerequisite nor turning its Exchange off while the add-on stays
        Groups.assignLicense(tenant, analysts, remove(OFFICE_365_E3)).then().statusCode(400)
                .body("error.message", equalTo(GROUP_REFUSAL));
        Groups.assignLicense(tenant, analysts, add(OFFICE_365_E3, EXCHANGE_S_ENTERPRISE)).then().statusCode(400)
                .body("error.message", equalTo(GROUP_REFUSAL));

        assertThat(Db.count(dataSource, "SELECT count(*) FROM group_product WHERE group_id = ? AND gives "
                + "AND disabled_plans = '{}'", analysts)).isEqualTo(2);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        assertThat(Db.outboxEvents(dataSource, analysts) + Db.outboxEvents(dataSource, member)).isEqualTo(events);
        // both withdrawn together: allowed
        Groups.assignLicense(tenant, analysts, "{\"addLicenses\":[],\"removeLicenses\":[\"" + OFFICE_365_E3 + "\",\""
                + WORKPLACE_ANALYTICS + "\"]}").then().statusCode(202);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 0, 2);
    }

    @Test
    void aMemberLeavingTheGroupOfThePrerequisiteKeepsItInDependencyViolationUntilTheDirectAddOnGoes() {
        TestTenant tenant = TestTenant.buying(2, WORKPLACE_ANALYTICS, OFFICE_365_E3);
        UUID analyst = tenant.newUser();
        UUID sales = inheritingE3WithADirectAddOn(tenant, analyst);

        Groups.leave(tenant, sales, "Sales", analyst);

        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        assertThat(removals(analyst)).isEmpty();
        assertThat(heldBy(tenant, analyst)).containsExactlyInAnyOrder(OFFICE_365_E3.toString(), WORKPLACE_ANALYTICS.toString());
        assertThat(lastStates(analyst)).filteredOn(state -> OFFICE_365_E3.equals(state.skuId())).singleElement()
                .satisfies(state -> {
                    assertThat(state.assignedByGroup()).isEqualTo(sales);
                    assertThat(state.state()).isEqualTo("Error");
                    assertThat(state.error()).isEqualTo("DependencyViolation");
                });
        // still inherited (not the admin's to remove directly), and reprocessing keeps it while the add-on needs it
        tenant.assignLicense(analyst, remove(OFFICE_365_E3)).then().statusCode(400).body("error.message", equalTo(
                "User license is inherited from a group membership and it cannot be removed directly from the user."));
        given().auth().oauth2(tenant.licenseAdmin).post("/v1.0/users/{id}/reprocessLicenseAssignment", analyst)
                .then().statusCode(200);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);

        // the add-on goes: the kept license goes with it, in the same change, as a license no longer inherited
        tenant.assignLicense(analyst, remove(WORKPLACE_ANALYTICS)).then().statusCode(200)
                .body("assignedLicenses", org.hamcrest.Matchers.empty());

        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 0, 2);
        assertThat(tenant.seats(WORKPLACE_ANALYTICS)).containsExactly(2, 0, 2);
        assertThat(removals(analyst)).filteredOn(removed -> OFFICE_365_E3.equals(removed.skuId())).singleElement()
                .satisfies(removed -> {
                    assertThat(removed.cause()).isEqualTo(RemovalReason.NO_LONGER_INHERITED);
                    assertThat(removed.noLongerInheritedFrom()).isEqualTo(sales);
                    assertThat(removed.exchangeOnline()).isTrue();
                    assertThat(removed.exchangeOnlineRetained()).isFalse();
                });
        assertThat(lastStates(analyst)).isEmpty();
    }

    @Test
    void aGroupWithdrawingThePrerequisiteKeepsItForADirectAddOnUntilAnotherSourceGivesOneAndTheSdkReprocessesTheUser() {
        TestTenant tenant = TestTenant.buying(2, WORKPLACE_ANALYTICS, OFFICE_365_E3, BUSINESS_PREMIUM);
        UUID other = tenant.newUser();
        UUID europe = Groups.giving(tenant, "Europe", OFFICE_365_E3, other);
        tenant.assign(other, WORKPLACE_ANALYTICS);

        Groups.withdraw(tenant, europe, OFFICE_365_E3);

        assertThat(lastStates(other)).filteredOn(state -> europe.equals(state.assignedByGroup())).singleElement()
                .satisfies(state -> {
                    assertThat(state.state()).isEqualTo("Error");
                    assertThat(state.error()).isEqualTo("DependencyViolation");
                });
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        assertThat(removals(other)).isEmpty();

        // another group gives Plan 1: the prerequisite comes from another source, and reprocessing lets E3 go
        Groups.giving(tenant, "Frontline", BUSINESS_PREMIUM, other);
        GraphServiceClient graph = GraphSdkTest.client(tenant.licenseAdmin);
        User reprocessed = graph.users().byUserId(other.toString()).reprocessLicenseAssignment().post();

        assertThat(reprocessed.getAssignedLicenses()).extracting(AssignedLicense::getSkuId)
                .containsExactlyInAnyOrder(BUSINESS_PREMIUM, WORKPLACE_ANALYTICS);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 0, 2);
        assertThat(removals(other)).singleElement().satisfies(removed -> {
            assertThat(removed.skuId()).isEqualTo(OFFICE_365_E3);
            assertThat(removed.noLongerInheritedFrom()).isEqualTo(europe);
        });
        assertThat(lastStates(other)).filteredOn(state -> europe.equals(state.assignedByGroup())).isEmpty();
    }

    @Test
    void assigningAKeptLicenseDirectlyMakesItDirectAndEndsItsDependencyViolation() {
        TestTenant tenant = TestTenant.buying(2, WORKPLACE_ANALYTICS, OFFICE_365_E3);
        UUID analyst = tenant.newUser();
        UUID sales = inheritingE3WithADirectAddOn(tenant, analyst);
        Groups.leave(tenant, sales, "Sales", analyst);

        tenant.assign(analyst, OFFICE_365_E3);

        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        assertThat(lastStates(analyst)).extracting(LicenseAssignmentState::skuId, LicenseAssignmentState::assignedByGroup,
                LicenseAssignmentState::state).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(OFFICE_365_E3, null, "Active"),
                        org.assertj.core.groups.Tuple.tuple(WORKPLACE_ANALYTICS, null, "Active"));
        // the add-on going leaves the direct E3 alone
        tenant.assignLicense(analyst, remove(WORKPLACE_ANALYTICS)).then().statusCode(200);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        assertThat(removals(analyst)).extracting(LicenseRemoved::skuId).containsExactly(WORKPLACE_ANALYTICS);
    }

    @Test
    void theSdkReadsTheRefusalOfAnAddOnWithoutItsPrerequisite() {
        TestTenant tenant = TestTenant.buying(2, WORKPLACE_ANALYTICS);
        UUID user = tenant.newUser();
        AssignedLicense analytics = new AssignedLicense();
        analytics.setSkuId(WORKPLACE_ANALYTICS);
        AssignLicensePostRequestBody body = new AssignLicensePostRequestBody();
        body.setAddLicenses(List.of(analytics));
        body.setRemoveLicenses(List.of());

        assertThatThrownBy(() -> GraphSdkTest.client(tenant.licenseAdmin).users().byUserId(user.toString()).assignLicense()
                .post(body)).isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(400);
                    assertThat(error.getError().getCode()).isEqualTo("Request_BadRequest");
                    assertThat(error.getError().getMessage()).isEqualTo(USER_REFUSAL);
                });
        assertThat(tenant.seats(WORKPLACE_ANALYTICS)).containsExactly(2, 0, 2);
    }

    @Test
    void deletingAUserFreesAKeptLicenseWithTheRestAtOnce() {
        TestTenant tenant = TestTenant.buying(2, WORKPLACE_ANALYTICS, OFFICE_365_E3);
        UUID analyst = tenant.newUser();
        UUID sales = inheritingE3WithADirectAddOn(tenant, analyst);
        Groups.leave(tenant, sales, "Sales", analyst);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);

        Instant at = Instant.now();
        UserEvents.publish(UUID.randomUUID(), analyst, new UserDeleted(tenant.id, analyst, "leaver-" + analyst
                + "@contoso.example", null, tenant.adminOid, at, at.plus(Duration.ofDays(30))));

        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.seats(OFFICE_365_E3)[1] == 0);
        assertThat(tenant.seats(WORKPLACE_ANALYTICS)).containsExactly(2, 0, 2);
        assertThat(removals(analyst)).extracting(LicenseRemoved::skuId)
                .containsExactlyInAnyOrder(OFFICE_365_E3, WORKPLACE_ANALYTICS);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM inherited_license WHERE user_id = ?", analyst)).isZero();
    }

    /** The user inherits Office 365 E3 from a new group "Sales" and is given Workplace Analytics directly. */
    private static UUID inheritingE3WithADirectAddOn(TestTenant tenant, UUID user) {
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, user);
        tenant.assign(user, WORKPLACE_ANALYTICS);
        return sales;
    }

    private static String userPrincipalName(TestTenant tenant, UUID user) {
        return given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", user).then().statusCode(200)
                .extract().path("userPrincipalName");
    }

    private static List<String> heldBy(TestTenant tenant, UUID user) {
        return given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", user)
                .then().statusCode(200).extract().path("licenses.skuId");
    }

    private List<LicenseRemoved> removals(UUID user) {
        return Db.outboxPayloads(dataSource, user, EventType.LICENSE_REMOVED.ceType()).stream()
                .map(p -> EventJson.read(p, LicenseRemoved.class)).toList();
    }

    private List<LicenseAssignmentState> lastStates(UUID user) {
        List<LicenseAssignmentStatesChanged> all = Db.outboxPayloads(dataSource, user,
                EventType.LICENSE_ASSIGNMENT_STATES_CHANGED.ceType()).stream()
                .map(p -> EventJson.read(p, LicenseAssignmentStatesChanged.class)).toList();
        assertThat(all).as("states announced for %s", user).isNotEmpty();
        return all.get(all.size() - 1).states();
    }
}
