package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.EXCHANGE_S_STANDARD;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.TestTenant.add;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseAssignmentStatesChanged.LicenseAssignmentState;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.testsupport.Rig;

/**
 * A restored user is a member of their groups again, as Entra ID restores them, and inherits what those groups give
 * now (not what licensing remembered at the deletion), with the states and errors of any inheritance.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class RestoreWithGroupsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRestoredUserInheritsAProductTheirGroupGainedWhileTheyWereDeleted() {
        TestTenant tenant = TestTenant.buying(3, OFFICE_365_E3, APPS_FOR_BUSINESS);
        UUID returner = tenant.newUser();
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, returner);
        delete(tenant, returner, OFFICE_365_E3, 0);
        Groups.give(tenant, sales, APPS_FOR_BUSINESS);
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).as("a deleted member inherits nothing").containsExactly(3, 0, 3);

        restore(tenant, returner);

        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(3, 1, 2);
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(3, 1, 2);
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner).then().statusCode(200)
                .body("licenses.find { it.skuId == '" + APPS_FOR_BUSINESS + "' }.assignedByGroup", equalTo(sales.toString()))
                .body("licenses.find { it.skuId == '" + OFFICE_365_E3 + "' }.assignedByGroup", equalTo(sales.toString()))
                .body("restoreFailures", empty());
        List<LicenseAssigned> givenBack = assigned(returner).subList(1, 3);
        assertThat(givenBack).extracting(LicenseAssigned::skuId, LicenseAssigned::assignedByGroup)
                .containsExactlyInAnyOrder(tuple(OFFICE_365_E3, sales), tuple(APPS_FOR_BUSINESS, sales));
        assertThat(givenBack).allSatisfy(a -> assertThat(a.exchangeOnlineRetained()).isTrue());
        assertThat(lastStates(returner)).extracting(LicenseAssignmentState::skuId, LicenseAssignmentState::state)
                .containsExactlyInAnyOrder(tuple(OFFICE_365_E3, "Active"), tuple(APPS_FOR_BUSINESS, "Active"));
    }

    @Test
    void aRestoreWithTheSeatsGoneLeavesTheGroupsProductsInCountViolationUntilReprocessed() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 1);
        tenant.buy(APPS_FOR_BUSINESS, 2);
        UUID returner = tenant.newUser();
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, returner);
        delete(tenant, returner, OFFICE_365_E3, 0);
        Groups.give(tenant, sales, APPS_FOR_BUSINESS);
        tenant.assign(tenant.newUser(), OFFICE_365_E3);

        restore(tenant, returner);

        // the group gives all its products or none: no seat of E3 left, so Apps for business is not given either
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(1, 1, 0);
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(2, 0, 2);
        assertThat(lastStates(returner)).extracting(LicenseAssignmentState::skuId, LicenseAssignmentState::assignedByGroup,
                LicenseAssignmentState::state, LicenseAssignmentState::error).containsExactlyInAnyOrder(
                        tuple(OFFICE_365_E3, sales, "Error", "CountViolation"),
                        tuple(APPS_FOR_BUSINESS, sales, "Error", "CountViolation"));
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner).then()
                .body("licenses", empty())
                .body("restoreFailures[0].skuId", equalTo(OFFICE_365_E3.toString()))
                .body("restoreFailures[0].reasonCode", equalTo("NO_AVAILABLE_LICENSES"));
        assertThat(assigned(returner)).hasSize(1);

        tenant.buy(OFFICE_365_E3, 1);
        given().auth().oauth2(tenant.licenseAdmin).post("/v1.0/users/{id}/reprocessLicenseAssignment", returner)
                .then().statusCode(200);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 2, 0);
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(2, 1, 1);
    }

    @Test
    void aDirectLicenseComesBackWithItsOwnPlansMergedWithWhatTheGroupsGiveNow() {
        TestTenant tenant = TestTenant.buying(2, BUSINESS_PREMIUM);
        UUID returner = tenant.newUser();
        tenant.assignLicense(returner, add(BUSINESS_PREMIUM, EXCHANGE_S_STANDARD)).then().statusCode(200);
        UUID sales = Groups.giving(tenant, "Sales", BUSINESS_PREMIUM, returner);
        delete(tenant, returner, BUSINESS_PREMIUM, 0);

        restore(tenant, returner);

        // one seat, Exchange on through the group; the restore announces the license once, as the user holds it
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(2, 1, 1);
        List<LicenseAssigned> assigned = assigned(returner);
        LicenseAssigned back = assigned.get(assigned.size() - 1);
        assertThat(back.disabledPlans()).isEmpty();
        assertThat(back.exchangeOnlineRetained()).isTrue();
        assertThat(lastStates(returner)).extracting(LicenseAssignmentState::assignedByGroup,
                LicenseAssignmentState::disabledPlans).containsExactlyInAnyOrder(
                        tuple(null, List.of(EXCHANGE_S_STANDARD)), tuple(sales, List.of()));
    }

    private void delete(TestTenant tenant, UUID user, UUID skuId, int stillAssigned) {
        UserEvents.publish(UUID.randomUUID(), user, new UserDeleted(tenant.id, user, "leaver-" + user + "@contoso.example",
                null, tenant.adminOid, Instant.now(), Instant.now().plus(Duration.ofDays(30))));
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.seats(skuId)[1] == stillAssigned);
    }

    private static void restore(TestTenant tenant, UUID user) {
        UserEvents.publish(UUID.randomUUID(), user, new UserRestored(tenant.id, user, "leaver-" + user + "@contoso.example",
                tenant.adminOid, Instant.now()));
        UserEvents.publishMarkerAfter(tenant, user);
    }

    private List<LicenseAssigned> assigned(UUID user) {
        return OutboxEvents.assigned(dataSource, user);
    }

    private List<LicenseAssignmentState> lastStates(UUID user) {
        return OutboxEvents.lastStates(dataSource, user);
    }
}
