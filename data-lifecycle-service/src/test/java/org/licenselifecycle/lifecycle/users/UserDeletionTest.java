package org.licenselifecycle.lifecycle.users;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.lifecycle.AdminApi.asGlobalAdmin;
import static org.licenselifecycle.lifecycle.AdminApi.awaitMailbox;
import static org.licenselifecycle.lifecycle.AdminApi.awaitOneDrive;
import static org.licenselifecycle.lifecycle.AdminApi.deliver;
import static org.licenselifecycle.lifecycle.AdminApi.oneDrive;
import static org.licenselifecycle.lifecycle.AdminApi.placeHold;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.OFFICE_365_E3;
import static org.licenselifecycle.lifecycle.Licenses.at;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.lifecycle.AdminApi;
import org.licenselifecycle.lifecycle.LicenseEventsOnKafka;
import org.licenselifecycle.lifecycle.Licenses.Sku;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.lifecycle.UserEventsOnKafka;
import org.licenselifecycle.lifecycle.mailbox.GracePeriodPurge;
import org.licenselifecycle.lifecycle.onedrive.OneDriveDeletion;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/** A deleted user's mailbox and OneDrive (directory.user-events), whichever topic is heard first. */
@QuarkusTest
@WithTestResource(Rig.class)
class UserDeletionTest {

    private static final Instant DELETED = at("2026-03-20T10:00:00Z");

    @Inject
    MovableClock clock;

    @Inject
    GracePeriodPurge purge;

    @Inject
    OneDriveDeletion oneDriveDeletion;

    private static TestUser licensed(Sku sku) {
        TestUser user = TestUser.create();
        LicenseEventsOnKafka.publish(user.assigned(sku, at("2026-03-02T09:00:00Z")));
        awaitMailbox(user, json -> true);
        awaitOneDrive(user);
        return user;
    }

    @Test
    void aHeldUserWithAnEnterprisePlanKeepsAnInactiveSearchableMailbox() {
        TestUser user = licensed(OFFICE_365_E3);
        placeHold(user, "LITIGATION_HOLD");

        UserEventsOnKafka.publish(user.deleted(null, UUID.randomUUID(), DELETED));
        LicenseEventsOnKafka.publish(user.removedByDeletion(OFFICE_365_E3, DELETED));

        JsonPath mailbox = awaitMailbox(user, json -> "INACTIVE".equals(json.getString("state")) && json.get("removedAt") != null);
        assertThat(mailbox.getBoolean("searchable")).isTrue();
        assertThat(mailbox.getString("purgeAfter")).isNull();
        clock.fixAt(DELETED.plus(Duration.ofDays(3650)));
        purge.purgeDue();
        assertThat(awaitMailbox(user, json -> true).getString("state")).isEqualTo("INACTIVE");
    }

    @Test
    void theOutcomeIsTheSameWhicheverOfUserDeletedAndLicenseRemovedArrivesFirst() {
        for (Sku sku : new Sku[] {OFFICE_365_E3, BUSINESS_PREMIUM}) {
            for (boolean held : new boolean[] {true, false}) {
                TestUser directoryFirst = licensed(sku);
                TestUser licensingFirst = licensed(sku);
                if (held) {
                    placeHold(directoryFirst, "EDISCOVERY_HOLD");
                    placeHold(licensingFirst, "EDISCOVERY_HOLD");
                }

                UserEventsOnKafka.publish(directoryFirst.deleted(null, null, DELETED));
                awaitMailbox(directoryFirst, json -> json.get("userDeletedAt") != null);
                LicenseEventsOnKafka.publish(directoryFirst.removedByDeletion(sku, DELETED));
                LicenseEventsOnKafka.publish(licensingFirst.removedByDeletion(sku, DELETED));
                awaitMailbox(licensingFirst, json -> json.get("removedAt") != null);
                UserEventsOnKafka.publish(licensingFirst.deleted(null, null, DELETED));

                JsonPath a = awaitMailbox(directoryFirst, json -> json.get("removedAt") != null);
                JsonPath b = awaitMailbox(licensingFirst, json -> json.get("userDeletedAt") != null);
                for (String field : new String[] {"state", "searchable", "purgeAfter", "removedAt", "userDeletedAt"}) {
                    assertThat(String.valueOf((Object) a.get(field))).as(sku.skuPartNumber() + " held=" + held + " " + field)
                            .isEqualTo(String.valueOf((Object) b.get(field)));
                }
                String expected = held && sku == OFFICE_365_E3 ? "INACTIVE" : "SOFT_DELETED";
                assertThat(a.getString("state")).isEqualTo(expected);
            }
        }
    }

