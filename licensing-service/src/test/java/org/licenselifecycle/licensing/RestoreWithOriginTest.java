package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.licenselifecycle.licensing.Catalog.APPS_FOR_BUSINESS;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.testsupport.Rig;

/**
 * Restoring a deleted user gives each license back the way it came: inherited through its group while the group
 * still gives the product, a self-service one to its purchase while it is active and has a license left, a direct one
 * from the seats; what cannot come back is reported on the user with why.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class RestoreWithOriginTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anInheritedLicenseComesBackThroughItsGroupAndADirectOneFromTheSeats() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 3);
        tenant.buy(OFFICE_365_E3, 3);
        UUID returner = tenant.newUser();
        tenant.assign(returner, BUSINESS_PREMIUM);
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, returner);
        deleteAndAwaitSeatsFreed(tenant, returner, OFFICE_365_E3, 0);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 0, 3);
        assertThat(Db.uuids(dataSource, "SELECT assigned_by_group FROM deleted_user_license WHERE user_id = ? AND sku_id = ?",
                returner, OFFICE_365_E3)).containsExactly(sales);

        restore(tenant, returner);

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner).then().statusCode(200)
                .body("licenses.find { it.skuId == '" + OFFICE_365_E3 + "' }.assignedByGroup", equalTo(sales.toString()))
                .body("licenses.find { it.skuId == '" + OFFICE_365_E3 + "' }.keptBecause.groupName", equalTo("Sales"))
                .body("licenses.find { it.skuId == '" + BUSINESS_PREMIUM + "' }.assignedByGroup", nullValue())
                .body("restoreFailures", empty());
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(3, 1, 2);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(3, 1, 2);
        List<LicenseAssigned> givenBack = assigned(returner).subList(2, 4);
        assertThat(givenBack).extracting(LicenseAssigned::skuId).containsExactly(BUSINESS_PREMIUM, OFFICE_365_E3);
        assertThat(givenBack.get(0).assignedByGroup()).isNull();
        assertThat(givenBack.get(1).assignedByGroup()).isEqualTo(sales);
        assertThat(givenBack).allSatisfy(a -> assertThat(a.exchangeOnlineRetained()).isTrue());
        // and Graph still treats it as the group's
        tenant.assignLicense(returner, TestTenant.remove(OFFICE_365_E3)).then().statusCode(400);
    }

    @Test
    void anInheritedLicenseDoesNotComeBackWhenTheGroupNoLongerGivesTheProduct() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 3);
        UUID returner = tenant.newUser();
        UUID stayer = tenant.newUser();
        UUID sales = Groups.giving(tenant, "Sales", OFFICE_365_E3, returner, stayer);
        deleteAndAwaitSeatsFreed(tenant, returner, OFFICE_365_E3, 1);
        // the group no longer gives the product: the member who stayed loses it with it, and a second removal is refused
        Groups.withdraw(tenant, sales, OFFICE_365_E3);
        Groups.assignLicense(tenant, sales, TestTenant.remove(OFFICE_365_E3)).then().statusCode(400);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(3, 0, 3);

        restore(tenant, returner);

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner).then().statusCode(200)
                .body("licenses", empty())
                .body("restoreFailures.skuId", contains(OFFICE_365_E3.toString()))
                .body("restoreFailures[0].reasonCode", equalTo("GROUP_NO_LONGER_GIVES_PRODUCT"))
                .body("restoreFailures[0].reason", equalTo(
                        "The group Sales no longer gives Office 365 E3, so the user no longer inherits it."));
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(3, 0, 3);
        assertThat(assigned(returner)).hasSize(1);
    }

    @Test
    void aRestoreRacingTheGroupLosingTheProductNeverLeavesAMemberWithWhatTheGroupNoLongerGives() throws Exception {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 10);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            for (int round = 1; round <= 5; round++) {
                UUID returner = tenant.newUser();
                UUID group = Groups.giving(tenant, "Round " + round, OFFICE_365_E3, returner);
                deleteAndAwaitSeatsFreed(tenant, returner, OFFICE_365_E3, tenant.seats(OFFICE_365_E3)[1] - 1);

                Future<Integer> withdrawn = pool.submit(() -> Groups.assignLicense(tenant, group,
                        TestTenant.remove(OFFICE_365_E3)).statusCode());
                restore(tenant, returner);
                int status = withdrawn.get();

                List<String> held = given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner)
                        .then().statusCode(200).extract().path("licenses.skuId");
                // either the restore came first (the member inherits it, then loses it with the group's product) or the
                // group lost it first (the restore says so): never a member holding what the group no longer gives
                assertThat(status).as("round %d", round).isEqualTo(202);
                assertThat(held).as("round %d", round).isEmpty();
                assertThat(tenant.seats(OFFICE_365_E3)[1]).as("round %d", round)
                        .isEqualTo((int) Db.count(dataSource, "SELECT count(*) FROM license_assignment WHERE tenant_id = ? "
                                + "AND sku_id = ?", tenant.id, OFFICE_365_E3));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInheritedLicenseWithoutASeatLeftIsReportedAsNoAvailableLicenses() {
        TestTenant tenant = new TestTenant();
        tenant.buy(OFFICE_365_E3, 1);
        UUID returner = tenant.newUser();
        Groups.giving(tenant, "Sales", OFFICE_365_E3, returner);
        deleteAndAwaitSeatsFreed(tenant, returner, OFFICE_365_E3, 0);
        tenant.assign(tenant.newUser(), OFFICE_365_E3);

        restore(tenant, returner);

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner).then()
                .body("licenses", empty())
                .body("restoreFailures[0].reasonCode", equalTo("NO_AVAILABLE_LICENSES"))
                .body("restoreFailures[0].reason", equalTo(
                        "Subscription with SKU " + OFFICE_365_E3 + " does not have any available licenses."));
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(1, 1, 0);
    }

    @Test
    void aSelfServiceLicenseComesBackToItsPurchaseNotFromTheAdminsSeats() {
        TestTenant tenant = new TestTenant();
        tenant.buy(APPS_FOR_BUSINESS, 2);
        UUID returner = tenant.newUser();
        String purchase = tenant.buySelfService(returner, APPS_FOR_BUSINESS, 2, List.of(returner));
        deleteAndAwaitPurchaseFreed(tenant, returner, purchase, 0);

        restore(tenant, returner);

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner).then()
                .body("licenses.skuId", contains(APPS_FOR_BUSINESS.toString()))
                .body("licenses[0].keptBecause.reason", equalTo("SELF_SERVICE_PURCHASE"))
                .body("licenses[0].keptBecause.subscriptionId", equalTo(purchase))
                .body("restoreFailures", empty());
        assertThat(givenOut(purchase)).isEqualTo(1);
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(2, 0, 2);
        LicenseAssigned back = assigned(returner).get(1);
        assertThat(back.skuId()).isEqualTo(APPS_FOR_BUSINESS);
        assertThat(back.assignedByGroup()).isNull();
    }

    @Test
    void aSelfServiceLicenseOfAPurchaseTakenOverSinceComesBackFromTheProductsSeats() {
        TestTenant tenant = new TestTenant();
        UUID returner = tenant.newUser();
        String purchase = tenant.buySelfService(returner, APPS_FOR_BUSINESS, 1, List.of(returner));
        deleteAndAwaitPurchaseFreed(tenant, returner, purchase, 0);
        given().auth().oauth2(tenant.globalAdmin).post("/api/v1/subscriptions/{id}/takeOver", purchase)
                .then().statusCode(200);
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(1, 0, 1);

        restore(tenant, returner);

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner).then()
                .body("licenses.skuId", contains(APPS_FOR_BUSINESS.toString()))
                .body("licenses[0].keptBecause", nullValue())
                .body("restoreFailures", empty());
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(1, 1, 0);
        assertThat(givenOut(purchase)).isZero();
    }

    @Test
    void aSelfServiceLicenseOfACancelledPurchaseDoesNotComeBackAndTakesNoAdminSeat() {
        TestTenant tenant = new TestTenant();
        tenant.buy(APPS_FOR_BUSINESS, 5);
        UUID returner = tenant.newUser();
        String purchase = tenant.buySelfService(returner, APPS_FOR_BUSINESS, 1, List.of(returner));
        deleteAndAwaitPurchaseFreed(tenant, returner, purchase, 0);
        given().auth().oauth2(tenant.globalAdmin).post("/api/v1/subscriptions/{id}/cancel", purchase)
                .then().statusCode(200);

        restore(tenant, returner);

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner).then()
                .body("licenses", empty())
                .body("restoreFailures[0].skuId", equalTo(APPS_FOR_BUSINESS.toString()))
                .body("restoreFailures[0].reasonCode", equalTo("PURCHASE_CANCELLED"))
                .body("restoreFailures[0].reason", equalTo("The self-service purchase of Microsoft 365 Apps for "
                        + "business it came from (bought by " + purchaserName(purchase) + ") was cancelled."));
        assertThat(tenant.seats(APPS_FOR_BUSINESS)).containsExactly(5, 0, 5);
        assertThat(assigned(returner)).hasSize(1);
    }

    @Test
    void aSelfServiceLicenseOfAnExpiredPurchaseDoesNotComeBack() {
        TestTenant tenant = new TestTenant();
        UUID returner = tenant.newUser();
        String purchase = tenant.buySelfService(returner, APPS_FOR_BUSINESS, 1, List.of(returner));
        deleteAndAwaitPurchaseFreed(tenant, returner, purchase, 0);
        // stands in for the subscription's life running out (Expired, then Disabled: Suspended), built beside this
        Db.update(dataSource, "UPDATE subscription SET status = 'Suspended' WHERE id = ?::uuid", purchase);

        restore(tenant, returner);

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner).then()
                .body("licenses", empty())
                .body("restoreFailures[0].reasonCode", equalTo("PURCHASE_EXPIRED"));
        assertThat(givenOut(purchase)).isZero();
    }

    @Test
    void aSelfServiceLicenseOfAPurchaseWithNoLicenseLeftDoesNotComeBack() {
        TestTenant tenant = new TestTenant();
        UUID returner = tenant.newUser();
        UUID colleague = tenant.newUser();
        String purchase = tenant.buySelfService(returner, APPS_FOR_BUSINESS, 2, List.of(returner, colleague));
        deleteAndAwaitPurchaseFreed(tenant, returner, purchase, 1);
        given().auth().oauth2(tenant.globalAdmin).contentType(ContentType.JSON).body("{\"licenses\":1}")
                .patch("/api/v1/subscriptions/{id}", purchase).then().statusCode(200);

        restore(tenant, returner);

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner).then()
                .body("licenses", empty())
                .body("restoreFailures[0].reasonCode", equalTo("PURCHASE_HAS_NO_LICENSES_LEFT"));
        assertThat(givenOut(purchase)).isEqualTo(1);
    }

    private void deleteAndAwaitSeatsFreed(TestTenant tenant, UUID user, UUID skuId, int stillAssigned) {
        UserEvents.publish(UUID.randomUUID(), user, new UserDeleted(tenant.id, user, "leaver-" + user + "@contoso.example",
                null, tenant.adminOid, Instant.now(), Instant.now().plus(Duration.ofDays(30))));
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.seats(skuId)[1] == stillAssigned);
    }

    private void deleteAndAwaitPurchaseFreed(TestTenant tenant, UUID user, String purchase, int stillGivenOut) {
        UserEvents.publish(UUID.randomUUID(), user, new UserDeleted(tenant.id, user, "leaver-" + user + "@contoso.example",
                null, tenant.adminOid, Instant.now(), Instant.now().plus(Duration.ofDays(30))));
        await().atMost(Duration.ofSeconds(60)).until(() -> givenOut(purchase) == stillGivenOut);
    }

    private static void restore(TestTenant tenant, UUID user) {
        UserEvents.publish(UUID.randomUUID(), user, new UserRestored(tenant.id, user, "leaver-" + user + "@contoso.example",
                tenant.adminOid, Instant.now()));
        UserEvents.publishMarkerAfter(tenant, user);
    }

    private long givenOut(String purchase) {
        return Db.count(dataSource, "SELECT self_service_assigned FROM subscription WHERE id = ?::uuid", purchase);
    }

    private String purchaserName(String purchase) {
        return (String) Db.value(dataSource, "SELECT purchaser_name FROM subscription WHERE id = ?::uuid", purchase);
    }

    private List<LicenseAssigned> assigned(UUID user) {
        return Db.outboxPayloads(dataSource, user, EventType.LICENSE_ASSIGNED.ceType()).stream()
                .map(p -> EventJson.read(p, LicenseAssigned.class)).toList();
    }
}
