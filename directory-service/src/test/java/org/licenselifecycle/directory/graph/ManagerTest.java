package org.licenselifecycle.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.deleteUser;
import static org.licenselifecycle.directory.UserFixtures.outboxEvents;
import static org.licenselifecycle.directory.UserFixtures.outboxPayloads;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.directory.users.DeletedUsersPurge;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserUpdated;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class ManagerTest {

    @Inject
    EntityManager entityManager;

    @Inject
    MovableClock clock;

    @Inject
    DeletedUsersPurge purge;

    @ParameterizedTest
    @ValueSource(strings = {"%s/v1.0/users/%s", "https://graph.microsoft.com/v1.0/users/%2$s",
        "https://graph.microsoft.com/v1.0/directoryObjects/%2$s"})
    void aManagerIsSetByReferenceReadBackAndAnnounced(String reference) {
        UUID tenant = UUID.randomUUID();
        String employee = createUser(tenant, "employee");
        String boss = createUser(tenant, "boss");

        setManager(tenant, employee, String.format(reference, base(), boss)).statusCode(204);

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}/manager", employee)
                .then().statusCode(200)
                .body("'@odata.context'", endsWith("/v1.0/$metadata#directoryObjects/$entity"))
                .body("'@odata.type'", equalTo("#microsoft.graph.user"))
                .body("id", equalTo(boss))
                .body("userPrincipalName", equalTo("boss@contoso.com"));
        assertThat(outboxPayloads(entityManager, employee, "UserUpdated")).singleElement()
                .extracting(json -> EventJson.read(json, UserUpdated.class).managerId())
                .isEqualTo(UUID.fromString(boss));
    }

    @Test
    void aManagerIsRemovedAndThenThereIsNone() {
        UUID tenant = UUID.randomUUID();
        String employee = createUser(tenant, "leaving");
        String boss = newManagerOf(tenant, employee, "formerboss");

        asUserAdministrator(tenant).when().delete("/v1.0/users/{upn}/manager/$ref", "leaving@contoso.com")
                .then().statusCode(204);

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}/manager", employee)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        asUserAdministrator(tenant).when().delete("/v1.0/users/{id}/manager/$ref", employee).then().statusCode(404);
        List<String> updates = outboxPayloads(entityManager, employee, "UserUpdated");
        assertThat(updates).hasSize(2);
        assertThat(EventJson.read(updates.get(1), UserUpdated.class).managerId()).isNull();
    }

    @Test
    void settingTheSameManagerAgainAnnouncesNothingNew() {
        UUID tenant = UUID.randomUUID();
        String employee = createUser(tenant, "steady");
        String boss = newManagerOf(tenant, employee, "steadyboss");
        setManager(tenant, employee, userReference(boss)).statusCode(204);
        assertThat(outboxEvents(entityManager, employee, "UserUpdated")).isEqualTo(1);
    }

    @Test
    void anUnknownDeletedOrAnotherTenantsManagerIsNotFoundAndNothingChanges() {
        UUID tenant = UUID.randomUUID();
        String employee = createUser(tenant, "alone");
        String deletedBoss = createUser(tenant, "deletedboss");
        deleteUser(tenant, deletedBoss);
        String stranger = createUser(UUID.randomUUID(), "stranger");

        for (String manager : List.of(UUID.randomUUID().toString(), deletedBoss, stranger, "not-a-guid")) {
            setManager(tenant, employee, "https://graph.microsoft.com/v1.0/users/" + manager)
                    .statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        }
        setManager(tenant, UUID.randomUUID().toString(), userReference(employee)).statusCode(404);
        assertNoManager(tenant, employee);
    }

    @Test
    void aUserCannotManageThemselvesNorCloseACycle() {
        UUID tenant = UUID.randomUUID();
        String ceo = createUser(tenant, "ceo");
        String vp = createUser(tenant, "vp");
        String lead = createUser(tenant, "lead");
        setManager(tenant, vp, userReference(ceo)).statusCode(204);
        setManager(tenant, lead, userReference(vp)).statusCode(204);

        setManager(tenant, ceo, userReference(ceo))
                .statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        setManager(tenant, ceo, userReference(lead))
                .statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        setManager(tenant, ceo, userReference(vp)).statusCode(400);

        assertNoManager(tenant, ceo);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"@odata.id\": 42}", "{\"@odata.id\": \"https://graph.microsoft.com/v1.0/groups/x\"}",
        "{\"@odata.id\": \"\"}", "[]", "{\"@odata.id\": \"x\""})
    void anInvalidReferenceIsABadRequest(String body) {
        UUID tenant = UUID.randomUUID();
        String employee = createUser(tenant, "badref");

        asUserAdministrator(tenant).contentType(ContentType.JSON).body(body)
                .when().put("/v1.0/users/{id}/manager/$ref", employee)
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        assertNoManager(tenant, employee);
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"GLOBAL_READER", "LICENSE_ADMINISTRATOR", "HELPDESK_ADMINISTRATOR"})
    void onlyGlobalAndUserAdministratorsMayChangeAManagerButMembersMayReadIt(DirectoryRole role) {
        UUID tenant = UUID.randomUUID();
        String employee = createUser(tenant, "guardedreport");
        String boss = createUser(tenant, "guardedboss");
        String other = createUser(tenant, "otherboss");
        setManager(tenant, employee, userReference(boss)).statusCode(204);

        as(tenant, role).contentType(ContentType.JSON).body("{\"@odata.id\": \"" + userReference(other) + "\"}")
                .when().put("/v1.0/users/{id}/manager/$ref", employee)
                .then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
        as(tenant, role).when().delete("/v1.0/users/{id}/manager/$ref", employee).then().statusCode(403);
        as(tenant).when().get("/v1.0/users/{id}/manager", employee).then().statusCode(200).body("id", equalTo(boss));
    }

    @Test
    void theUserDeletedEventNamesTheManagerWhoGetsTheOneDrive() {
        UUID tenant = UUID.randomUUID();
        String employee = createUser(tenant, "departing");
        String boss = newManagerOf(tenant, employee, "departingboss");

        deleteUser(tenant, employee);

        assertThat(outboxPayloads(entityManager, employee, "UserDeleted")).singleElement()
                .extracting(json -> EventJson.read(json, UserDeleted.class).managerId())
                .isEqualTo(UUID.fromString(boss));
    }

    @Test
    void aDeletedManagerIsHiddenUntilRestoredAndAPurgedOneIsGoneFromTheReports() {
        UUID tenant = UUID.randomUUID();
        String employee = createUser(tenant, "report");
        String boss = newManagerOf(tenant, employee, "purgedboss");

        deleteUser(tenant, boss);
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}/manager", employee).then().statusCode(404);
        asUserAdministrator(tenant).when().post("/v1.0/directory/deletedItems/{id}/restore", boss).then().statusCode(200);
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}/manager", employee).then().statusCode(200);

        deleteUser(tenant, boss);
        try {
            clock.fixAt(Instant.now().plus(Duration.ofDays(31)));
            purge.purgeDue();
        } finally {
            clock.release();
        }

        assertNoManagerAfterEvents(tenant, employee);
    }

    private void assertNoManagerAfterEvents(UUID tenant, String employee) {
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}/manager", employee).then().statusCode(404);
        List<String> updates = outboxPayloads(entityManager, employee, "UserUpdated");
        assertThat(EventJson.read(updates.get(updates.size() - 1), UserUpdated.class).managerId()).isNull();
    }

    private void assertNoManager(UUID tenant, String employee) {
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}/manager", employee)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        assertThat(outboxEvents(entityManager, employee, "UserUpdated")).isZero();
    }

    /** A new user of the tenant named {@code mailNickname}, set through Graph as the employee's manager; their id. */
    private static String newManagerOf(UUID tenant, String employee, String mailNickname) {
        String manager = createUser(tenant, mailNickname);
        setManager(tenant, employee, userReference(manager)).statusCode(204);
        return manager;
    }

    private static ValidatableResponse setManager(UUID tenant, String employee, String reference) {
        return asUserAdministrator(tenant).contentType(ContentType.JSON).body("{\"@odata.id\": \"" + reference + "\"}")
                .when().put("/v1.0/users/{id}/manager/$ref", employee)
                .then();
    }

    /** A reference ({@code @odata.id}) to a user by this service's own URL. */
    private static String userReference(String userId) {
        return base() + "/v1.0/users/" + userId;
    }

    private static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }
}
