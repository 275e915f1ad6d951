package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.licensing.Catalog.EXCHANGE_S_ENTERPRISE;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.TEAMS1;
import static org.licenselifecycle.licensing.Catalog.WORKPLACE_ANALYTICS;
import static org.licenselifecycle.licensing.TestTenant.add;
import static org.licenselifecycle.licensing.TestTenant.remove;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.Rig;

/**
 * A plan kept on for a direct add-on ({@code KeptForDependents.keepPlans}: the group turns it off, ActiveWithError /
 * DependencyViolation) on a license the user holds both directly and through the group: a direct change that would
 * turn it off (re-planning the direct assignment, or removing it so only the group's plans apply) breaks the add-on's
 * prerequisite, and is refused as Entra refuses a direct change that breaks one, all or nothing.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class KeptPlanDirectChangeTest {

    private static final String E3 = "value.find { it.skuId == '" + OFFICE_365_E3 + "' }";
    private static final String E3_OFF = E3 + ".servicePlans.findAll { it.provisioningStatus == 'Disabled' }.servicePlanId";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDirectReplanTurningOffAPlanKeptForADirectAddOnIsRefusedAndChangesNothing() {
        Kept kept = keptForTheAddOn();

        kept.tenant.assignLicense(kept.analyst, add(OFFICE_365_E3, EXCHANGE_S_ENTERPRISE, TEAMS1)).then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo(AddOnsTest.USER_REFUSAL));

        kept.unchanged();
    }

    @Test
    void removingTheDirectAssignmentSoThatOnlyTheGroupsPlansApplyIsRefusedAndChangesNothing() {
        Kept kept = keptForTheAddOn();

        kept.tenant.assignLicense(kept.analyst, remove(OFFICE_365_E3)).then().statusCode(400)
                .body("error.message", equalTo(AddOnsTest.USER_REFUSAL));

        kept.unchanged();
    }

    @Test
    void aDirectAssignmentJoiningTheGroupsWithThePlanTurnedOffIsRefusedAndChangesNothing() {
        TestTenant tenant = TestTenant.buying(1, OFFICE_365_E3, WORKPLACE_ANALYTICS);
        UUID analyst = tenant.newUser();
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, analyst);
        tenant.assign(analyst, WORKPLACE_ANALYTICS);
        Groups.assignLicense(tenant, sales, add(OFFICE_365_E3, EXCHANGE_S_ENTERPRISE)).then().statusCode(202);
        Kept kept = new Kept(tenant, analyst, sales, OutboxEvents.assigned(dataSource, analyst).size());

        tenant.assignLicense(analyst, add(OFFICE_365_E3, EXCHANGE_S_ENTERPRISE)).then().statusCode(400)
                .body("error.message", equalTo(AddOnsTest.USER_REFUSAL));

        kept.unchanged();
    }

    @Test
    void aDirectReplanThatLeavesTheKeptPlanOnPasses() {
        Kept kept = keptForTheAddOn();

        kept.tenant.assignLicense(kept.analyst, add(OFFICE_365_E3, TEAMS1)).then().statusCode(200);

        // the direct assignment turns off Teams only, the group Exchange only: the license turns off neither
        licenseDetails(kept.tenant, kept.analyst).body(E3_OFF, empty());
    }

    /**
     * A user holding Office 365 E3 directly (Exchange off) and from Sales (every plan on), and Workplace Analytics
     * directly; then Sales turns Exchange off: the license's only Exchange stays on for the add-on.
     */
    private Kept keptForTheAddOn() {
        TestTenant tenant = TestTenant.buying(1, OFFICE_365_E3, WORKPLACE_ANALYTICS);
        UUID analyst = tenant.newUser();
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, analyst);
        tenant.assignLicense(analyst, add(OFFICE_365_E3, EXCHANGE_S_ENTERPRISE)).then().statusCode(200);
        tenant.assign(analyst, WORKPLACE_ANALYTICS);
        Groups.assignLicense(tenant, sales, add(OFFICE_365_E3, EXCHANGE_S_ENTERPRISE)).then().statusCode(202);
        Kept kept = new Kept(tenant, analyst, sales, OutboxEvents.assigned(dataSource, analyst).size());
        licenseDetails(tenant, analyst).body(E3_OFF, empty());
        assertThat(states(analyst)).containsExactly(
                tuple(OFFICE_365_E3, sales, "ActiveWithError", "DependencyViolation"));
        return kept;
    }

    private final class Kept {
        final TestTenant tenant;
        final UUID analyst;
        final UUID sales;
        final int assignedBefore;

        Kept(TestTenant tenant, UUID analyst, UUID sales, int assignedBefore) {
            this.tenant = tenant;
            this.analyst = analyst;
            this.sales = sales;
            this.assignedBefore = assignedBefore;
        }

        /** Exchange still on, the add-on held, the state as before, nothing announced, no seat moved. */
        void unchanged() {
            licenseDetails(tenant, analyst).body(E3_OFF, empty())
                    .body("value.skuId", org.hamcrest.Matchers.containsInAnyOrder(OFFICE_365_E3.toString(),
                            WORKPLACE_ANALYTICS.toString()));
            assertThat(states(analyst)).containsExactly(
                    tuple(OFFICE_365_E3, sales, "ActiveWithError", "DependencyViolation"));
            assertThat(OutboxEvents.assigned(dataSource, analyst)).hasSize(assignedBefore);
            assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(1, 1, 0);
            assertThat(tenant.seats(WORKPLACE_ANALYTICS)).containsExactly(1, 1, 0);
        }
    }

    private List<Tuple> states(UUID user) {
        return OutboxEvents.lastStates(dataSource, user).stream().filter(s -> s.assignedByGroup() != null)
                .map(s -> tuple(s.skuId(), s.assignedByGroup(), s.state(), s.error())).toList();
    }

    private static ValidatableResponse licenseDetails(TestTenant tenant, UUID user) {
        return given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", user).then()
                .statusCode(200);
    }
}
