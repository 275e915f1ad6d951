package org.licenselifecycle.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.body;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.deleteUser;
import static org.licenselifecycle.directory.UserFixtures.outboxEvents;
import static org.licenselifecycle.directory.UserFixtures.usersIn;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class DeletedItemsTest {

    private static final String DELETED_USERS = "/v1.0/directory/deletedItems/microsoft.graph.user";

    @Inject
    EntityManager entityManager;

    @Test
    void aDeletedUserLeavesActiveUsersAndWaitsInDeletedItemsWithItsDeletedDateTime() {
        UUID tenant = UUID.randomUUID();
        String kept = createUser(tenant, "kept");
        String gone = createUser(tenant, "gone");
        Instant before = Instant.now().minusSeconds(1);

        asUserAdministrator(tenant).when().delete("/v1.0/users/{upn}", "GONE@contoso.com")
                .then().statusCode(204);

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", gone)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        asUserAdministrator(tenant).when().get("/v1.0/users/{upn}", "gone@contoso.com").then().statusCode(404);
        asUserAdministrator(tenant).when().get("/v1.0/users").then().statusCode(200)
                .body("value.id", equalTo(List.of(kept)));
        JsonPath deleted = as(tenant, DirectoryRole.GLOBAL_READER).when().get(DELETED_USERS)
                .then().statusCode(200)
                .body("'@odata.context'", endsWith("/v1.0/$metadata#directory/deletedItems/microsoft.graph.user"))
                .body("value", hasSize(1))
                .body("value[0].id", equalTo(gone))
                .body("value[0].userPrincipalName", equalTo("gone@contoso.com"))
                .body("value[0].displayName", equalTo("Adele Vance gone"))
                .extract().jsonPath();
        assertThat(Instant.parse(deleted.getString("value[0].deletedDateTime"))).isBetween(before, Instant.now());
        assertThat(usersIn(entityManager, tenant)).as("soft: the row stays").isEqualTo(2);
    }

    @Test
    void aRestoredUserComesBackWithTheSameIdAndPropertiesAndLeavesDeletedItems() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "comeback");
        deleteUser(tenant, id);

        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).contentType(ContentType.JSON).body("{}")
                .when().post("/v1.0/directory/deletedItems/{id}/restore", id)
                .then().statusCode(200)
                .body("'@odata.context'", endsWith("/v1.0/$metadata#directoryObjects/$entity"))
                .body("'@odata.type'", equalTo("#microsoft.graph.user"))
                .body("id", equalTo(id))
                .body("userPrincipalName", equalTo("comeback@contoso.com"))
                .body("usageLocation", equalTo("US"));

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", id).then().statusCode(200)
                .body("displayName", equalTo("Adele Vance comeback"));
        asUserAdministrator(tenant).when().get(DELETED_USERS).then().statusCode(200).body("value", hasSize(0));
        assertThat(outboxEvents(entityManager, id, "UserRestored")).isEqualTo(1);
    }

    @Test
    void aDeletedUserIsReadByIdAsADirectoryObjectAndAnActiveOneIsNotThere() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "readable");
        String active = createUser(tenant, "stillactive");
        deleteUser(tenant, id);

        as(tenant, DirectoryRole.GLOBAL_READER).when().get("/v1.0/directory/deletedItems/{id}", id)
                .then().statusCode(200)
                .body("'@odata.type'", equalTo("#microsoft.graph.user"))
                .body("id", equalTo(id))
                .body("deletedDateTime", notNullValue());
        asUserAdministrator(tenant).when().get("/v1.0/directory/deletedItems/{id}", active).then().statusCode(404);
        as(UUID.randomUUID(), DirectoryRole.GLOBAL_ADMINISTRATOR).when().get("/v1.0/directory/deletedItems/{id}", id)
                .then().statusCode(404);
    }

    @Test
    void aPermanentlyDeletedUserTakesTheirRoleAssignmentsWithThem() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "roleholder");
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).contentType(ContentType.JSON)
                .body("{\"principalId\": \"" + id + "\", \"roleDefinitionId\": \""
                        + DirectoryRole.LICENSE_ADMINISTRATOR.templateId() + "\", \"directoryScopeId\": \"/\"}")
                .when().post("/v1.0/roleManagement/directory/roleAssignments").then().statusCode(201);
        // a License Administrator is deleted, restored and removed for good by a Global Administrator only
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete("/v1.0/users/{id}", id).then().statusCode(204);
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().get("/v1.0/roleManagement/directory/roleAssignments")
                .then().body("value", hasSize(0));
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().post("/v1.0/directory/deletedItems/{id}/restore", id)
                .then().statusCode(200);
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().get("/v1.0/roleManagement/directory/roleAssignments")
                .then().body("value", hasSize(1));

        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete("/v1.0/users/{id}", id).then().statusCode(204);
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete("/v1.0/directory/deletedItems/{id}", id)
                .then().statusCode(204);
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM role_assignments WHERE tenant_id = ?1")
                .setParameter(1, tenant).getSingleResult()).longValue())).isZero();
    }

    @Test
    void aRestoreWithoutABodyWorksToo() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "nobody");
        deleteUser(tenant, id);

        asUserAdministrator(tenant).when().post("/v1.0/directory/deletedItems/{id}/restore", id)
                .then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aDeletedUsersNameIsFreeForANewUserAndTheRestoreIsThenRefusedAndChangesNothing() {
        UUID tenant = UUID.randomUUID();
        String old = createUser(tenant, "reused");
        deleteUser(tenant, old);
        String newcomer = createUser(tenant, "reused");

        asUserAdministrator(tenant).when().post("/v1.0/directory/deletedItems/{id}/restore", old)
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo(
                        "Another object with the same value for property userPrincipalName already exists."));

        asUserAdministrator(tenant).when().get(DELETED_USERS).then().body("value.id", equalTo(List.of(old)));
        asUserAdministrator(tenant).when().get("/v1.0/users").then().body("value.id", equalTo(List.of(newcomer)));
        assertThat(outboxEvents(entityManager, old, "UserRestored")).isZero();
    }

    @Test
    void aPermanentDeleteRemovesTheUserForGood() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "forgood");
        deleteUser(tenant, id);

        UUID admin = UUID.randomUUID();
        RestAssured.given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.GLOBAL_ADMINISTRATOR))
                .when().delete("/v1.0/directory/deletedItems/{id}", id)
                .then().statusCode(204);

        asUserAdministrator(tenant).when().get(DELETED_USERS).then().body("value", hasSize(0));
        asUserAdministrator(tenant).when().post("/v1.0/directory/deletedItems/{id}/restore", id)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        assertThat(usersIn(entityManager, tenant)).isZero();
        assertThat(outboxEvents(entityManager, id, "UserPurged")).isEqualTo(1);
    }

    @Test
    void anActiveUserCannotBeRestoredNorPermanentlyDeleted() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "active");

        asUserAdministrator(tenant).when().delete("/v1.0/directory/deletedItems/{id}", id)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        asUserAdministrator(tenant).when().post("/v1.0/directory/deletedItems/{id}/restore", id)
                .then().statusCode(404);
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", id).then().statusCode(200);
        assertThat(outboxEvents(entityManager, id, "UserPurged") + outboxEvents(entityManager, id, "UserRestored"))
                .isZero();
    }

    @Test
    void deletingTwiceOrAnUnknownUserIsNotFound() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "twice");
        deleteUser(tenant, id);

        asUserAdministrator(tenant).when().delete("/v1.0/users/{id}", id)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        asUserAdministrator(tenant).when().delete("/v1.0/users/{id}", UUID.randomUUID()).then().statusCode(404);
        asUserAdministrator(tenant).when().delete("/v1.0/directory/deletedItems/{id}", "not-a-guid").then().statusCode(404);
        assertThat(outboxEvents(entityManager, id, "UserDeleted")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"GLOBAL_READER", "LICENSE_ADMINISTRATOR", "HELPDESK_ADMINISTRATOR",
            "BILLING_ADMINISTRATOR"})
    void onlyGlobalAndUserAdministratorsMayDeleteRestoreOrPurge(DirectoryRole role) {
        UUID tenant = UUID.randomUUID();
        String active = createUser(tenant, "stays");
        String deleted = createUser(tenant, "staysdeleted");
        deleteUser(tenant, deleted);

        as(tenant, role).when().delete("/v1.0/users/{id}", active)
                .then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
        as(tenant, role).when().post("/v1.0/directory/deletedItems/{id}/restore", deleted).then().statusCode(403);
        as(tenant, role).when().delete("/v1.0/directory/deletedItems/{id}", deleted).then().statusCode(403);

        asUserAdministrator(tenant).when().get("/v1.0/users").then().body("value.id", equalTo(List.of(active)));
        asUserAdministrator(tenant).when().get(DELETED_USERS).then().body("value.id", equalTo(List.of(deleted)));
    }

    @Test
    void aMemberWithoutARoleMayNotListDeletedItems() {
        as(UUID.randomUUID()).when().get(DELETED_USERS)
                .then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
        RestAssured.given().when().get(DELETED_USERS)
                .then().statusCode(401).body("error.code", equalTo("InvalidAuthenticationToken"));
    }

    @Test
    void anotherTenantsUsersCannotBeDeletedRestoredPurgedOrSeen() {
        UUID contoso = UUID.randomUUID();
        UUID fabrikam = UUID.randomUUID();
        String active = createUser(contoso, "contosoactive");
        String deleted = createUser(contoso, "contosodeleted");
        deleteUser(contoso, deleted);

        as(fabrikam, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete("/v1.0/users/{id}", active).then().statusCode(404);
        as(fabrikam, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete("/v1.0/users/{upn}", "contosoactive@contoso.com")
                .then().statusCode(404);
        as(fabrikam, DirectoryRole.GLOBAL_ADMINISTRATOR).when()
                .post("/v1.0/directory/deletedItems/{id}/restore", deleted).then().statusCode(404);
        as(fabrikam, DirectoryRole.GLOBAL_ADMINISTRATOR).when()
                .delete("/v1.0/directory/deletedItems/{id}", deleted).then().statusCode(404);
        as(fabrikam, DirectoryRole.GLOBAL_ADMINISTRATOR).when().get(DELETED_USERS)
                .then().statusCode(200).body("value.id", not(hasItem(deleted)));

        asUserAdministrator(contoso).when().get("/v1.0/users/{id}", active).then().statusCode(200);
        asUserAdministrator(contoso).when().get(DELETED_USERS).then().body("value.id", equalTo(List.of(deleted)));
    }

    @Test
    void deletedItemsArePagedWithAnAbsoluteNextLinkAndSelect() {
        UUID tenant = UUID.randomUUID();
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String id = createUser(tenant, "paged" + i);
            deleteUser(tenant, id);
            deleted.add(id);
        }

        JsonPath first = asUserAdministrator(tenant).queryParam("$top", 2).queryParam("$select", "id,deletedDateTime")
                .when().get(DELETED_USERS)
                .then().statusCode(200)
                .body("value", hasSize(2))
                .body("value[0].deletedDateTime", notNullValue())
                .extract().jsonPath();
        assertThat(first.getMap("value[0]")).containsOnlyKeys("id", "deletedDateTime");
        String next = first.getString("'@odata.nextLink'");
        assertThat(next).startsWith("http://").contains(DELETED_USERS + "?$top=2&$select=id,deletedDateTime&$skiptoken=");

        List<String> seen = new ArrayList<>(first.getList("value.id"));
        seen.addAll(asUserAdministrator(tenant).urlEncodingEnabled(false).when().get(next)
                .then().statusCode(200)
                .body("$", not(org.hamcrest.Matchers.hasKey("@odata.nextLink")))
                .extract().jsonPath().getList("value.id"));
        assertThat(seen).containsExactlyInAnyOrderElementsOf(deleted);
    }

    @Test
    void aRestoredUserCanBeDeletedAgain() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "again");
        deleteUser(tenant, id);
        asUserAdministrator(tenant).when().post("/v1.0/directory/deletedItems/{id}/restore", id).then().statusCode(200);
        deleteUser(tenant, id);

        assertThat(outboxEvents(entityManager, id, "UserDeleted")).isEqualTo(2);
        asUserAdministrator(tenant).contentType(ContentType.JSON).body(body("again"))
                .when().post("/v1.0/users").then().statusCode(201);
    }
}
