package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.EXCHANGE_S_ENTERPRISE;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.WORKPLACE_ANALYTICS;
import static org.licenselifecycle.licensing.TestTenant.remove;

import com.microsoft.graph.models.AssignedLicense;
import com.microsoft.graph.models.User;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged.LicenseAssignmentState;
import org.licenselifecycle.testsupport.Rig;

/**
 * Graph's {@code licenseAssignmentState} ActiveWithError, as Entra ID states it: the member holds the license through
 * the group (seat, plans, mailbox), but the group's last processing of them failed. Two ways: the group gains a product
 * the member cannot get (the products it gave before stay, ActiveWithError with the group's error), and the group turns
 * off a plan that a license from another source needs (the plan stays on, ActiveWithError with DependencyViolation).
 */
@QuarkusTest
@WithTestResource(Rig.class)
class ActiveWithErrorTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aGroupGainingAProductTheMemberCannotGetLeavesWhatItGaveBeforeActiveWithErrorUntilTheSdkReprocesses() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 2);
        tenant.buy(APPS_FOR_BUSINESS, 1);
        tenant.assign(tenant.newUser(), APPS_FOR_BUSINESS);
        UUID ada = tenant.newUser();
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, ada);
        assertThat(states(ada)).containsExactly(tuple(OFFICE_365_E3, sales, "Active", "None"));

        Groups.give(tenant, sales, APPS_FOR_BUSINESS);

        // Office 365 E3 stays with its seat and plans; the group's new product is in Error, no seat taken
        assertThat(heldBy(tenant, ada)).containsExactly(OFFICE_365_E3.toString());
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(1, 1, 0);
        assertThat(states(ada)).containsExactlyInAnyOrder(
                tuple(OFFICE_365_E3, sales, "ActiveWithError", "CountViolation"),
                tuple(APPS_FOR_BUSINESS, sales, "Error", "CountViolation"));
        // still inherited from Sales: the Licenses page names the group
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/licenses/{skuId}/users", OFFICE_365_E3).then()
                .statusCode(200).body("value[0].userId", org.hamcrest.Matchers.equalTo(ada.toString()))
                .body("value[0].assignedByGroup", org.hamcrest.Matchers.equalTo(sales.toString()))
                .body("value[0].state", org.hamcrest.Matchers.equalTo("ActiveWithError"))
                .body("value[0].error", org.hamcrest.Matchers.equalTo("CountViolation"));

        tenant.buy(APPS_FOR_BUSINESS, 1);
        GraphServiceClient graph = GraphSdkTest.client(tenant.licenseAdmin);
        User reprocessed = graph.users().byUserId(ada.toString()).reprocessLicenseAssignment().post();

        assertThat(reprocessed.getAssignedLicenses()).extracting(AssignedLicense::getSkuId)
                .containsExactlyInAnyOrder(OFFICE_365_E3, APPS_FOR_BUSINESS);
        assertThat(states(ada)).containsExactlyInAnyOrder(tuple(OFFICE_365_E3, sales, "Active", "None"),
                tuple(APPS_FOR_BUSINESS, sales, "Active", "None"));
    }

    @Test
    void aGroupTurningOffTheOnlyExchangeADirectAddOnNeedsKeepsItOnInActiveWithErrorUntilTheAddOnGoes() {
        SalesWithAnAnalyst team = SalesWithAnAnalyst.create();
        TestTenant tenant = team.tenant();
        UUID analyst = team.analyst();
        UUID sales = team.sales();
        int assignedBefore = OutboxEvents.assigned(dataSource, analyst).size();

        Groups.assignLicense(tenant, sales, "{\"addLicenses\":[{\"skuId\":\"" + OFFICE_365_E3 + "\",\"disabledPlans\":[\""
                + EXCHANGE_S_ENTERPRISE + "\"]}],\"removeLicenses\":[]}").then().statusCode(202);

        // the member without the add-on loses Exchange; the analyst keeps it on, their state saying why
        assertThat(disabledPlans(tenant, team.other(), OFFICE_365_E3)).containsExactly(EXCHANGE_S_ENTERPRISE.toString());
        assertThat(disabledPlans(tenant, analyst, OFFICE_365_E3)).isEmpty();
        assertThat(OutboxEvents.assigned(dataSource, analyst)).hasSize(assignedBefore);
        assertThat(OutboxEvents.lastStates(dataSource, analyst)).filteredOn(s -> sales.equals(s.assignedByGroup()))
                .singleElement().satisfies(state -> {
                    assertThat(state.state()).isEqualTo("ActiveWithError");
                    assertThat(state.error()).isEqualTo("DependencyViolation");
                    assertThat(state.disabledPlans()).containsExactly(EXCHANGE_S_ENTERPRISE);
                });
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 2, 0);

        // the add-on goes; reprocessing applies the group's plans, Exchange off announced as any change of plans is
        tenant.assignLicense(analyst, remove(WORKPLACE_ANALYTICS)).then().statusCode(200);
        given().auth().oauth2(tenant.licenseAdmin).post("/v1.0/users/{id}/reprocessLicenseAssignment", analyst)
                .then().statusCode(200);

        assertThat(disabledPlans(tenant, analyst, OFFICE_365_E3)).containsExactly(EXCHANGE_S_ENTERPRISE.toString());
        assertThat(states(analyst)).containsExactly(tuple(OFFICE_365_E3, sales, "Active", "None"));
        List<LicenseAssigned> assigned = OutboxEvents.assigned(dataSource, analyst);
        assertThat(assigned.get(assigned.size() - 1)).satisfies(last -> {
            assertThat(last.skuId()).isEqualTo(OFFICE_365_E3);
            assertThat(last.exchangeOnlineRetained()).isFalse();
        });
    }

    private List<org.assertj.core.groups.Tuple> states(UUID user) {
        return OutboxEvents.lastStates(dataSource, user).stream()
                .map(s -> tuple(s.skuId(), s.assignedByGroup(), s.state(), s.error())).toList();
    }

    private static List<String> heldBy(TestTenant tenant, UUID user) {
        return given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", user)
                .then().statusCode(200).extract().path("licenses.skuId");
    }

    private static List<String> disabledPlans(TestTenant tenant, UUID user, UUID skuId) {
        return given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", user)
                .then().statusCode(200).extract().path("licenses.find { it.skuId == '" + skuId + "' }.disabledPlans");
    }
}
