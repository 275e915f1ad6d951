package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.Catalog.TEAMS1;
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
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.events.ServicePlan;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserLicensesReleaseRequested;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.events.UserUpdated;
import org.licenselifecycle.testsupport.Rig;

/** directory-service's UserUpdated, UserDeleted, UserRestored and UserPurged, produced to the real topic. */
@QuarkusTest
@WithTestResource(Rig.class)
class UserLifecycleTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void userUpdatedRefreshesWhatLicensingKnowsOfTheUser() {
        TestTenant tenant = new TestTenant();
        UUID user = tenant.newUser("US");

        UserEvents.publish(UUID.randomUUID(), user, new UserUpdated(tenant.id, user, "renamed@contoso.example",
                "Renamed User", "FR", false, null, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", "renamed@contoso.example")
                        .then().statusCode(200)
                        .body("userId", equalTo(user.toString()))
                        .body("displayName", equalTo("Renamed User"))
                        .body("usageLocation", equalTo("FR"))
                        .body("accountEnabled", equalTo(false)));
    }

    @Test
    void userUpdatedWithoutAUsageLocationStopsNewAssignments() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 2);
        UUID user = tenant.newUser("US");
        UserEvents.publish(UUID.randomUUID(), user, new UserUpdated(tenant.id, user, "nowhere-" + user + "@contoso.example",
                "Nowhere", null, true, null, Instant.now()));
        UserEvents.publishMarkerAfter(tenant, user);

        tenant.assignLicense(user, add(BUSINESS_PREMIUM)).then().statusCode(400)
                .body("error.message", equalTo("License assignment cannot be done for user with invalid usage location."));
    }

    @Test
    void deletingAUserFreesEveryLicenseAtOnceWithOneRemovalPerProduct() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 1);
        tenant.buy(OFFICE_365_E3, 3);
        UUID leaver = tenant.newUser();
        tenant.assignLicense(leaver, "{\"addLicenses\":[{\"skuId\":\"" + BUSINESS_PREMIUM + "\",\"disabledPlans\":[\""
                + TEAMS1 + "\"]},{\"skuId\":\"" + OFFICE_365_E3 + "\"}],\"removeLicenses\":[]}").then().statusCode(200);
        UUID newcomer = tenant.newUser();
        tenant.assignLicense(newcomer, add(BUSINESS_PREMIUM)).then().statusCode(400);
        Instant deletedAt = Instant.parse("2026-11-20T08:00:00Z");

        UserEvents.publish(UUID.randomUUID(), leaver, deleted(tenant, leaver, deletedAt));

        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.seats(BUSINESS_PREMIUM)[1] == 0);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(1, 0, 1);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(3, 0, 3);
        tenant.assign(newcomer, BUSINESS_PREMIUM);

        List<LicenseRemoved> removals = removals(leaver);
        assertThat(removals).extracting(LicenseRemoved::skuId).containsExactlyInAnyOrder(BUSINESS_PREMIUM, OFFICE_365_E3);
        assertThat(removals).allSatisfy(removed -> {
            assertThat(removed.reason()).isEqualTo(RemovalReason.USER_DELETED);
            assertThat(removed.removedBy()).isNull();
            assertThat(removed.removedAt()).isEqualTo(deletedAt);
            assertThat(removed.exchangeOnline()).isTrue();
            assertThat(removed.exchangeOnlineRetained()).isFalse();
            assertThat(removed.tenantId()).isEqualTo(tenant.id);
        });
        assertThat(removals.stream().filter(r -> r.skuId().equals(BUSINESS_PREMIUM)).findFirst().orElseThrow()
                .removedServicePlans()).extracting(ServicePlan::servicePlanId).doesNotContain(TEAMS1);
    }

    @Test
    void aDeletedUserIsGoneFromTheLicenseApis() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 2);
        UUID leaver = tenant.newUser();
        UserEvents.publish(UUID.randomUUID(), leaver, deleted(tenant, leaver, Instant.now()));
        UserEvents.publishMarkerAfter(tenant, leaver);

        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", leaver).then().statusCode(404);
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", leaver).then().statusCode(404);
        tenant.assignLicense(leaver, add(BUSINESS_PREMIUM)).then().statusCode(404)
                .body("error.code", equalTo("Request_ResourceNotFound"));
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(2, 0, 2);
    }

    @Test
    void aRedeliveredOrRepeatedDeletionFreesTheSeatsOnce() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 5);
        UUID leaver = tenant.newUser();
        UUID stayer = tenant.newUser();
        tenant.assign(leaver, BUSINESS_PREMIUM);
        tenant.assign(stayer, BUSINESS_PREMIUM);
        UUID eventId = UUID.randomUUID();
        Instant deletedAt = Instant.now();

        UserEvents.publish(eventId, leaver, deleted(tenant, leaver, deletedAt));
        UserEvents.publish(eventId, leaver, deleted(tenant, leaver, deletedAt));
        // the same deletion announced again under another id (a deletion at another time would mean a restore between)
        UserEvents.publish(UUID.randomUUID(), leaver, deleted(tenant, leaver, deletedAt));
        UserEvents.publishMarkerAfter(tenant, leaver);

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(5, 1, 4);
        assertThat(removals(leaver)).hasSize(1);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM deleted_user_license WHERE user_id = ?", leaver)).isEqualTo(1);
    }

    @Test
    void restoringAUserGivesBackWhatSeatsAllowAndRecordsWhatItCouldNot() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 1);
        tenant.buy(OFFICE_365_E3, 2);
        UUID returner = tenant.newUser();
        tenant.assignLicense(returner, "{\"addLicenses\":[{\"skuId\":\"" + OFFICE_365_E3 + "\",\"disabledPlans\":[\""
                + TEAMS1 + "\"]}],\"removeLicenses\":[]}").then().statusCode(200);
        tenant.assign(returner, BUSINESS_PREMIUM);
        UserEvents.publish(UUID.randomUUID(), returner, deleted(tenant, returner, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.seats(BUSINESS_PREMIUM)[1] == 0);
        // the freed Business Premium seat goes to someone else while the user sits in deleted items
        tenant.assign(tenant.newUser(), BUSINESS_PREMIUM);
        UUID restoreEvent = UUID.randomUUID();

        UserEvents.publish(restoreEvent, returner, restored(tenant, returner));
        UserEvents.publish(restoreEvent, returner, restored(tenant, returner));
        UserEvents.publishMarkerAfter(tenant, returner);

        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner)
                .then().statusCode(200)
                .body("licenses.skuId", contains(OFFICE_365_E3.toString()))
                .body("licenses[0].disabledPlans", contains(TEAMS1.toString()))
                .body("restoreFailures.skuId", contains(BUSINESS_PREMIUM.toString()))
                .body("restoreFailures[0].skuPartNumber", equalTo("SPB"))
                .body("restoreFailures[0].reason", equalTo(
                        "Subscription with SKU " + BUSINESS_PREMIUM + " does not have any available licenses."));
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(1, 1, 0);
        List<String> assigned = Db.outboxPayloads(dataSource, returner, EventType.LICENSE_ASSIGNED.ceType());
        // two when first assigned, one given back by the restore (once, though the event came twice)
        assertThat(assigned).hasSize(3);
        LicenseAssigned givenBack = EventJson.read(assigned.get(2), LicenseAssigned.class);
        assertThat(givenBack.skuId()).isEqualTo(OFFICE_365_E3);
        assertThat(givenBack.assignedBy()).isNull();
        assertThat(givenBack.servicePlans()).extracting(ServicePlan::servicePlanId).doesNotContain(TEAMS1);
    }

    @Test
    void aRestoreTriesTheLicensesInTheOrderTheUserGotThem() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 2);
        tenant.buy(OFFICE_365_E3, 2);
        UUID returner = tenant.newUser();
        tenant.assign(returner, OFFICE_365_E3);
        tenant.assign(returner, BUSINESS_PREMIUM);
        UserEvents.publish(UUID.randomUUID(), returner, deleted(tenant, returner, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> tenant.seats(OFFICE_365_E3)[1] == 0);

        UserEvents.publish(UUID.randomUUID(), returner, restored(tenant, returner));
        UserEvents.publishMarkerAfter(tenant, returner);

        List<String> assigned = Db.outboxPayloads(dataSource, returner, EventType.LICENSE_ASSIGNED.ceType());
        assertThat(assigned.subList(2, 4)).extracting(p -> EventJson.read(p, LicenseAssigned.class).skuId())
                .containsExactly(OFFICE_365_E3, BUSINESS_PREMIUM);
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", returner)
                .then().statusCode(200).body("restoreFailures", empty());
    }

    @Test
    void purgingAUserForgetsThemForGood() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 2);
        UUID leaver = tenant.newUser();
        tenant.assign(leaver, BUSINESS_PREMIUM);
        UserEvents.publish(UUID.randomUUID(), leaver, deleted(tenant, leaver, Instant.now()));

        UserEvents.publish(UUID.randomUUID(), leaver, new UserPurged(tenant.id, leaver, "gone@contoso.example", null,
                Instant.now()));
        UserEvents.publish(UUID.randomUUID(), leaver, restored(tenant, leaver));
        UserEvents.publishMarkerAfter(tenant, leaver);

        // only a purged mark stays, so that no late event brings the user back
        assertThat(Db.count(dataSource, "SELECT count(*) FROM directory_user WHERE user_id = ? AND purged_at IS NULL", leaver))
                .isZero();
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", leaver).then().statusCode(404);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM deleted_user_license WHERE user_id = ?", leaver)).isZero();
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(2, 0, 2);
        assertThat(removals(leaver)).hasSize(1);
    }

    @Test
    void offboardingWithoutDeletionUnassignsTheDirectLicensesAsTheAdminAndKeepsTheGroupOnes() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 2);
        tenant.buy(OFFICE_365_E3, 2);
        UUID leaver = tenant.newUser();
        tenant.assign(leaver, BUSINESS_PREMIUM);
        Groups.giving(tenant, "Sales", OFFICE_365_E3, leaver);
        UUID offboardingAdmin = UUID.randomUUID();
        Instant requestedAt = Instant.parse("2026-11-21T09:30:00Z");
        UserLicensesReleaseRequested request = new UserLicensesReleaseRequested(tenant.id, leaver,
                "leaver-" + leaver + "@contoso.example", offboardingAdmin, requestedAt);

        UUID eventId = UUID.randomUUID();
        UserEvents.publish(eventId, leaver, request);
        UserEvents.publish(eventId, leaver, request);
        UserEvents.publishMarkerAfter(tenant, leaver);

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(2, 0, 2);
        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        assertThat(removals(leaver)).singleElement().satisfies(removed -> {
            assertThat(removed.skuId()).isEqualTo(BUSINESS_PREMIUM);
            assertThat(removed.reason()).isEqualTo(RemovalReason.UNASSIGNED);
            assertThat(removed.removedBy()).isEqualTo(offboardingAdmin);
            assertThat(removed.removedAt()).isEqualTo(requestedAt);
            assertThat(removed.exchangeOnline()).isTrue();
            assertThat(removed.exchangeOnlineRetained()).as("Office 365 E3 from the group keeps the mailbox").isTrue();
        });
    }

    @Test
    void eventsForAnotherTenantsUserChangeNothing() {
        TestTenant tenant = new TestTenant();
        tenant.buy(BUSINESS_PREMIUM, 2);
        UUID user = tenant.newUser();
        tenant.assign(user, BUSINESS_PREMIUM);
        UUID stranger = UUID.randomUUID();

        UserEvents.publish(UUID.randomUUID(), user, new UserDeleted(stranger, user, "x@contoso.example", null, null,
                Instant.now(), Instant.now().plus(Duration.ofDays(30))));
        UserEvents.publish(UUID.randomUUID(), user, new UserUpdated(stranger, user, "x@contoso.example", "X", "FR", false,
                null, Instant.now()));
        UserEvents.publishMarkerAfter(tenant, user);

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(2, 1, 1);
        given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/licenses", user)
                .then().statusCode(200).body("usageLocation", equalTo("US")).body("accountEnabled", equalTo(true));
    }

    private List<LicenseRemoved> removals(UUID user) {
        return Db.outboxPayloads(dataSource, user, EventType.LICENSE_REMOVED.ceType()).stream()
                .map(p -> EventJson.read(p, LicenseRemoved.class)).toList();
    }

    private static UserDeleted deleted(TestTenant tenant, UUID user, Instant at) {
        return new UserDeleted(tenant.id, user, "leaver-" + user + "@contoso.example", null, tenant.adminOid, at,
                at.plus(Duration.ofDays(30)));
    }

    private static UserRestored restored(TestTenant tenant, UUID user) {
        return new UserRestored(tenant.id, user, "leaver-" + user + "@contoso.example", tenant.adminOid, Instant.now());
    }
}
