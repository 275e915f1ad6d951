package org.licenselifecycle.directory.offboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.createSyncedUser;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.outboxEvents;
import static org.licenselifecycle.directory.UserFixtures.outboxPayloads;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserLicensesReleaseRequested;
import org.licenselifecycle.events.UserUpdated;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class OffboardingTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    @Inject
    EntityManager entityManager;

    @Inject
    MovableClock clock;

    @Test
    void blockingAndDeletingFreesTheLicensesAtOnceAndGivesTheOneDriveToTheManager() {
        UUID tenant = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        String leaver = createUser(tenant, "leaver");
        String boss = createUser(tenant, "leaverboss");
        asUserAdministrator(tenant).contentType(ContentType.JSON)
                .body("{\"@odata.id\": \"https://graph.microsoft.com/v1.0/users/" + boss + "\"}")
                .when().put("/v1.0/users/{id}/manager/$ref", leaver).then().statusCode(204);

        try {
            clock.fixAt(NOW);
            RestAssured.given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.USER_ADMINISTRATOR))
                    .contentType(ContentType.JSON)
                    .body("{\"blockSignIn\": true, \"unassignLicenses\": true, \"deleteUser\": true}")
                    .when().post("/api/v1/users/{upn}/offboard", "leaver@contoso.com")
                    .then().statusCode(200)
                    .body("userId", equalTo(leaver))
                    .body("signInBlocked", equalTo(true))
                    .body("deleted", equalTo(true))
                    .body("restorableUntil", equalTo("2026-12-27T09:00:00Z"))
                    .body("licenses.state", equalTo("FREED"))
                    // the data's dates are data-lifecycle-service's, which these tests do not run: the offboarding is
                    // done all the same, and its answer says the dates could not be had rather than guessing them
                    // (system-tests' OffboardingEndToEndIT asserts the dates lifecycle gives: 2026-12-27 here)
                    .body("dataOutcomeKnown", equalTo(false))
                    .body("mailbox.purgeAfter", nullValue())
                    .body("mailbox.summary", containsString("could not be had now"))
                    .body("mailbox.summary", containsString("Restoring the user before 2026-12-27 brings it back."))
                    .body("oneDrive.deleteAfter", nullValue())
                    .body("oneDrive.accessFor", equalTo("leaverboss@contoso.com"))
                    .body("oneDrive.summary", containsString("could not be had now"));
        } finally {
            clock.release();
        }

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", leaver).then().statusCode(404);
        asUserAdministrator(tenant).when().get("/v1.0/directory/deletedItems/microsoft.graph.user")
                .then().body("value[0].id", equalTo(leaver)).body("value[0].accountEnabled", equalTo(false));
        List<String> updates = outboxPayloads(entityManager, leaver, "UserUpdated");
        assertThat(updates).as("the manager set, then sign-in blocked").hasSize(2);
        assertThat(EventJson.read(updates.get(1), UserUpdated.class).accountEnabled()).isFalse();
        assertThat(EventJson.read(outboxPayloads(entityManager, leaver, "UserDeleted").get(0), UserDeleted.class))
                .isEqualTo(new UserDeleted(tenant, UUID.fromString(leaver), "leaver@contoso.com", UUID.fromString(boss),
                        admin, NOW, Instant.parse("2026-12-27T09:00:00Z")));
        assertThat(outboxEvents(entityManager, leaver, "UserLicensesReleaseRequested"))
                .as("deleting frees the licenses already").isZero();
    }

    @Test
    void whileDataLifecycleIsAwayTheUserIsStillDeletedAndTheAnswerGivesNoDataDatesRatherThanGuessingThem() {
        // these tests run no data-lifecycle-service (directory.lifecycle.url is a closed port): it is away
        UUID tenant = UUID.randomUUID();
        String leaver = createUser(tenant, "awayleaver");

        asUserAdministrator(tenant).contentType(ContentType.JSON)
                .body("{\"blockSignIn\": false, \"unassignLicenses\": false, \"deleteUser\": true}")
                .when().post("/api/v1/users/{id}/offboard", leaver)
                .then().statusCode(200)
                .body("deleted", equalTo(true))
                .body("licenses.state", equalTo("FREED"))
                .body("dataOutcomeKnown", equalTo(false))
                .body("mailbox.purgeAfter", nullValue())
                .body("mailbox.summary", containsString("data-lifecycle-service could not be asked just now"))
                .body("oneDrive.deleteAfter", nullValue())
                .body("oneDrive.accessFor", nullValue())
                .body("oneDrive.summary", containsString("data-lifecycle-service could not be asked just now"));

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", leaver).then().statusCode(404);
        assertThat(outboxEvents(entityManager, leaver, "UserDeleted")).as("the deletion is announced all the same")
                .isEqualTo(1);
    }

    @Test
    void blockingAndUnassigningWithoutDeletingAsksLicensingToReleaseTheLicenses() {
        UUID tenant = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        String leaver = createUser(tenant, "delicensed");
        try {
            clock.fixAt(NOW);
            RestAssured.given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.GLOBAL_ADMINISTRATOR))
                    .contentType(ContentType.JSON)
                    .body("{\"blockSignIn\": true, \"unassignLicenses\": true, \"deleteUser\": false}")
                    .when().post("/api/v1/users/{id}/offboard", leaver)
                    .then().statusCode(200)
                    .body("signInBlocked", equalTo(true))
                    .body("deleted", equalTo(false))
                    .body("restorableUntil", nullValue())
                    .body("licenses.state", equalTo("RELEASE_REQUESTED"))
                    .body("dataOutcomeKnown", equalTo(false))
                    .body("mailbox.purgeAfter", nullValue())
                    .body("mailbox.summary", containsString("no longer searchable by eDiscovery"))
                    .body("mailbox.summary", containsString("could not be had now"))
                    .body("oneDrive.deleteAfter", nullValue());
        } finally {
            clock.release();
        }

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", leaver).then().statusCode(200)
                .body("accountEnabled", equalTo(false));
        assertThat(outboxPayloads(entityManager, leaver, "UserLicensesReleaseRequested")).singleElement()
                .extracting(json -> EventJson.read(json, UserLicensesReleaseRequested.class))
                .isEqualTo(new UserLicensesReleaseRequested(tenant, UUID.fromString(leaver), "delicensed@contoso.com",
                        admin, NOW));
        assertThat(outboxEvents(entityManager, leaver, "UserDeleted")).isZero();
    }

    @Test
    void blockingSignInAloneKeepsLicensesMailboxAndOneDrive() {
        UUID tenant = UUID.randomUUID();
        String leaver = createUser(tenant, "blockedonly");

        asUserAdministrator(tenant).contentType(ContentType.JSON)
                .body("{\"blockSignIn\": true, \"unassignLicenses\": false, \"deleteUser\": false}")
                .when().post("/api/v1/users/{id}/offboard", leaver)
                .then().statusCode(200)
                .body("licenses.state", equalTo("KEPT"))
                .body("dataOutcomeKnown", equalTo(true))
                .body("mailbox.purgeAfter", nullValue());

        assertThat(outboxEvents(entityManager, leaver, "UserUpdated")).isEqualTo(1);
        assertThat(outboxEvents(entityManager, leaver, "UserLicensesReleaseRequested")).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"blockSignIn\": true, \"deleteUser\": true}", "{\"blockSignIn\": \"yes\","
            + " \"unassignLicenses\": true, \"deleteUser\": true}", "[]", "{\"blockSignIn\": "})
    void anIncompleteRequestIsABadRequestAndChangesNothing(String json) {
        UUID tenant = UUID.randomUUID();
        String user = createUser(tenant, "incomplete");

        asUserAdministrator(tenant).contentType(ContentType.JSON).body(json)
                .when().post("/api/v1/users/{id}/offboard", user)
                .then().statusCode(400);
        assertUntouched(tenant, user);
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"LICENSE_ADMINISTRATOR", "GLOBAL_READER", "HELPDESK_ADMINISTRATOR"})
    void onlyGlobalAndUserAdministratorsMayRemoveAFormerEmployee(DirectoryRole role) {
        UUID tenant = UUID.randomUUID();
        String user = createUser(tenant, "protected");

        as(tenant, role).contentType(ContentType.JSON)
                .body("{\"blockSignIn\": true, \"unassignLicenses\": true, \"deleteUser\": true}")
                .when().post("/api/v1/users/{id}/offboard", user)
                .then().statusCode(403);
        assertUntouched(tenant, user);
    }

    @Test
    void anAccountMasteredOnPremisesOrAnotherTenantsUserIsRefusedAndUnchanged() {
        UUID tenant = UUID.randomUUID();
        String synced = createSyncedUser(tenant, "syncedleaver");
        String all = "{\"blockSignIn\": true, \"unassignLicenses\": true, \"deleteUser\": true}";

        asUserAdministrator(tenant).contentType(ContentType.JSON).body(all)
                .when().post("/api/v1/users/{id}/offboard", synced).then().statusCode(400);
        asUserAdministrator(UUID.randomUUID()).contentType(ContentType.JSON).body(all)
                .when().post("/api/v1/users/{id}/offboard", synced).then().statusCode(404);
        assertUntouched(tenant, synced);
    }

    private void assertUntouched(UUID tenant, String user) {
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", user).then().statusCode(200)
                .body("accountEnabled", equalTo(true));
        for (String event : List.of("UserUpdated", "UserDeleted", "UserLicensesReleaseRequested")) {
            assertThat(outboxEvents(entityManager, user, event)).as(event).isZero();
        }
    }
}
