package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.licenselifecycle.licensing.Catalog.BUSINESS_PREMIUM;
import static org.licenselifecycle.licensing.Catalog.OFFICE_365_E3;
import static org.licenselifecycle.licensing.TestTenant.add;
import static org.licenselifecycle.testsupport.TestEvents.header;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.DirectoryAuditRecorded;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.licensing.subscriptions.SubscriptionLifeJob;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.testsupport.Rig;

/**
 * Subscription life: a subscription whose recurring billing is off goes Expired at its end date (users keep access),
 * Disabled 30 days later (users lose access, keep the license), Deleted 90 days after that (its licenses leave their
 * users with a LicenseRemoved naming the subscription); reactivating before then brings it back; a trial is deleted
 * when its 30 days Expired are over; one with recurring billing on renews. The job runs at the movable clock's time.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class SubscriptionLifeTest {

    private static final Instant BOUGHT = Instant.parse("2027-01-04T09:00:00Z");
    private static final Instant ENDS = BOUGHT.plus(Duration.ofDays(365));
    private static final Instant DISABLED = ENDS.plus(Duration.ofDays(30));
    private static final Instant DELETED = DISABLED.plus(Duration.ofDays(90));

    @Inject
    MovableClock clock;

    @Inject
    SubscriptionLifeJob life;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aSubscriptionNotRenewedGoesExpiredThenDisabledThenDeletedAndItsLicensesLeaveTheirUsers() {
        TestTenant tenant = new TestTenant();
        UUID first = tenant.newUser();
        UUID second = tenant.newUser();
        UUID latecomer = tenant.newUser();
        clock.fixAt(BOUGHT);
        String id = tenant.buy(BUSINESS_PREMIUM, 3, false, false);
        tenant.assign(first, BUSINESS_PREMIUM);
        tenant.assign(second, BUSINESS_PREMIUM);
        assertThat(subscription(tenant, id)).contains(entry("lifecycleStatus", "Active"), entry("expiredDateTime", ENDS.toString()), entry("disabledDateTime", DISABLED.toString()),
                entry("deletedDateTime", DELETED.toString()));

        try (ConsumerTask<String, String> events = PublishedLicenseEvents.of(first)) {
            clock.fixAt(ENDS.minusSeconds(1));
            life.run();
            assertThat(status(tenant, id)).isEqualTo("Enabled");

            clock.fixAt(ENDS);
            life.run();
            assertThat(subscription(tenant, id)).contains(entry("status", "Warning"), entry("lifecycleStatus", "Expired"),
                    entry("reactivatable", true));
            graphShows(tenant, id, "Warning");
            assertThat(licensesPage(tenant).getString("find { it.skuId == '" + BUSINESS_PREMIUM + "' }.status"))
                    .isEqualTo("Expired");
            // users keep access: their plans are still provisioned
            given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", first).then().statusCode(200)
                    .body("value[0].servicePlans.provisioningStatus", everyItem(equalTo("Success")));

            clock.fixAt(DISABLED);
            life.run();
            assertThat(subscription(tenant, id)).contains(entry("status", "Suspended"), entry("lifecycleStatus", "Disabled"));
            graphShows(tenant, id, "Suspended");
            given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/subscribedSkus").then().statusCode(200)
                    .body("value.find { it.skuId == '" + BUSINESS_PREMIUM + "' }.prepaidUnits.suspended", equalTo(3))
                    .body("value.find { it.skuId == '" + BUSINESS_PREMIUM + "' }.prepaidUnits.enabled", equalTo(0));
            assertThat(licensesPage(tenant).getString("find { it.skuId == '" + BUSINESS_PREMIUM + "' }.status"))
                    .isEqualTo("Disabled");
            // users lose access but keep the license until the subscription is deleted
            assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(0, 2, 0);
            given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", first).then().statusCode(200)
                    .body("value.skuId", hasItem(BUSINESS_PREMIUM.toString()))
                    .body("value[0].servicePlans.provisioningStatus", everyItem(equalTo("Disabled")));
            given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/users/{id}/officeActivation", first).then()
                    .statusCode(200).body("status", equalTo("Unlicensed Product"));
            // admins "can't assign licenses to users"
            tenant.assignLicense(latecomer, add(BUSINESS_PREMIUM)).then().statusCode(400)
                    .body("error.message", equalTo("Subscription with SKU " + BUSINESS_PREMIUM
                            + " does not have any available licenses."));

            clock.fixAt(DELETED);
            life.run();
            assertThat(subscription(tenant, id)).contains(entry("status", "Deleted"), entry("lifecycleStatus", "Deleted"), entry("deletedDateTime", DELETED.toString()), entry("reactivatable", false));
            graphShows(tenant, id, "Deleted");
            assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(0, 0, 0);
            for (UUID user : List.of(first, second)) {
                given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", user).then()
                        .statusCode(200).body("value", org.hamcrest.Matchers.empty());
                assertThat(removals(user)).singleElement().satisfies(removed -> {
                    assertThat(removed.cause()).isEqualTo(RemovalReason.SUBSCRIPTION_DELETED);
                    assertThat(removed.reason()).isEqualTo(RemovalReason.UNASSIGNED);
                    assertThat(removed.deletedSubscriptionId()).isEqualTo(UUID.fromString(id));
                    assertThat(removed.skuId()).isEqualTo(BUSINESS_PREMIUM);
                    assertThat(removed.exchangeOnline()).isTrue();
                    assertThat(removed.exchangeOnlineRetained()).isFalse();
                    assertThat(removed.removedBy()).isNull();
                    assertThat(removed.removedAt()).isEqualTo(DELETED);
                });
            }
            // published on Kafka for data-lifecycle, whose mailbox grace period follows as after an unassign
            await().atMost(Duration.ofSeconds(30)).until(() -> events.getRecords().stream()
                    .anyMatch(r -> EventType.LICENSE_REMOVED.ceType().equals(header(r, CloudEventHeaders.TYPE))));
            LicenseRemoved published = events.getRecords().stream()
                    .filter(r -> EventType.LICENSE_REMOVED.ceType().equals(header(r, CloudEventHeaders.TYPE)))
                    .map(r -> EventJson.read(r.value(), LicenseRemoved.class)).findFirst().orElseThrow();
            assertThat(published.cause()).isEqualTo(RemovalReason.SUBSCRIPTION_DELETED);

            // Deleted is final, and running again takes nothing more
            life.run();
            assertThat(removals(first)).hasSize(1);
            assertThat(removals(second)).hasSize(1);
            given().auth().oauth2(tenant.globalAdmin).contentType(ContentType.JSON).body(Map.of("recurringBilling", true))
                    .patch("/api/v1/subscriptions/{id}", id).then().statusCode(400)
                    .body("error.message", equalTo("The subscription is deleted (at the end of its life); it can no longer "
                            + "be changed or reactivated. Buy a new one."));
            assertThat(status(tenant, id)).isEqualTo("Deleted");
        }
    }

    @Test
    void reactivatingADisabledSubscriptionBringsItBackAndItsUsersRegainAccess() {
        TestTenant tenant = new TestTenant();
        UUID user = tenant.newUser();
        clock.fixAt(BOUGHT);
        String id = tenant.buy(OFFICE_365_E3, 2, false, false);
        tenant.assign(user, OFFICE_365_E3);
        clock.fixAt(ENDS);
        life.run();
        clock.fixAt(DISABLED.plus(Duration.ofDays(10)));
        life.run();
        assertThat(status(tenant, id)).isEqualTo("Suspended");
        given().auth().oauth2(tenant.globalAdmin).contentType(ContentType.JSON).body(Map.of("licenses", 1))
                .patch("/api/v1/subscriptions/{id}", id).then().statusCode(400);

        given().auth().oauth2(tenant.globalAdmin).contentType(ContentType.JSON).body(Map.of("recurringBilling", true))
                .patch("/api/v1/subscriptions/{id}", id).then().statusCode(200)
                .body("status", equalTo("Enabled"))
                .body("lifecycleStatus", equalTo("Active"))
                .body("recurringBilling", equalTo(true))
                // "the Next billing date extends by ... one year" from its end date
                .body("nextLifecycleDateTime", equalTo(ENDS.plus(Duration.ofDays(365)).toString()))
                .body("expiredDateTime", nullValue())
                .body("disabledDateTime", nullValue());

        assertThat(tenant.seats(OFFICE_365_E3)).containsExactly(2, 1, 1);
        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", user).then().statusCode(200)
                .body("value[0].servicePlans.provisioningStatus", everyItem(equalTo("Success")));
        graphShows(tenant, id, "Enabled");
        // past the old deletion date nothing happens to it any more
        clock.fixAt(DELETED.plus(Duration.ofDays(1)));
        life.run();
        assertThat(status(tenant, id)).isEqualTo("Enabled");
        assertThat(removals(user)).isEmpty();
    }

    @Test
    void reactivatingAnExpiredSubscriptionBringsItBackWithoutMovingSeats() {
        TestTenant tenant = new TestTenant();
        UUID user = tenant.newUser();
        clock.fixAt(BOUGHT);
        String id = tenant.buy(BUSINESS_PREMIUM, 2, false, false);
        tenant.assign(user, BUSINESS_PREMIUM);
        clock.fixAt(ENDS.plus(Duration.ofDays(3)));
        life.run();
        assertThat(status(tenant, id)).isEqualTo("Warning");
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(2, 1, 1);

        given().auth().oauth2(tenant.globalAdmin).contentType(ContentType.JSON).body(Map.of("recurringBilling", true))
                .patch("/api/v1/subscriptions/{id}", id).then().statusCode(200).body("status", equalTo("Enabled"));

        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(2, 1, 1);
    }

    @Test
    void aTrialNotRenewedIsDeletedWhenItsThirtyDaysExpiredAreOver() {
        TestTenant tenant = new TestTenant();
        UUID user = tenant.newUser();
        clock.fixAt(BOUGHT);
        String id = tenant.buy(BUSINESS_PREMIUM, 5, true, false);
        tenant.assign(user, BUSINESS_PREMIUM);
        Instant trialEnds = BOUGHT.plus(Duration.ofDays(30));
        assertThat(subscription(tenant, id)).contains(entry("expiredDateTime", trialEnds.toString()), entry("disabledDateTime", trialEnds.plus(Duration.ofDays(30)).toString()),
                entry("deletedDateTime", trialEnds.plus(Duration.ofDays(30)).toString()));

        clock.fixAt(trialEnds);
        life.run();
        assertThat(status(tenant, id)).isEqualTo("Warning");
        clock.fixAt(trialEnds.plus(Duration.ofDays(30)));
        life.run();

        assertThat(status(tenant, id)).isEqualTo("Deleted");
        assertThat(removals(user)).singleElement()
                .satisfies(removed -> assertThat(removed.cause()).isEqualTo(RemovalReason.SUBSCRIPTION_DELETED));
    }

    @Test
    void aSubscriptionWithRecurringBillingOnRenewsAndATrialStartsBeingBilled() {
        TestTenant tenant = new TestTenant();
        clock.fixAt(BOUGHT);
        String paid = tenant.buy(BUSINESS_PREMIUM, 1, false, true);
        String trial = tenant.buy(OFFICE_365_E3, 1, true, true);
        Instant trialEnds = BOUGHT.plus(Duration.ofDays(30));

        clock.fixAt(trialEnds);
        life.run();
        assertThat(subscription(tenant, trial)).contains(entry("status", "Enabled"), entry("trial", false), entry("nextLifecycleDateTime", trialEnds.plus(Duration.ofDays(365)).toString()), entry("cancellationWindowEndsDateTime", trialEnds.plus(Duration.ofDays(7)).toString()),
                entry("expiredDateTime", null));
        clock.fixAt(ENDS.plus(Duration.ofDays(200)));
        life.run();
        assertThat(subscription(tenant, paid)).contains(entry("status", "Enabled"),
                entry("nextLifecycleDateTime", ENDS.plus(Duration.ofDays(365)).toString()));
    }

    @Test
    void aDeletedSubscriptionTakesOnlyTheLicensesNoOtherSubscriptionOfTheProductHolds() {
        TestTenant tenant = new TestTenant();
        UUID oldest = tenant.newUser();
        UUID middle = tenant.newUser();
        UUID newest = tenant.newUser();
        clock.fixAt(BOUGHT);
        String ending = tenant.buy(BUSINESS_PREMIUM, 2, false, false);
        tenant.buy(BUSINESS_PREMIUM, 1, false, true);
        tenant.assign(oldest, BUSINESS_PREMIUM);
        clock.fixAt(BOUGHT.plusSeconds(60));
        tenant.assign(middle, BUSINESS_PREMIUM);
        clock.fixAt(BOUGHT.plusSeconds(120));
        tenant.assign(newest, BUSINESS_PREMIUM);

        clock.fixAt(DISABLED);
        life.run();
        // the other subscription is still Enabled: the product is too, and so are its users
        graphShows(tenant, ending, "Suspended");
        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", newest).then().statusCode(200)
                .body("value[0].servicePlans.provisioningStatus", everyItem(equalTo("Success")));
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(1, 3, 0);

        clock.fixAt(DELETED);
        life.run();

        assertThat(removals(newest)).hasSize(1);
        assertThat(removals(middle)).hasSize(1);
        assertThat(removals(oldest)).isEmpty();
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(1, 1, 0);
    }

    @Test
    void aDeletedSelfServicePurchaseTakesAwayTheLicensesItsPurchaserGave() {
        TestTenant tenant = new TestTenant();
        UUID purchaser = tenant.newUser();
        UUID colleague = tenant.newUser();
        clock.fixAt(BOUGHT);
        String purchase = given().auth().oauth2(org.licenselifecycle.testsupport.DevTokens.token(tenant.id, purchaser))
                .contentType(ContentType.JSON).body(Map.of("skuId", Catalog.APPS_FOR_BUSINESS, "licenses", 2,
                        "boughtBy", "SELF_SERVICE", "recurringBilling", false, "assignTo", List.of(purchaser, colleague)))
                .post("/api/v1/subscriptions").then().statusCode(201).extract().path("id");

        clock.fixAt(DELETED);
        life.run();

        assertThat(status(tenant, purchase)).isEqualTo("Deleted");
        for (UUID user : List.of(purchaser, colleague)) {
            assertThat(removals(user)).singleElement().satisfies(removed -> {
                assertThat(removed.skuId()).isEqualTo(Catalog.APPS_FOR_BUSINESS);
                assertThat(removed.deletedSubscriptionId()).isEqualTo(UUID.fromString(purchase));
            });
            given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", user).then().statusCode(200)
                    .body("value", org.hamcrest.Matchers.empty());
        }
    }

    @Test
    void aDisabledPurchaseTakenOverCountsAsADisabledSubscriptionAndItsDeletionTakesTheLicenseItsHolderKept() {
        TestTenant tenant = new TestTenant();
        UUID holder = tenant.newUser();
        UUID latecomer = tenant.newUser();
        String purchase = disabledPurchase(tenant, holder);
        assertThat(status(tenant, purchase)).isEqualTo("Suspended");

        given().auth().oauth2(tenant.globalAdmin).post("/api/v1/subscriptions/{id}/takeOver", purchase).then()
                .statusCode(200).body("managedByPurchaser", equalTo(false)).body("status", equalTo("Suspended"));

        // as a company subscription Disabled all along: its 2 licenses out of the total, its holder's counted as assigned
        assertThat(seatCount(tenant, Catalog.APPS_FOR_BUSINESS)).isEqualTo("total 0, assigned 1, disabled 2");
        tenant.assignLicense(latecomer, add(Catalog.APPS_FOR_BUSINESS)).then().statusCode(400)
                .body("error.message", equalTo("Subscription with SKU " + Catalog.APPS_FOR_BUSINESS
                        + " does not have any available licenses."));

        clock.fixAt(DELETED);
        life.run();

        assertThat(status(tenant, purchase)).isEqualTo("Deleted");
        assertThat(removals(holder)).singleElement().satisfies(removed -> {
            assertThat(removed.cause()).isEqualTo(RemovalReason.SUBSCRIPTION_DELETED);
            assertThat(removed.deletedSubscriptionId()).isEqualTo(UUID.fromString(purchase));
        });
        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", holder).then().statusCode(200)
                .body("value", org.hamcrest.Matchers.empty());
        assertThat(seatCount(tenant, Catalog.APPS_FOR_BUSINESS)).isEqualTo("total 0, assigned 0, disabled 0");
        // and running again moves nothing more
        assertThat(life.run()).isZero();
        assertThat(removals(holder)).hasSize(1);
    }

    @Test
    void reactivatingADisabledPurchaseTakenOverBringsItsLicensesBackToTheProduct() {
        TestTenant tenant = new TestTenant();
        UUID holder = tenant.newUser();
        UUID latecomer = tenant.newUser();
        String purchase = disabledPurchase(tenant, holder);
        given().auth().oauth2(tenant.globalAdmin).post("/api/v1/subscriptions/{id}/takeOver", purchase).then().statusCode(200);

        given().auth().oauth2(tenant.globalAdmin).contentType(ContentType.JSON).body(Map.of("recurringBilling", true))
                .patch("/api/v1/subscriptions/{id}", purchase).then().statusCode(200)
                .body("status", equalTo("Enabled")).body("lifecycleStatus", equalTo("Active"));

        assertThat(seatCount(tenant, Catalog.APPS_FOR_BUSINESS)).isEqualTo("total 2, assigned 1, disabled 0");
        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/users/{id}/licenseDetails", holder).then().statusCode(200)
                .body("value[0].servicePlans.provisioningStatus", everyItem(equalTo("Success")));
        tenant.assign(latecomer, Catalog.APPS_FOR_BUSINESS);
        assertThat(tenant.seats(Catalog.APPS_FOR_BUSINESS)).containsExactly(2, 2, 0);
        // past the old deletion date nothing happens to it any more
        clock.fixAt(DELETED.plus(Duration.ofDays(1)));
        life.run();
        assertThat(status(tenant, purchase)).isEqualTo("Enabled");
        assertThat(removals(holder)).isEmpty();
    }

    @Test
    void takingOverADeletedPurchaseIsRefusedAndChangesNothing() {
        TestTenant tenant = new TestTenant();
        UUID holder = tenant.newUser();
        clock.fixAt(BOUGHT);
        String purchase = tenant.buySelfService(holder, Catalog.APPS_FOR_BUSINESS, 2, List.of(holder), false);
        clock.fixAt(DELETED);
        life.run();
        assertThat(status(tenant, purchase)).isEqualTo("Deleted");

        given().auth().oauth2(tenant.globalAdmin).post("/api/v1/subscriptions/{id}/takeOver", purchase).then()
                .statusCode(400).body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("The subscription is deleted (at the end of its life); it can no longer "
                        + "be changed or reactivated. Buy a new one."))
                .body("error.innerError.request-id", org.hamcrest.Matchers.notNullValue());

        assertThat(subscription(tenant, purchase)).contains(entry("status", "Deleted"), entry("managedByPurchaser", true),
                entry("takenOverDateTime", null));
        assertThat(seatCount(tenant, Catalog.APPS_FOR_BUSINESS)).isNull();
        assertThat(tenant.seats(Catalog.APPS_FOR_BUSINESS)).containsExactly(0, 0, 0);
    }

    @Test
    void aTakeOverRacingTheJobsDeletionIsRefusedOrCountedAndTheHolderLosesTheLicenseOnce() throws Exception {
        TestTenant tenant = new TestTenant();
        UUID holder = tenant.newUser();
        String purchase = disabledPurchase(tenant, holder);

        clock.fixAt(DELETED);
        List<Callable<Integer>> takeOverAndJob = List.of(() -> given().auth().oauth2(tenant.globalAdmin)
                .post("/api/v1/subscriptions/{id}/takeOver", purchase).statusCode(), () -> life.run());
        int takeOver = Race.run(takeOverAndJob).get(0);
        // a job that found the row taken over skipped it: the next run deletes it
        life.run();

        // the job deleted it first (refused, its seats never counted) or the take-over counted them for the job
        assertThat(takeOver).isIn(200, 400);
        assertThat(status(tenant, purchase)).isEqualTo("Deleted");
        assertThat(removals(holder)).hasSize(1);
        assertThat(seatCount(tenant, Catalog.APPS_FOR_BUSINESS)).isEqualTo(takeOver == 200 ? "total 0, assigned 0, disabled 0" : null);
    }

    @Test
    void jobsRunningAtOnceOnTwoReplicasDeleteASubscriptionOnce() throws Exception {
        TestTenant tenant = new TestTenant();
        List<UUID> users = List.of(tenant.newUser(), tenant.newUser(), tenant.newUser());
        clock.fixAt(BOUGHT);
        String id = tenant.buy(BUSINESS_PREMIUM, 3, false, false);
        users.forEach(user -> tenant.assign(user, BUSINESS_PREMIUM));
        clock.fixAt(DISABLED);
        life.run();

        clock.fixAt(DELETED);
        List<Callable<Integer>> onTwoReplicas = List.of(() -> life.run(), () -> life.run());
        Race.run(onTwoReplicas);

        assertThat(status(tenant, id)).isEqualTo("Deleted");
        assertThat(users).allSatisfy(user -> assertThat(removals(user)).hasSize(1));
        assertThat(tenant.seats(BUSINESS_PREMIUM)).containsExactly(0, 0, 0);
    }

    @Test
    void theGraphSdkReadsAnExpiredSubscriptionAsWarningAndADisabledOneAsSuspended() {
        TestTenant tenant = new TestTenant();
        clock.fixAt(BOUGHT);
        String id = tenant.buy(OFFICE_365_E3, 4, false, false);
        var graph = GraphSdkTest.client(tenant.licenseAdmin);

        clock.fixAt(ENDS);
        life.run();
        var expired = graph.subscribedSkus().bySubscribedSkuId(tenant.id + "_" + OFFICE_365_E3).get();
        assertThat(expired.getCapabilityStatus()).isEqualTo("Warning");
        assertThat(expired.getPrepaidUnits().getWarning()).isEqualTo(4);
        assertThat(graph.directory().subscriptions().byCompanySubscriptionId(id).get().getStatus()).isEqualTo("Warning");

        clock.fixAt(DISABLED);
        life.run();
        var disabled = graph.subscribedSkus().get().getValue().stream()
                .filter(sku -> OFFICE_365_E3.equals(sku.getSkuId())).findFirst().orElseThrow();
        assertThat(disabled.getCapabilityStatus()).isEqualTo("Suspended");
        assertThat(disabled.getPrepaidUnits().getSuspended()).isEqualTo(4);
        var subscription = graph.directory().subscriptions().get().getValue().get(0);
        assertThat(subscription.getStatus()).isEqualTo("Suspended");
        assertThat(subscription.getNextLifecycleDateTime().toInstant()).isEqualTo(ENDS);
    }

    @Test
    void eachStepIsInTheAuditLogAsTheSystemsAndEachLicenseADeletionTakesAsAChangeUserLicense() throws Exception {
        TestTenant tenant = new TestTenant();
        UUID holder = tenant.newUser();
        clock.fixAt(BOUGHT);
        String id = tenant.buy(OFFICE_365_E3, 1, false, false);
        tenant.assign(holder, OFFICE_365_E3);

        clock.fixAt(ENDS);
        life.run();
        clock.fixAt(DISABLED);
        life.run();
        clock.fixAt(DELETED);
        life.run();

        List<DirectoryAuditRecorded> entries = auditEntries(tenant.id);
        List<String> steps = entries.stream().filter(e -> e.activityDisplayName().equals("Update subscription"))
                .map(e -> e.targetResources().get(0))
                .peek(target -> assertThat(target.id()).isEqualTo(id))
                .flatMap(target -> target.modifiedProperties().stream())
                .filter(p -> p.displayName().equals("Status"))
                .map(p -> p.oldValue() + " -> " + p.newValue()).toList();
        assertThat(steps).containsExactly("[\"Enabled\"] -> [\"Warning\"]", "[\"Warning\"] -> [\"Suspended\"]",
                "[\"Suspended\"] -> [\"Deleted\"]");
        assertThat(entries).filteredOn(e -> e.activityDisplayName().equals("Update subscription"))
                .allSatisfy(e -> assertThat(e.initiatedBy().app().displayName()).isEqualTo("licensing-service"));
        DirectoryAuditRecorded taken = entries.stream().filter(e -> e.activityDisplayName().equals("Change user license")
                && e.targetResources().get(0).modifiedProperties().get(0).newValue().equals("[]")).findFirst().orElseThrow();
        assertThat(taken.targetResources().get(0).id()).isEqualTo(holder.toString());
        assertThat(taken.initiatedBy().app().displayName()).isEqualTo("licensing-service");
    }

    /** The tenant's audit entries in licensing's outbox, in the order they were written. */
    private List<DirectoryAuditRecorded> auditEntries(UUID tenantId) throws java.sql.SQLException {
        List<DirectoryAuditRecorded> entries = new java.util.ArrayList<>();
        try (var connection = dataSource.getConnection(); var query = connection.prepareStatement(
                "SELECT payload FROM outbox_event WHERE ce_type = ? AND payload LIKE ? ORDER BY seq")) {
            query.setString(1, EventType.DIRECTORY_AUDIT_RECORDED.ceType());
            query.setString(2, "%\"tenantId\":\"" + tenantId + "\"%");
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(EventJson.read(rows.getString(1), DirectoryAuditRecorded.class));
                }
            }
        }
        return entries;
    }

    /** The subscription's row on Your products ({@code GET /api/v1/subscriptions}). */
    private static Map<String, Object> subscription(TestTenant tenant, String id) {
        Map<String, Object> row = given().auth().oauth2(tenant.globalAdmin).get("/api/v1/subscriptions").then().statusCode(200)
                .extract().jsonPath().getMap("find { it.id == '" + id + "' }");
        assertThat(row).as("subscription " + id).isNotNull();
        return row;
    }

    private static String status(TestTenant tenant, String id) {
        return given().auth().oauth2(tenant.globalAdmin).get("/api/v1/subscriptions").then().statusCode(200).extract()
                .path("find { it.id == '" + id + "' }.status");
    }

    /** Graph's subscribedSkus capabilityStatus and directory/subscriptions status of the product and subscription. */
    private static void graphShows(TestTenant tenant, String id, String status) {
        given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/directory/subscriptions/{id}", id).then().statusCode(200)
                .body("status", equalTo(status));
        {
            String sku = given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/directory/subscriptions/{id}", id).then()
                    .extract().path("skuId");
            String capability = given().auth().oauth2(tenant.licenseAdmin).get("/v1.0/subscribedSkus").then().statusCode(200)
                    .extract().path("value.find { it.skuId == '" + sku + "' }.capabilityStatus");
            Set<String> productStatuses = given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/subscriptions").then()
                    .extract().jsonPath().getList("findAll { it.skuId == '" + sku + "' }.status", String.class).stream()
                    .collect(java.util.stream.Collectors.toSet());
            // the product is Enabled while one of its subscriptions is (Graph's own rule), else this one's state
            assertThat(capability).isEqualTo(productStatuses.contains("Enabled") ? "Enabled" : status);
        }
    }

    private static JsonPath licensesPage(TestTenant tenant) {
        return given().auth().oauth2(tenant.licenseAdmin).get("/api/v1/licenses").then().statusCode(200).extract().jsonPath();
    }

    /** A self-service purchase of 2 licenses of Apps for business, one given to {@code holder}, Disabled at the end of its life. */
    private String disabledPurchase(TestTenant tenant, UUID holder) {
        clock.fixAt(BOUGHT);
        String purchase = tenant.buySelfService(holder, Catalog.APPS_FOR_BUSINESS, 2, List.of(holder), false);
        clock.fixAt(DISABLED);
        life.run();
        return purchase;
    }

    /** The product's seat row as the database holds it (total, assigned as readers see it, Disabled); null when none. */
    private String seatCount(TestTenant tenant, UUID skuId) {
        return (String) Db.value(dataSource, "SELECT format('total %s, assigned %s, disabled %s', total, assigned, disabled) "
                + "FROM seat_use WHERE tenant_id = ? AND sku_id = ?", tenant.id, skuId);
    }

    /** The LicenseRemoved events written to the outbox for the user. */
    private List<LicenseRemoved> removals(UUID user) {
        return OutboxEvents.removed(dataSource, user);
    }
}
