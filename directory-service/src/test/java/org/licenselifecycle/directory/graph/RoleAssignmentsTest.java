package org.licenselifecycle.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.deleteUser;
import static org.licenselifecycle.directory.UserFixtures.uniqueAlias;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class RoleAssignmentsTest {

    private static final String ASSIGNMENTS = "/v1.0/roleManagement/directory/roleAssignments";
    private static final String LICENSE_ADMIN = DirectoryRole.LICENSE_ADMINISTRATOR.templateId();
    private static final String GLOBAL_ADMIN = DirectoryRole.GLOBAL_ADMINISTRATOR.templateId();

    @Test
    void aGlobalAdministratorAssignsARoleWhichIsListedFilteredAndRemoved() {
        UUID tenant = UUID.randomUUID();
        String adele = createUser(tenant, "licenseadmin");
        String alex = createUser(tenant, "useradmin");

        String id = assign(tenant, adele, LICENSE_ADMIN, "/")
                .statusCode(201)
                .header("Location", matchesPattern("http://.+" + ASSIGNMENTS + "/[0-9a-f-]{36}"))
                .body("'@odata.context'", endsWith("/v1.0/$metadata#roleManagement/directory/roleAssignments/$entity"))
                .body("principalId", equalTo(adele))
                .body("roleDefinitionId", equalTo(LICENSE_ADMIN))
                .body("directoryScopeId", equalTo("/"))
                .extract().path("id");
        assign(tenant, alex, DirectoryRole.USER_ADMINISTRATOR.templateId(), "/").statusCode(201);

        as(tenant, DirectoryRole.GLOBAL_READER).when().get(ASSIGNMENTS)
                .then().statusCode(200)
                .body("'@odata.context'", endsWith("/v1.0/$metadata#roleManagement/directory/roleAssignments"))
                .body("value", hasSize(2));
        as(tenant, DirectoryRole.GLOBAL_READER).queryParam("$filter", "principalId eq '" + adele + "'")
                .when().get(ASSIGNMENTS)
                .then().statusCode(200)
                .body("value.id", equalTo(List.of(id)))
                .body("value[0].roleDefinitionId", equalTo(LICENSE_ADMIN));

        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete(ASSIGNMENTS + "/{id}", id).then().statusCode(204);
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete(ASSIGNMENTS + "/{id}", id)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        as(tenant, DirectoryRole.GLOBAL_READER).queryParam("$filter", "principalId eq '" + adele + "'")
                .when().get(ASSIGNMENTS).then().body("value", hasSize(0));
    }

    @ParameterizedTest
    @EnumSource(value = DirectoryRole.class, names = {"USER_ADMINISTRATOR", "LICENSE_ADMINISTRATOR", "GLOBAL_READER",
            "HELPDESK_ADMINISTRATOR", "BILLING_ADMINISTRATOR"})
    void onlyAGlobalAdministratorMayAssignOrRemoveRoles(DirectoryRole role) {
        UUID tenant = UUID.randomUUID();
        String user = createUser(tenant, "ambitious");
        String id = assign(tenant, user, LICENSE_ADMIN, "/").statusCode(201).extract().path("id");

        as(tenant, role).contentType(ContentType.JSON)
                .body("{\"principalId\": \"" + user + "\", \"roleDefinitionId\": \""
                        + DirectoryRole.GLOBAL_ADMINISTRATOR.templateId() + "\", \"directoryScopeId\": \"/\"}")
                .when().post(ASSIGNMENTS)
                .then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
        as(tenant, role).when().delete(ASSIGNMENTS + "/{id}", id).then().statusCode(403);

        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().get(ASSIGNMENTS)
                .then().body("value.id", equalTo(List.of(id)));
    }

    @Test
    void aGlobalAdministratorCannotRemoveTheirOwnGlobalAdministratorAssignmentButMayTheirOtherRoles() {
        UUID tenant = UUID.randomUUID();
        String megan = createUser(tenant, "megan");
        String other = createUser(tenant, "othergadmin");
        String own = assign(tenant, megan, GLOBAL_ADMIN, "/").statusCode(201).extract().path("id");
        String ownLicenseAdmin = assign(tenant, megan, LICENSE_ADMIN, "/").statusCode(201).extract().path("id");
        assign(tenant, other, GLOBAL_ADMIN, "/").statusCode(201);
        String meganToken = DevTokens.token(tenant, UUID.fromString(megan), DirectoryRole.GLOBAL_ADMINISTRATOR);

        RestAssured.given().auth().oauth2(meganToken).when().delete(ASSIGNMENTS + "/{id}", own)
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("Removing self from Global Administrator built-in role is not allowed"));
        RestAssured.given().auth().oauth2(meganToken).when().delete(ASSIGNMENTS + "/{id}", ownLicenseAdmin)
                .then().statusCode(204);

        as(tenant, DirectoryRole.GLOBAL_READER).queryParam("$filter", "principalId eq '" + megan + "'")
                .when().get(ASSIGNMENTS).then().body("value.id", equalTo(List.of(own)));
    }

    @Test
    void theTenantsLastGlobalAdministratorAssignmentCannotBeRemoved() {
        UUID tenant = UUID.randomUUID();
        String first = createUser(tenant, "firstgadmin");
        String second = createUser(tenant, "secondgadmin");
        String departed = createUser(tenant, "departedgadmin");
        String firstId = assign(tenant, first, GLOBAL_ADMIN, "/").statusCode(201).extract().path("id");
        String secondId = assign(tenant, second, GLOBAL_ADMIN, "/").statusCode(201).extract().path("id");
        assign(tenant, departed, GLOBAL_ADMIN, "/").statusCode(201);
        deleteUserAsGlobalAdministrator(tenant, departed);

        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete(ASSIGNMENTS + "/{id}", firstId).then().statusCode(204);
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete(ASSIGNMENTS + "/{id}", secondId)
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("The tenant's last Global Administrator assignment cannot be removed:"
                        + " assign the role to another user first."));

        as(tenant, DirectoryRole.GLOBAL_READER).when().get(ASSIGNMENTS)
                .then().body("value.id", equalTo(List.of(secondId)));
    }

    @Test
    void twoGlobalAdministratorsRemovedAtOnceLeaveOne() throws Exception {
        for (int round = 0; round < 10; round++) {
            UUID tenant = UUID.randomUUID();
            List<String> assignments = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String user = createUser(tenant, uniqueAlias("racer"));
                assignments.add(assign(tenant, user, GLOBAL_ADMIN, "/").statusCode(201).extract().path("id"));
            }
            CyclicBarrier start = new CyclicBarrier(2);
            List<CompletableFuture<Integer>> removals = assignments.stream().map(id -> CompletableFuture.supplyAsync(() -> {
                await(start);
                return as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete(ASSIGNMENTS + "/{id}", id).statusCode();
            })).toList();

            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> removal : removals) {
                statuses.add(removal.get());
            }
            assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(204, 400);
            as(tenant, DirectoryRole.GLOBAL_READER).when().get(ASSIGNMENTS).then().body("value", hasSize(1));
        }
    }

    @Test
    void aMemberWithoutARoleCannotListRoleAssignments() {
        as(UUID.randomUUID()).when().get(ASSIGNMENTS).then().statusCode(403);
    }

    @Test
    void theSameRoleTwiceIsAConflictAndAddsNothing() {
        UUID tenant = UUID.randomUUID();
        String user = createUser(tenant, "twiceadmin");
        assign(tenant, user, LICENSE_ADMIN, "/").statusCode(201);

        assign(tenant, user, LICENSE_ADMIN, "/").statusCode(409);
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().get(ASSIGNMENTS).then().body("value", hasSize(1));
    }

    @Test
    void anUnknownRoleUnknownDeletedOrAnotherTenantsUserIsNotFoundAndNothingIsAdded() {
        UUID tenant = UUID.randomUUID();
        String user = createUser(tenant, "roleless");
        String deleted = createUser(tenant, "deletedprincipal");
        deleteUser(tenant, deleted);
        String stranger = createUser(UUID.randomUUID(), "strangerprincipal");

        assign(tenant, user, UUID.randomUUID().toString(), "/").statusCode(404);
        for (String principal : List.of(UUID.randomUUID().toString(), deleted, stranger)) {
            assign(tenant, principal, LICENSE_ADMIN, "/").statusCode(404)
                    .body("error.code", equalTo("Request_ResourceNotFound"));
        }
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().get(ASSIGNMENTS).then().body("value", hasSize(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"principalId\": \"%s\", \"roleDefinitionId\": \"%s\"}",
        "{\"principalId\": \"%s\", \"roleDefinitionId\": \"%s\", \"directoryScopeId\": \"/administrativeUnits/1\"}",
        "{\"principalId\": \"nope\", \"roleDefinitionId\": \"%2$s\", \"directoryScopeId\": \"/\"}",
        "{\"principalId\": \"%s\", \"roleDefinitionId\": 42, \"directoryScopeId\": \"/\"}", "[]", "{\"principalId\": "})
    void anInvalidBodyIsABadRequestAndAddsNothing(String template) {
        UUID tenant = UUID.randomUUID();
        String user = createUser(tenant, "badbody");

        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).contentType(ContentType.JSON)
                .body(String.format(template, user, LICENSE_ADMIN))
                .when().post(ASSIGNMENTS)
                .then().statusCode(400);
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().get(ASSIGNMENTS).then().body("value", hasSize(0));
    }

    @Test
    void anotherTenantsAssignmentsAreNeitherListedNorRemovable() {
        UUID contoso = UUID.randomUUID();
        String user = createUser(contoso, "contosoadmin");
        String id = assign(contoso, user, LICENSE_ADMIN, "/").statusCode(201).extract().path("id");
        UUID fabrikam = UUID.randomUUID();

        as(fabrikam, DirectoryRole.GLOBAL_ADMINISTRATOR).when().get(ASSIGNMENTS).then().body("value", hasSize(0));
        as(fabrikam, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete(ASSIGNMENTS + "/{id}", id).then().statusCode(404);
        as(contoso, DirectoryRole.GLOBAL_ADMINISTRATOR).when().get(ASSIGNMENTS).then().body("value.id", equalTo(List.of(id)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"roleDefinitionId eq 'x'", "principalId eq 'not-a-guid'", "principalId ne 'x'"})
    void anUnsupportedOrMalformedFilterIsRefused(String filter) {
        as(UUID.randomUUID(), DirectoryRole.GLOBAL_ADMINISTRATOR).queryParam("$filter", filter)
                .when().get(ASSIGNMENTS).then().statusCode(400);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteUserAsGlobalAdministrator(UUID tenant, String id) {
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete("/v1.0/users/{id}", id).then().statusCode(204);
    }

    private static ValidatableResponse assign(UUID tenant, String principal, String role, String scope) {
        return as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).contentType(ContentType.JSON)
                .body("{\"principalId\": \"" + principal + "\", \"roleDefinitionId\": \"" + role
                        + "\", \"directoryScopeId\": \"" + scope + "\"}")
                .when().post(ASSIGNMENTS)
                .then();
    }
}