    @Test
    void anUnheldDeletedUsersMailboxIsPurgedThirtyDaysAfterTheDeletionNotBefore() {
        TestUser user = licensed(BUSINESS_PREMIUM);
        deliver(user, "Expenses", "March", null);
        UserEventsOnKafka.publish(user.deleted(null, null, DELETED));
        LicenseEventsOnKafka.publish(user.removedByDeletion(BUSINESS_PREMIUM, DELETED));

        JsonPath mailbox = awaitMailbox(user, json -> "SOFT_DELETED".equals(json.getString("state")) && json.get("removedAt") != null);
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        assertThat(Instant.parse(mailbox.getString("purgeAfter"))).isEqualTo(DELETED.plus(Duration.ofDays(30)));

        clock.fixAt(DELETED.plus(Duration.ofDays(30)).minusNanos(1000));
        purge.purgeDue();
        assertThat(awaitMailbox(user, json -> true).getString("state")).isEqualTo("SOFT_DELETED");
        clock.fixAt(DELETED.plus(Duration.ofDays(30)));
        purge.purgeDue();
        assertThat(awaitMailbox(user, json -> true).getString("state")).isEqualTo("PURGED");
    }

    @Test
    void aDeletedUsersOneDriveIsKeptForTheRetentionWithAccessForTheManagerThenDeleted() {
        TestUser user = licensed(BUSINESS_PREMIUM);
        UUID manager = UUID.randomUUID();

        UserEventsOnKafka.publish(user.deleted(manager, UUID.randomUUID(), DELETED));

        JsonPath oneDrive = awaitOneDrive(user, json -> "RETAINED".equals(json.getString("state")));
        assertThat(Instant.parse(oneDrive.getString("deleteAfter"))).isEqualTo(DELETED.plus(Duration.ofDays(30)));
        assertThat(oneDrive.getString("accessGrantedTo")).isEqualTo(manager.toString());
        assertThat(oneDrive.getString("accessGrantedAs")).isEqualTo("MANAGER");

        clock.fixAt(DELETED.plus(Duration.ofDays(30)).minusNanos(1000));
        oneDriveDeletion.deleteDue();
        assertThat(oneDrive(user).jsonPath().getString("state")).isEqualTo("RETAINED");
        clock.fixAt(DELETED.plus(Duration.ofDays(30)));
        oneDriveDeletion.deleteDue();
        assertThat(oneDrive(user).jsonPath().getString("state")).isEqualTo("DELETED");
    }

    @Test
    void withoutAManagerTheSecondaryOwnerGetsAccessAndTheTenantsRetentionApplies() {
        TestUser user = licensed(BUSINESS_PREMIUM);
        UUID secondaryOwner = UUID.randomUUID();
        asGlobalAdmin(user).body(Map.of("days", 365)).put("/api/v1/tenant/onedrive-retention")
                .then().statusCode(200).body("retentionDays", equalTo(365));
        asGlobalAdmin(user).body(Map.of("userId", secondaryOwner.toString())).put("/api/v1/tenant/onedrive-secondary-owner")
                .then().statusCode(200).body("secondaryOwnerId", equalTo(secondaryOwner.toString()));

        UserEventsOnKafka.publish(user.deleted(null, null, DELETED));

        JsonPath oneDrive = awaitOneDrive(user, json -> "RETAINED".equals(json.getString("state")));
        assertThat(Instant.parse(oneDrive.getString("deleteAfter"))).isEqualTo(DELETED.plus(Duration.ofDays(365)));
        assertThat(oneDrive.getString("accessGrantedTo")).isEqualTo(secondaryOwner.toString());
        assertThat(oneDrive.getString("accessGrantedAs")).isEqualTo("SECONDARY_OWNER");
    }

