package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.WORKPLACE_ANALYTICS;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.testsupport.Rig;

/**
 * A subscription's deletion taking licenses its members inherit, as Entra ID states a group whose product has no
 * licenses left: the group still gives the product, each member's state Error with CountViolation, license and seat
 * gone (LicenseRemoved, SUBSCRIPTION_DELETED), Active again once licenses exist and the member is reprocessed. An add-on
 * the group gives with the product stays, ActiveWithError with DependencyViolation; a direct one stays as it is.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class SubscriptionDeletionWithGroupsTest {

    @Inject
    SubscriptionLife life;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void membersOfAGroupWhoseProductsSubscriptionIsDeletedAreInCountViolationUntilReprocessedWithNewLicenses() {
        TestTenant tenant = new TestTenant();
        UUID ada = tenant.newUser();
        UUID bob = tenant.newUser();
        String subscription = life.buyEnding(tenant, OFFICE_365_E3, 2);
        tenant.buy(WORKPLACE_ANALYTICS, 1);
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, ada, bob);
        tenant.assign(ada, WORKPLACE_ANALYTICS);

        life.runUntilDeleted();

        // licenses and seats gone, the group still giving the product: Error / CountViolation
        licenseDetails(tenant, ada).body("value.skuId", contains(WORKPLACE_ANALYTICS.toString()));
        licenseDetails(tenant, bob).body("value", empty());
        for (UUID member : List.of(ada, bob)) {
            assertThat(groupStates(member)).containsExactly(tuple(OFFICE_365_E3, sales, "Error", "CountViolation"));
            assertThat(removals(member)).singleElement().satisfies(removed -> {
                assertThat(removed.skuId()).isEqualTo(OFFICE_365_E3);
                assertThat(removed.cause()).isEqualTo(RemovalReason.SUBSCRIPTION_DELETED);
                assertThat(removed.deletedSubscriptionId()).isEqualTo(UUID.fromString(subscription));
            });
        }
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(0, 0, 0);

        tenant.buy(OFFICE_365_E3, 2);
        given().auth().oauth2(tenant.licenseAdmin).post("/v1.0/groups/{id}/reprocessLicenseAssignment", sales).then()
                .statusCode(200);

        licenseDetails(tenant, ada).body("value.skuId",
                containsInAnyOrder(WORKPLACE_ANALYTICS.toString(), OFFICE_365_E3.toString()));
        licenseDetails(tenant, bob).body("value.skuId", contains(OFFICE_365_E3.toString()));
        for (UUID member : List.of(ada, bob)) {
            assertThat(groupStates(member)).containsExactly(tuple(OFFICE_365_E3, sales, "Active", "None"));
        }
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 2, 0);
    }

    @Test
    void anAddOnAGroupGivesWithTheDeletedProductStaysInDependencyViolation() {
        TestTenant tenant = new TestTenant();
        UUID analyst = tenant.newUser();
        life.buyEnding(tenant, OFFICE_365_E3, 1);
        tenant.buy(WORKPLACE_ANALYTICS, 1);
        tenant.buy(APPS_FOR_BUSINESS, 1);
        UUID analysts = UUID.randomUUID();
        Groups.join(tenant, analysts, "Analysts", analyst);
        Groups.assignLicense(tenant, analysts, "{\"addLicenses\":[{\"skuId\":\"" + OFFICE_365_E3
                + "\",\"disabledPlans\":[]},{\"skuId\":\"" + WORKPLACE_ANALYTICS + "\",\"disabledPlans\":[]}],"
                + "\"removeLicenses\":[]}").then().statusCode(202);

        life.runUntilDeleted();

        licenseDetails(tenant, analyst).body("value.skuId", contains(WORKPLACE_ANALYTICS.toString()));
        assertThat(groupStates(analyst)).containsExactlyInAnyOrder(
                tuple(OFFICE_365_E3, analysts, "Error", "CountViolation"),
                tuple(WORKPLACE_ANALYTICS, analysts, "ActiveWithError", "DependencyViolation"));
        assertThat(tenant.seats(WORKPLACE_ANALYTICS)).containsExactly(1, 1, 0);
        // a direct change of the user's licenses keeps saying so: the add-on keeps no plan on, it lacks one
        tenant.assign(analyst, APPS_FOR_BUSINESS);
        assertThat(groupStates(analyst)).contains(
                tuple(WORKPLACE_ANALYTICS, analysts, "ActiveWithError", "DependencyViolation"));

        tenant.buy(OFFICE_365_E3, 1);
        given().auth().oauth2(tenant.licenseAdmin).post("/v1.0/users/{id}/reprocessLicenseAssignment", analyst).then()
                .statusCode(200);

        assertThat(groupStates(analyst)).containsExactlyInAnyOrder(tuple(OFFICE_365_E3, analysts, "Active", "None"),
                tuple(WORKPLACE_ANALYTICS, analysts, "Active", "None"));
    }

    private List<Tuple> groupStates(UUID user) {
        return OutboxEvents.lastStates(dataSource, user).stream().filter(s -> s.assignedByGroup() != null)
                .map(s -> tuple(s.skuId(), s.assignedByGroup(), s.state(), s.error())).toList();
    }

    private List<LicenseRemoved> removals(UUID user) {
        return OutboxEvents.removed(dataSource, user);
    }

    private static ValidatableResponse licenseDetails(TestTenant tenant, UUID user) {
        return given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", user).then()
                .statusCode(200);
    }
}
