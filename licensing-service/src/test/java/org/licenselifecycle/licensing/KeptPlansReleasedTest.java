package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.licenselifecycle.licensing.Catalog.EXCHANGE_S_ENTERPRISE;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.WORKPLACE_ANALYTICS;
import static org.licenselifecycle.licensing.TestTenant.remove;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.testsupport.Rig;

/**
 * A plan a group turns off but that stayed on for a member's direct add-on ({@code KeptForDependents.keepPlans},
 * ActiveWithError / DependencyViolation) goes with the add-on, in the same transaction, as a kept license does: the
 * group's plans apply (LicenseAssigned with them), its state Active again, no reprocessing needed.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class KeptPlansReleasedTest {

    private static final String E3 = "value.find { it.skuId == '" + OFFICE_365_E3 + "' }";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void removingTheDirectAddOnTurnsOffThePlanItsGroupTurnsOffInTheSameChange() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 1);
        tenant.buy(WORKPLACE_ANALYTICS, 1);
        UUID analyst = tenant.newUser();
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, analyst);
        tenant.assign(analyst, WORKPLACE_ANALYTICS);
        Groups.assignLicense(tenant, sales, "{\"addLicenses\":[{\"skuId\":\"" + OFFICE_365_E3 + "\",\"disabledPlans\":[\""
                + EXCHANGE_S_ENTERPRISE + "\"]}],\"removeLicenses\":[]}").then().statusCode(202);
        assertThat(states(analyst)).containsExactly(tuple(OFFICE_365_E3, sales, "ActiveWithError", "DependencyViolation"));
        licenseDetails(tenant, analyst).body(E3 + ".servicePlans.findAll { it.provisioningStatus == 'Disabled' }", empty());
        int assignedBefore = OutboxEvents.assigned(dataSource, analyst).size();

        tenant.assignLicense(analyst, remove(WORKPLACE_ANALYTICS)).then().statusCode(200);

        // no reprocessing: Exchange is off as the group says, announced with the add-on's removal
        licenseDetails(tenant, analyst)
                .body("value.skuId", contains(OFFICE_365_E3.toString()))
                .body(E3 + ".servicePlans.findAll { it.provisioningStatus == 'Disabled' }.servicePlanId",
                        contains(EXCHANGE_S_ENTERPRISE.toString()));
        assertThat(states(analyst)).containsExactly(tuple(OFFICE_365_E3, sales, "Active", "None"));
        List<LicenseAssigned> assigned = OutboxEvents.assigned(dataSource, analyst);
        assertThat(assigned).hasSize(assignedBefore + 1);
        assertThat(assigned.get(assigned.size() - 1)).satisfies(last -> {
            assertThat(last.skuId()).isEqualTo(OFFICE_365_E3);
            assertThat(last.assignedByGroup()).isEqualTo(sales);
            assertThat(last.disabledPlans()).containsExactly(EXCHANGE_S_ENTERPRISE);
            assertThat(last.exchangeOnlineRetained()).isFalse();
        });
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(1, 1, 0);
    }

    @Test
    void anUnrelatedDirectChangeLeavesThePlanOnWhileTheAddOnStillNeedsIt() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 1);
        tenant.buy(WORKPLACE_ANALYTICS, 1);
        tenant.buy(Catalog.APPS_FOR_BUSINESS, 1);
        UUID analyst = tenant.newUser();
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, analyst);
        tenant.assign(analyst, WORKPLACE_ANALYTICS);
        Groups.assignLicense(tenant, sales, "{\"addLicenses\":[{\"skuId\":\"" + OFFICE_365_E3 + "\",\"disabledPlans\":[\""
                + EXCHANGE_S_ENTERPRISE + "\"]}],\"removeLicenses\":[]}").then().statusCode(202);
        int assignedBefore = OutboxEvents.assigned(dataSource, analyst).size();

        tenant.assign(analyst, Catalog.APPS_FOR_BUSINESS);

        licenseDetails(tenant, analyst).body(E3 + ".servicePlans.findAll { it.provisioningStatus == 'Disabled' }", empty());
        assertThat(states(analyst)).contains(tuple(OFFICE_365_E3, sales, "ActiveWithError", "DependencyViolation"));
        assertThat(OutboxEvents.assigned(dataSource, analyst)).hasSize(assignedBefore + 1)
                .last().satisfies(last -> assertThat(last.skuId()).isEqualTo(Catalog.APPS_FOR_BUSINESS));
    }

    private List<org.assertj.core.groups.Tuple> states(UUID user) {
        return OutboxEvents.lastStates(dataSource, user).stream()
                .filter(s -> s.assignedByGroup() != null)
                .map(s -> tuple(s.skuId(), s.assignedByGroup(), s.state(), s.error())).toList();
    }

    private static io.restassured.response.ValidatableResponse licenseDetails(TestTenant tenant, UUID user) {
        return given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", user).then()
                .statusCode(200);
    }
}