    @Test
    void aUserRestoredInsideTheWindowGetsMailboxAndOneDriveBackAsBefore() {
        TestUser user = licensed(OFFICE_365_E3);
        JsonPath mailboxBefore = awaitMailbox(user, json -> true);
        JsonPath oneDriveBefore = awaitOneDrive(user);
        UserEventsOnKafka.publish(user.deleted(UUID.randomUUID(), null, DELETED));
        LicenseEventsOnKafka.publish(user.removedByDeletion(OFFICE_365_E3, DELETED));
        awaitMailbox(user, json -> "SOFT_DELETED".equals(json.getString("state")) && json.get("removedAt") != null);

        // directory restores the user; licensing gives the license back (the two topics in either order)
        Instant restored = DELETED.plus(Duration.ofDays(10));
        LicenseEventsOnKafka.publish(user.assigned(OFFICE_365_E3, restored));
        UserEventsOnKafka.publish(user.restored(UUID.randomUUID(), restored));

        JsonPath mailbox = awaitMailbox(user, json -> "ACTIVE".equals(json.getString("state")));
        assertThat(mailbox.getBoolean("searchable")).isTrue();
        assertThat(mailbox.getString("purgeAfter")).isNull();
        assertThat(mailbox.getString("userDeletedAt")).isNull();
        assertThat(mailbox.getString("provisionedAt")).isEqualTo(mailboxBefore.getString("provisionedAt"));
        assertThat(awaitOneDrive(user, json -> "ACTIVE".equals(json.getString("state"))).getMap(""))
                .isEqualTo(oneDriveBefore.getMap(""));
    }

    @Test
    void aRestoredUserWhoseLicenseCouldNotBeGivenBackHasADisconnectedMailboxInItsGracePeriod() {
        TestUser user = licensed(BUSINESS_PREMIUM);
        UserEventsOnKafka.publish(user.deleted(null, null, DELETED));
        LicenseEventsOnKafka.publish(user.removedByDeletion(BUSINESS_PREMIUM, DELETED));
        awaitMailbox(user, json -> "SOFT_DELETED".equals(json.getString("state")) && json.get("removedAt") != null);

        UserEventsOnKafka.publish(user.restored(null, DELETED.plus(Duration.ofDays(3))));

        JsonPath mailbox = awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        assertThat(Instant.parse(mailbox.getString("purgeAfter"))).isEqualTo(DELETED.plus(Duration.ofDays(30)));
    }

    @Test
    void theSameDeletionDeliveredTwiceHasOneEffectAndAMalformedEventIsDeadLettered() {
        TestUser user = licensed(BUSINESS_PREMIUM);
        UUID eventId = UserEventsOnKafka.publish(user.deleted(null, null, DELETED));
        awaitOneDrive(user, json -> "RETAINED".equals(json.getString("state")));
        UserEventsOnKafka.publish(user.restored(null, DELETED.plus(Duration.ofDays(1))));
        awaitOneDrive(user, json -> "ACTIVE".equals(json.getString("state")));

        UserEventsOnKafka.publish(eventId, user.deleted(null, null, DELETED));
        UserEventsOnKafka.publishRaw(user.userId().toString(), "{broken",
                LicenseEventsOnKafka.headers(UUID.randomUUID(), EventType.USER_DELETED));
        UserEventsOnKafka.awaitAllApplied();

        assertThat(oneDrive(user).jsonPath().getString("state")).isEqualTo("ACTIVE");
        assertThat(UserEventsOnKafka.deadLetters(user.userId().toString(), 1)).extracting(ConsumerRecord::value)
                .containsExactly("{broken");
    }

