package org.licenselifecycle.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.licenselifecycle.directory.UserFixtures.PASSWORD;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.body;
import static org.licenselifecycle.directory.UserFixtures.createSyncedUser;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.deleteUser;
import static org.licenselifecycle.directory.UserFixtures.outboxEvents;
import static org.licenselifecycle.directory.UserFixtures.outboxPayloads;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.UserUpdated;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class UpdateUserTest {

    @Inject
    EntityManager entityManager;

    @Inject
    MovableClock clock;

    @Test
    void aPatchSetsTheGivenPropertiesAnswers204AndAnnouncesTheWholeSnapshot() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "patched");
        Instant at = Instant.parse("2026-11-03T08:00:00Z");
        try {
            clock.fixAt(at);
            asUserAdministrator(tenant).contentType(ContentType.JSON).body("""
                    {"displayName": "Adele Vance", "givenName": "Adele", "surname": "Vance", "mail": "adele@contoso.com",
                     "userPrincipalName": "adele.vance@contoso.com", "usageLocation": "DE", "accountEnabled": false,
                     "jobTitle": "Retail Manager", "department": "Retail", "officeLocation": "ignored",
                     "@odata.type": "#microsoft.graph.user"}""")
                    .when().patch("/v1.0/users/{upn}", "patched@contoso.com")
                    .then().statusCode(204);
        } finally {
            clock.release();
        }

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", id).then().statusCode(200)
                .body("displayName", equalTo("Adele Vance"))
                .body("givenName", equalTo("Adele"))
                .body("surname", equalTo("Vance"))
                .body("mail", equalTo("adele@contoso.com"))
                .body("userPrincipalName", equalTo("adele.vance@contoso.com"))
                .body("usageLocation", equalTo("DE"))
                .body("accountEnabled", equalTo(false))
                .body("jobTitle", equalTo("Retail Manager"))
                .body("department", equalTo("Retail"))
                .body("mailNickname", equalTo("patched"));
        assertThat(outboxPayloads(entityManager, id, "UserUpdated")).singleElement()
                .extracting(json -> EventJson.read(json, UserUpdated.class))
                .isEqualTo(new UserUpdated(tenant, UUID.fromString(id), "adele.vance@contoso.com", "Adele Vance", "DE",
                        false, null, at));
    }

    @Test
    void nullClearsAnOptionalPropertyAndLeavesTheOthers() {
        UUID tenant = UUID.randomUUID();
        Map<String, Object> body = body("clearme");
        body.put("jobTitle", "Buyer");
        body.put("department", "Sales");
        String id = asUserAdministrator(tenant).contentType(ContentType.JSON).body(body)
                .when().post("/v1.0/users").then().statusCode(201).extract().path("id");

        asUserAdministrator(tenant).contentType(ContentType.JSON).body("{\"jobTitle\": null, \"usageLocation\": null}")
                .when().patch("/v1.0/users/{id}", id).then().statusCode(204);

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", id).then()
                .body("jobTitle", nullValue())
                .body("usageLocation", nullValue())
                .body("department", equalTo("Sales"));
    }

    @Test
    void aPatchThatChangesNothingAnnouncesNothing() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "same");

        asUserAdministrator(tenant).contentType(ContentType.JSON)
                .body("{\"usageLocation\": \"US\", \"accountEnabled\": true, \"userPrincipalName\": \"same@contoso.com\"}")
                .when().patch("/v1.0/users/{id}", id).then().statusCode(204);
        asUserAdministrator(tenant).contentType(ContentType.JSON).body("{}")
                .when().patch("/v1.0/users/{id}", id).then().statusCode(204);

        assertThat(outboxEvents(entityManager, id, "UserUpdated")).isZero();
    }

    @Test
    void aUserMayChangeTheCaseOfTheirOwnUserPrincipalName() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "casey");

        asUserAdministrator(tenant).contentType(ContentType.JSON).body("{\"userPrincipalName\": \"Casey@contoso.com\"}")
                .when().patch("/v1.0/users/{id}", id).then().statusCode(204);
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", id).then()
                .body("userPrincipalName", equalTo("Casey@contoso.com"));
    }

    @Test
    void anotherUsersUserPrincipalNameIsRefusedAndNothingChanges() {
        UUID tenant = UUID.randomUUID();
        createUser(tenant, "taken");
        String id = createUser(tenant, "wants");

        asUserAdministrator(tenant).contentType(ContentType.JSON)
                .body("{\"userPrincipalName\": \"TAKEN@contoso.com\", \"displayName\": \"Not Applied\"}")
                .when().patch("/v1.0/users/{id}", id)
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("Another object with the same value for property userPrincipalName already exists."));

        assertUnchanged(tenant, id, "wants");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"displayName\": null}", "{\"displayName\": \"\"}", "{\"displayName\": 42}",
        "{\"userPrincipalName\": null}", "{\"userPrincipalName\": \"no-at-sign\"}", "{\"userPrincipalName\": \"a@b\"}",
        "{\"usageLocation\": \"us\"}", "{\"usageLocation\": \"XX\"}", "{\"usageLocation\": \"USA\"}",
        "{\"accountEnabled\": \"false\"}", "{\"accountEnabled\": null}", "{\"accountEnabled\": 0}",
        "{\"mail\": \"not-mail\"}", "{\"jobTitle\": 42}", "{\"department\": true}", "{\"surname\": \"   \"}",
        "[]", "\"text\"", "{\"displayName\": \"x\"", "{\"displayName\": \"Valid\", \"usageLocation\": \"ZZ\"}",
        "{\"passwordProfile\": null}", "{\"passwordProfile\": \"Pa55-word!x\"}", "{\"passwordProfile\": {}}",
        "{\"passwordProfile\": {\"password\": 42}}", "{\"passwordProfile\": {\"password\": \"\"}}",
        "{\"passwordProfile\": {\"password\": \"Pa55-word!x\", \"forceChangePasswordNextSignIn\": \"yes\"}}"})
    void anInvalidBodyIsABadRequestAndChangesNothing(String json) {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "invalid");

        asUserAdministrator(tenant).contentType(ContentType.JSON).body(json)
                .when().patch("/v1.0/users/{id}", id)
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"));

        assertUnchanged(tenant, id, "invalid");
    }

    @Test
    void aPasswordResetKeepsOnlyTheNewPasswordsHashAndAnnouncesNothing() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "forgetful");
        String newPassword = "Vb3!kq9#Tz6@Wm2p";

        asUserAdministrator(tenant).contentType(ContentType.JSON)
                .body(Map.of("passwordProfile", Map.of("password", newPassword, "forceChangePasswordNextSignIn", false)))
                .when().patch("/v1.0/users/{id}", id)
                .then().statusCode(204);

        Object[] stored = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager
                .createNativeQuery("SELECT password_hash, force_change_password_next_sign_in FROM users WHERE id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
        assertThat(BcryptUtil.matches(newPassword, (String) stored[0])).isTrue();
        assertThat(BcryptUtil.matches(PASSWORD, (String) stored[0])).isFalse();
        assertThat(stored[1]).isEqualTo(false);
        assertUnchanged(tenant, id, "forgetful");
    }

    @Test
    void aPatchWithoutABodyIsABadRequest() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "empty");

        asUserAdministrator(tenant).contentType(ContentType.JSON)
                .when().patch("/v1.0/users/{id}", id)
                .then().statusCode(400);
        assertUnchanged(tenant, id, "empty");
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"GLOBAL_READER", "LICENSE_ADMINISTRATOR", "HELPDESK_ADMINISTRATOR",
            "BILLING_ADMINISTRATOR"})
    void onlyGlobalAndUserAdministratorsMayChangeAUsersProperties(DirectoryRole role) {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "guarded");

        as(tenant, role).contentType(ContentType.JSON).body("{\"displayName\": \"Not Applied\"}")
                .when().patch("/v1.0/users/{id}", id)
                .then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"));
        assertUnchanged(tenant, id, "guarded");
    }

    @Test
    void anotherTenantsOrADeletedUserIsNotFound() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "elsewhere");
        String deleted = createUser(tenant, "deleted");
        deleteUser(tenant, deleted);

        as(UUID.randomUUID(), DirectoryRole.GLOBAL_ADMINISTRATOR).contentType(ContentType.JSON)
                .body("{\"displayName\": \"Not Applied\"}")
                .when().patch("/v1.0/users/{id}", id)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        asUserAdministrator(tenant).contentType(ContentType.JSON).body("{\"displayName\": \"Not Applied\"}")
                .when().patch("/v1.0/users/{id}", deleted)
                .then().statusCode(404);
        assertUnchanged(tenant, id, "elsewhere");
        assertThat(outboxEvents(entityManager, deleted, "UserUpdated")).isZero();
    }

    @Test
    void anAccountMasteredOnPremisesCannotBeEditedOrDeletedHere() {
        UUID tenant = UUID.randomUUID();
        String id = createSyncedUser(tenant, "synced");
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", id).then().statusCode(200)
                .body("onPremisesSyncEnabled", equalTo(true));
        String message = "Unable to update the specified properties for on-premises mastered Directory Sync objects"
                + " or objects currently undergoing migration.";

        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).contentType(ContentType.JSON).body("{\"displayName\": \"Not Applied\"}")
                .when().patch("/v1.0/users/{id}", id)
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo(message));
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete("/v1.0/users/{id}", id)
                .then().statusCode(400)
                .body("error.message", equalTo(message));

        assertUnchanged(tenant, id, "synced");
        assertThat(outboxEvents(entityManager, id, "UserDeleted")).isZero();
    }

    /** Only the directory synchronization masters an account on premises, or hands it back to the cloud. */
    @Test
    void settingOnPremisesSyncEnabledIsRefusedAsReadOnlyAndChangesNothing() {
        UUID tenant = UUID.randomUUID();
        String cloud = createUser(tenant, "cloudonly");
        String synced = createSyncedUser(tenant, "syncedonly");
        String message = "Property 'onPremisesSyncEnabled' is read-only and cannot be set.";

        for (String body : List.of("{\"onPremisesSyncEnabled\": true, \"displayName\": \"Not Applied\"}",
                "{\"onPremisesSyncEnabled\": false, \"displayName\": \"Not Applied\"}")) {
            as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).contentType(ContentType.JSON).body(body)
                    .when().patch("/v1.0/users/{id}", cloud)
                    .then().statusCode(400)
                    .body("error.code", equalTo("Request_BadRequest"))
                    .body("error.message", equalTo(message));
        }
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).contentType(ContentType.JSON)
                .body("{\"onPremisesSyncEnabled\": false}")
                .when().patch("/v1.0/users/{id}", synced)
                .then().statusCode(400);

        assertUnchanged(tenant, cloud, "cloudonly");
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", cloud).then().body("onPremisesSyncEnabled", nullValue());
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", synced).then().body("onPremisesSyncEnabled", equalTo(true));
        assertThat(outboxEvents(entityManager, cloud, "UserUpdated")).isZero();
    }

    @Test
    void aCloudAccountHasNoOnPremisesSyncFlag() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "cloud");
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", id).then().body("onPremisesSyncEnabled", nullValue());
    }

    private void assertUnchanged(UUID tenant, String id, String alias) {
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", id).then().statusCode(200)
                .body("displayName", equalTo("Adele Vance " + alias))
                .body("userPrincipalName", equalTo(alias + "@contoso.com"))
                .body("usageLocation", equalTo("US"))
                .body("accountEnabled", equalTo(true));
        assertThat(outboxEvents(entityManager, id, "UserUpdated")).isZero();
    }
}
