package org.licenselifecycle.directory.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.body;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.deleteUser;
import static org.licenselifecycle.directory.UserFixtures.uniqueAlias;
import static org.licenselifecycle.directory.UserFixtures.usersIn;
import static org.licenselifecycle.contract.roles.DirectoryRole.GLOBAL_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.GLOBAL_READER;
import static org.licenselifecycle.contract.roles.DirectoryRole.HELPDESK_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.LICENSE_ADMINISTRATOR;
import static org.licenselifecycle.contract.roles.DirectoryRole.USER_ADMINISTRATOR;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Each of the directory's Graph operations called with tokens as Entra ID issues them: app-only with and without
 * the permission Graph's reference names for it, delegated with and without that scope, and with and without an
 * admin role that may do it. The permissions and roles below are written out from Graph's permission tables (the
 * least privileged of each; user-list, user-get, user-post-users, user-update, user-delete, user-post-manager,
 * directory-deleteditems-list/restore/delete, rbacapplication-list/post-roleassignments) and DESIGN.md's roles, not
 * taken from the table under test. A refusal is Graph's 403 and changes nothing.
 */
@QuarkusTest
@WithTestResource(Rig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the cases read the database through this instance
class GraphPermissionsMatrixTest {

    /** A delegated scope that allows none of these operations: the signed-in user's own profile. */
    private static final String UNRELATED_SCOPE = "User.Read";
    /** An application permission that allows none of them. */
    private static final String UNRELATED_PERMISSION = "Organization.Read.All";

    @Inject
    EntityManager entityManager;

    /**
     * One operation: what Graph asks of a caller, how to prepare and call it in a fresh tenant, and how to see that
     * a refused call changed nothing.
     *
     * @param role an admin role that may call it when delegated; null: any member may
     * @param weakRole an admin role that may not (ignored when any member may)
     */
    record Operation(String name, String applicationPermission, String scope, DirectoryRole role, DirectoryRole weakRole,
            Function<UUID, String> prepare, BiFunction<RequestSpecification, String, Response> call,
            BiPredicate<UUID, String> unchanged) {

        @Override
        public String toString() {
            return name;
        }
    }

    enum Caller {
        APP_WITH_PERMISSION, APP_WITHOUT_PERMISSION, DELEGATED_WITH_SCOPE_AND_ROLE, DELEGATED_WITHOUT_SCOPE,
        DELEGATED_WITHOUT_ROLE
    }

    Stream<Arguments> calls() {
        List<Operation> operations = List.of(
                new Operation("GET /users", "User.Read.All", "User.ReadBasic.All", null, null,
                        tenant -> createUser(tenant, uniqueAlias("listed")),
                        (caller, id) -> caller.get("/v1.0/users"), (tenant, id) -> true),
                new Operation("GET /users/{id}", "User.Read.All", "User.ReadBasic.All", null, null,
                        tenant -> createUser(tenant, uniqueAlias("read")),
                        (caller, id) -> caller.get("/v1.0/users/{id}", id), (tenant, id) -> true),
                new Operation("POST /users", "User.ReadWrite.All", "User.ReadWrite.All", USER_ADMINISTRATOR, GLOBAL_READER,
                        tenant -> "", (caller, id) -> caller.contentType(ContentType.JSON)
                                .body(body(uniqueAlias("created"))).post("/v1.0/users"),
                        (tenant, id) -> usersIn(entityManager, tenant) == 0),
                new Operation("PATCH /users/{id}", "User.ReadWrite.All", "User.ReadWrite.All", USER_ADMINISTRATOR,
                        LICENSE_ADMINISTRATOR, tenant -> createUser(tenant, uniqueAlias("patched")),
                        (caller, id) -> caller.contentType(ContentType.JSON).body(Map.of("jobTitle", "Changed"))
                                .patch("/v1.0/users/{id}", id),
                        (tenant, id) -> as(tenant, GLOBAL_READER).get("/v1.0/users/{id}?$select=jobTitle", id)
                                .path("jobTitle") == null),
                new Operation("DELETE /users/{id}", "User.DeleteRestore.All", "User.DeleteRestore.All",
                        USER_ADMINISTRATOR, LICENSE_ADMINISTRATOR, tenant -> createUser(tenant, uniqueAlias("deleted")),
                        (caller, id) -> caller.delete("/v1.0/users/{id}", id),
                        (tenant, id) -> as(tenant, GLOBAL_READER).get("/v1.0/users/{id}", id).statusCode() == 200),
                new Operation("PUT /users/{id}/manager/$ref", "User.ReadWrite.All", "User.ReadWrite.All",
                        USER_ADMINISTRATOR, HELPDESK_ADMINISTRATOR,
                        tenant -> createUser(tenant, uniqueAlias("report")) + " " + createUser(tenant, uniqueAlias("boss")),
                        (caller, ids) -> caller.contentType(ContentType.JSON)
                                .body(Map.of("@odata.id", "https://graph.microsoft.com/v1.0/users/" + ids.split(" ")[1]))
                                .put("/v1.0/users/{id}/manager/$ref", ids.split(" ")[0]),
                        (tenant, ids) -> as(tenant, GLOBAL_READER).get("/v1.0/users/{id}/manager", ids.split(" ")[0])
                                .statusCode() == 404),
                new Operation("GET /directory/deletedItems/microsoft.graph.user", "User.Read.All", "User.Read.All",
                        GLOBAL_READER, HELPDESK_ADMINISTRATOR, tenant -> "",
                        (caller, id) -> caller.get("/v1.0/directory/deletedItems/microsoft.graph.user"),
                        (tenant, id) -> true),
                new Operation("POST /directory/deletedItems/{id}/restore", "User.DeleteRestore.All",
                        "User.DeleteRestore.All", USER_ADMINISTRATOR, LICENSE_ADMINISTRATOR, GraphPermissionsMatrixTest::deleted,
                        (caller, id) -> caller.post("/v1.0/directory/deletedItems/{id}/restore", id),
                        (tenant, id) -> as(tenant, GLOBAL_READER).get("/v1.0/users/{id}", id).statusCode() == 404),
                new Operation("DELETE /directory/deletedItems/{id}", "User.DeleteRestore.All", "User.DeleteRestore.All",
                        USER_ADMINISTRATOR, LICENSE_ADMINISTRATOR, GraphPermissionsMatrixTest::deleted,
                        (caller, id) -> caller.delete("/v1.0/directory/deletedItems/{id}", id),
                        (tenant, id) -> as(tenant, GLOBAL_READER).get("/v1.0/directory/deletedItems/{id}", id)
                                .statusCode() == 200),
                new Operation("GET /roleManagement/directory/roleAssignments", "RoleManagement.Read.Directory",
                        "RoleManagement.Read.Directory", GLOBAL_READER, HELPDESK_ADMINISTRATOR, tenant -> "",
                        (caller, id) -> caller.get("/v1.0/roleManagement/directory/roleAssignments"),
                        (tenant, id) -> true),
                new Operation("POST /roleManagement/directory/roleAssignments", "RoleManagement.ReadWrite.Directory",
                        "RoleManagement.ReadWrite.Directory", GLOBAL_ADMINISTRATOR, USER_ADMINISTRATOR,
                        tenant -> createUser(tenant, uniqueAlias("promoted")),
                        (caller, id) -> caller.contentType(ContentType.JSON).body(Map.of("principalId", id,
                                "roleDefinitionId", LICENSE_ADMINISTRATOR.templateId(), "directoryScopeId", "/"))
                                .post("/v1.0/roleManagement/directory/roleAssignments"),
                        (tenant, id) -> as(tenant, GLOBAL_READER)
                                .get("/v1.0/roleManagement/directory/roleAssignments?$filter=principalId eq '" + id + "'")
                                .<List<?>>path("value").isEmpty()));
        return operations.stream().flatMap(operation -> Stream.of(Caller.values()).map(c -> Arguments.of(operation, c)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("calls")
    void eachOperationAllowsWhatGraphAllowsAndRefusesTheRest(Operation operation, Caller caller) {
        UUID tenant = UUID.randomUUID();
        String target = operation.prepare().apply(tenant);
        String token = switch (caller) {
            case APP_WITH_PERMISSION -> DevTokens.app(tenant, operation.applicationPermission());
            case APP_WITHOUT_PERMISSION -> DevTokens.app(tenant, UNRELATED_PERMISSION);
            case DELEGATED_WITH_SCOPE_AND_ROLE -> operation.role() == null ? DevTokens.delegated(tenant,
                    List.of(operation.scope())) : DevTokens.delegated(tenant, List.of(operation.scope()), operation.role());
            case DELEGATED_WITHOUT_SCOPE -> DevTokens.delegated(tenant, List.of(UNRELATED_SCOPE),
                    operation.role() == null ? GLOBAL_ADMINISTRATOR : operation.role());
            case DELEGATED_WITHOUT_ROLE -> operation.role() == null ? DevTokens.delegated(tenant,
                    List.of(operation.scope())) : DevTokens.delegated(tenant, List.of(operation.scope()), operation.weakRole());
        };
        boolean allowed = switch (caller) {
            case APP_WITH_PERMISSION, DELEGATED_WITH_SCOPE_AND_ROLE -> true;
            case DELEGATED_WITHOUT_ROLE -> operation.role() == null; // any member of the tenant may read users
            case APP_WITHOUT_PERMISSION, DELEGATED_WITHOUT_SCOPE -> false;
        };

        Response response = operation.call().apply(given().auth().oauth2(token), target);

        if (allowed) {
            assertThat(response.statusCode()).as(response.asString()).isBetween(200, 299);
        } else {
            response.then().statusCode(403)
                    .body("error.code", equalTo("Authorization_RequestDenied"))
                    .body("error.message", equalTo("Insufficient privileges to complete the operation."));
            assertThat(operation.unchanged().test(tenant, target)).as("a refused call changes nothing").isTrue();
        }
    }

    /** A user created and deleted in {@code tenant}: an entry of its deleted items. */
    private static String deleted(UUID tenant) {
        String id = createUser(tenant, uniqueAlias("gone"));
        deleteUser(tenant, id);
        return id;
    }
}