    @Test
    void aLicenseHeardOfAfterTheUsersDeletionProvisionsADeletedUsersMailboxAndOneDrive() {
        TestUser user = TestUser.create();
        UUID manager = UUID.randomUUID();
        UserEventsOnKafka.publish(user.deleted(manager, null, DELETED));
        UserEventsOnKafka.awaitAllApplied();

        LicenseEventsOnKafka.publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));

        JsonPath mailbox = awaitMailbox(user, json -> true);
        assertThat(mailbox.getString("state")).isEqualTo("SOFT_DELETED");
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        assertThat(Instant.parse(mailbox.getString("purgeAfter"))).isEqualTo(DELETED.plus(Duration.ofDays(30)));
        JsonPath oneDrive = awaitOneDrive(user);
        assertThat(oneDrive.getString("state")).isEqualTo("RETAINED");
        assertThat(oneDrive.getString("accessGrantedTo")).isEqualTo(manager.toString());
    }

    @Test
    void severalReplicasDeletingOneDrivesAtOnceDeleteEachOnce() throws Exception {
        Instant deletedAt = at("2026-03-21T10:00:00Z");
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TestUser user = licensed(BUSINESS_PREMIUM);
            UserEventsOnKafka.publish(user.deleted(null, null, deletedAt));
            awaitOneDrive(user, json -> "RETAINED".equals(json.getString("state")));
            users.add(user);
        }
        clock.fixAt(deletedAt.plus(Duration.ofDays(30)));
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(replicas.submit(oneDriveDeletion::deleteDue));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            replicas.shutdown();
        }

        for (TestUser user : users) {
            assertThat(oneDrive(user).jsonPath().getString("state")).isEqualTo("DELETED");
            assertThat(asGlobalAdmin(user).get("/api/v1/users/{userId}/timeline", user.userId()).jsonPath()
                    .getList("entries.event")).containsOnlyOnce("ONEDRIVE_DELETED");
        }
    }

    @Test
    void aUserPurgedFromDeletedItemsIsOnTheTimelineAndTheInactiveMailboxOutlivesThem() {
        TestUser user = licensed(OFFICE_365_E3);
        placeHold(user, "LITIGATION_HOLD");
        UserEventsOnKafka.publish(user.deleted(null, null, DELETED));
        awaitMailbox(user, json -> "INACTIVE".equals(json.getString("state")));

        UserEventsOnKafka.publish(new UserPurged(user.tenantId(), user.userId(), user.userPrincipalName(), null,
                DELETED.plus(Duration.ofDays(30))));

        await().atMost(AdminApi.EVENT_APPLIED).until(() -> asGlobalAdmin(user)
                .get("/api/v1/users/{userId}/timeline", user.userId()).jsonPath().getList("entries.event")
                .contains("USER_PURGED"));
        assertThat(awaitMailbox(user, json -> true).getString("state")).isEqualTo("INACTIVE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"days\":29}", "{\"days\":3651}", "{\"days\":\"a year\"}", "{}", "{\"days\":-1}", "{bad"})
    void aRetentionOutsideThirtyToThreeThousandSixHundredFiftyDaysIsABadRequest(String body) {
        UUID tenant = UUID.randomUUID();
        given().auth().oauth2(DevTokens.token(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR)).contentType(ContentType.JSON)
                .body(body).put("/api/v1/tenant/onedrive-retention")
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        given().auth().oauth2(DevTokens.token(tenant, DirectoryRole.GLOBAL_READER)).get("/api/v1/tenant/onedrive-settings")
                .then().statusCode(200).body("retentionDays", equalTo(30));
    }

    @Test
    void theRetentionBoundsAreAcceptedAndOnlyGlobalAdministratorsSetThem() {
        UUID tenant = UUID.randomUUID();
        for (int days : new int[] {30, 3650}) {
            given().auth().oauth2(DevTokens.token(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR)).contentType(ContentType.JSON)
                    .body(Map.of("days", days)).put("/api/v1/tenant/onedrive-retention")
                    .then().statusCode(200).body("retentionDays", equalTo(days));
        }
        given().auth().oauth2(DevTokens.token(tenant, DirectoryRole.USER_ADMINISTRATOR)).contentType(ContentType.JSON)
                .body(Map.of("days", 60)).put("/api/v1/tenant/onedrive-retention")
                .then().statusCode(403);
        given().auth().oauth2(DevTokens.token(UUID.randomUUID(), DirectoryRole.GLOBAL_READER)).get("/api/v1/tenant/onedrive-settings")
                .then().statusCode(200).body("retentionDays", equalTo(30));
        given().auth().oauth2(DevTokens.token(tenant, DirectoryRole.GLOBAL_READER)).get("/api/v1/tenant/onedrive-settings")
                .then().statusCode(200).body("retentionDays", equalTo(3650));
    }
}
