package org.licenselifecycle.directory.groups;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.directory.GroupFixtures.createGroup;
import static org.licenselifecycle.directory.GroupFixtures.groupBody;
import static org.licenselifecycle.directory.GroupFixtures.groupRows;
import static org.licenselifecycle.directory.GroupFixtures.membershipEvents;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.uniqueAlias;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Who may change groups and their members, as Entra ID and Graph's permission reference say (group-post-groups,
 * group-update, group-delete, group-post-members, group-delete-members: Global, User and Groups Administrator;
 * Group.ReadWrite.All, GroupMember.ReadWrite.All for members, Directory.ReadWrite.All), written out here, not taken
 * from the table under test; and who may read them (any member; group-list: GroupMember.Read.All; user-list-memberof:
 * User.Read.All). A refusal is Graph's 403 and changes nothing.
 */
@QuarkusTest
@WithTestResource(Rig.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the cases read the database through this instance
class GroupsAuthorizationTest {

    @Inject
    EntityManager entityManager;

    enum Change { CREATE, UPDATE, DELETE, ADD_MEMBER, REMOVE_MEMBER }

    Stream<Arguments> changesByRole() {
        return Stream.of(Change.values()).flatMap(change -> Stream.of(
                Arguments.of(change, DirectoryRole.GLOBAL_ADMINISTRATOR, true),
                Arguments.of(change, DirectoryRole.USER_ADMINISTRATOR, true),
                Arguments.of(change, DirectoryRole.GROUPS_ADMINISTRATOR, true),
                Arguments.of(change, DirectoryRole.LICENSE_ADMINISTRATOR, false),
                Arguments.of(change, DirectoryRole.HELPDESK_ADMINISTRATOR, false),
                Arguments.of(change, DirectoryRole.GLOBAL_READER, false)));
    }

    @ParameterizedTest(name = "{0} by a {1}: allowed {2}")
    @MethodSource("changesByRole")
    void theAdminRolesEntraAllowsChangeGroupsAndNoOtherRoleChangesAnything(Change change, DirectoryRole role,
            boolean allowed) {
        UUID tenant = UUID.randomUUID();
        String token = DevTokens.token(tenant, role);

        Scene scene = Scene.of(tenant, change);
        Response response = call(given().auth().oauth2(token), change, scene);

        if (allowed) {
            assertThat(response.statusCode()).as(response.asString()).isIn(201, 204);
        } else {
            refused(response);
            assertThat(unchanged(tenant, change, scene)).as("a refused call changes nothing").isTrue();
        }
    }

    static Stream<Arguments> applications() {
        return Stream.of(
                Arguments.of(Change.CREATE, "Group.ReadWrite.All", true),
                Arguments.of(Change.CREATE, "Group.Create", true),
                Arguments.of(Change.CREATE, "Directory.ReadWrite.All", true),
                Arguments.of(Change.CREATE, "GroupMember.ReadWrite.All", false),
                Arguments.of(Change.CREATE, "User.ReadWrite.All", false),
                Arguments.of(Change.UPDATE, "Group.ReadWrite.All", true),
                Arguments.of(Change.UPDATE, "GroupMember.ReadWrite.All", false),
                Arguments.of(Change.DELETE, "Group.ReadWrite.All", true),
                Arguments.of(Change.DELETE, "Group.Read.All", false),
                Arguments.of(Change.ADD_MEMBER, "GroupMember.ReadWrite.All", true),
                Arguments.of(Change.ADD_MEMBER, "Group.ReadWrite.All", true),
                Arguments.of(Change.ADD_MEMBER, "Directory.ReadWrite.All", true),
                Arguments.of(Change.ADD_MEMBER, "GroupMember.Read.All", false),
                Arguments.of(Change.ADD_MEMBER, "User.ReadWrite.All", false),
                Arguments.of(Change.REMOVE_MEMBER, "GroupMember.ReadWrite.All", true),
                Arguments.of(Change.REMOVE_MEMBER, "Group.Create", false));
    }

    @ParameterizedTest(name = "{0} by an application with {1}: allowed {2}")
    @MethodSource("applications")
    void applicationsChangeGroupsWithGraphsPermissionsOnly(Change change, String permission, boolean allowed) {
        UUID tenant = UUID.randomUUID();
        Scene scene = Scene.of(tenant, change);

        Response response = call(given().auth().oauth2(DevTokens.app(tenant, permission)), change, scene);

        if (allowed) {
            assertThat(response.statusCode()).as(response.asString()).isIn(201, 204);
        } else {
            refused(response);
            assertThat(unchanged(tenant, change, scene)).isTrue();
        }
    }

    @Test
    void anyMemberOfTheTenantReadsGroupsMembersAndMemberOfAndApplicationsNeedTheirReadPermission() {
        UUID tenant = UUID.randomUUID();
        String group = createGroup(tenant, "Readable");
        String user = createUser(tenant, uniqueAlias("reader"));

        as(tenant).when().get("/v1.0/groups").then().statusCode(200);
        as(tenant).when().get("/v1.0/groups/{id}/members", group).then().statusCode(200);
        as(tenant).when().get("/v1.0/users/{id}/memberOf", user).then().statusCode(200);

        app(tenant, "GroupMember.Read.All").get("/v1.0/groups").then().statusCode(200);
        app(tenant, "Group.Read.All").get("/v1.0/groups/{id}", group).then().statusCode(200);
        app(tenant, "User.Read.All").get("/v1.0/users/{id}/memberOf", user).then().statusCode(200);
        refused(app(tenant, "User.Read.All").get("/v1.0/groups"));
        refused(app(tenant, "Organization.Read.All").get("/v1.0/users/{id}/memberOf", user));
        refused(given().auth().oauth2(DevTokens.delegated(tenant, List.of("User.Read"), DirectoryRole.GLOBAL_ADMINISTRATOR))
                .get("/v1.0/groups"));
        given().when().get("/v1.0/groups").then().statusCode(401)
                .body("error.code", equalTo("InvalidAuthenticationToken"));
    }

    /** What a change acts on: a group (none for a create) and a user (a member already, for a removal). */
    record Scene(String group, String user) {

        static Scene of(UUID tenant, Change change) {
            if (change == Change.CREATE) {
                return new Scene(null, null);
            }
            String group = createGroup(tenant, "Scene " + change);
            String user = createUser(tenant, uniqueAlias("scene"));
            if (change == Change.REMOVE_MEMBER) {
                as(tenant, DirectoryRole.GROUPS_ADMINISTRATOR).contentType(ContentType.JSON)
                        .body(Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + user))
                        .post("/v1.0/groups/{id}/members/$ref", group).then().statusCode(204);
            }
            return new Scene(group, user);
        }
    }

    private static Response call(RequestSpecification caller, Change change, Scene scene) {
        return switch (change) {
            case CREATE -> caller.contentType(ContentType.JSON).body(groupBody("Created")).post("/v1.0/groups");
            case UPDATE -> caller.contentType(ContentType.JSON).body(Map.of("displayName", "Changed"))
                    .patch("/v1.0/groups/{id}", scene.group());
            case DELETE -> caller.delete("/v1.0/groups/{id}", scene.group());
            case ADD_MEMBER -> caller.contentType(ContentType.JSON)
                    .body(Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + scene.user()))
                    .post("/v1.0/groups/{id}/members/$ref", scene.group());
            case REMOVE_MEMBER -> caller.delete("/v1.0/groups/{id}/members/{user}/$ref", scene.group(), scene.user());
        };
    }

    private boolean unchanged(UUID tenant, Change change, Scene scene) {
        return switch (change) {
            case CREATE -> groupRows(entityManager, tenant) == 0;
            case UPDATE -> "Scene UPDATE".equals(as(tenant).get("/v1.0/groups/{id}", scene.group()).path("displayName"));
            case DELETE -> as(tenant).get("/v1.0/groups/{id}", scene.group()).statusCode() == 200;
            case ADD_MEMBER -> membershipEvents(entityManager, scene.user()).isEmpty()
                    && as(tenant).get("/v1.0/groups/{id}/members", scene.group()).<List<?>>path("value").isEmpty();
            case REMOVE_MEMBER -> membershipEvents(entityManager, scene.user()).size() == 1
                    && as(tenant).get("/v1.0/groups/{id}/members", scene.group()).<List<?>>path("value").size() == 1;
        };
    }

    private static RequestSpecification app(UUID tenant, String permission) {
        return given().auth().oauth2(DevTokens.app(tenant, permission));
    }

    private static void refused(Response response) {
        response.then().statusCode(403)
                .body("error.code", equalTo("Authorization_RequestDenied"))
                .body("error.message", equalTo("Insufficient privileges to complete the operation."));
    }
}
