package org.licenselifecycle.directory.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.uniqueAlias;

import com.microsoft.graph.models.PasswordProfile;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.directory.GraphClients;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Which users an application calling as itself may change, with Microsoft's Graph Java SDK as a daemon uses it:
 * User.ReadWrite.All manages users holding no admin role; a holder of an admin role, or a password, needs a directory
 * role assigned to the application's service principal ("In app-only scenarios, the User.ReadWrite.All application
 * permission isn't enough privilege to delete users with administrative roles", user-delete). On a signed-in admin's
 * behalf, changing another admin also takes Directory.AccessAsUser.All (directory-deleteditems-restore).
 */
@QuarkusTest
@WithTestResource(Rig.class)
class AppOnlyPrivilegedTargetsTest {

    private static final List<String> USER_READ_WRITE_ALL = List.of("User.ReadWrite.All");

    @Test
    void anApplicationWithUserReadWriteAllChangesAndDeletesAUserHoldingNoAdminRole() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, uniqueAlias("member"));
        GraphServiceClient daemon = daemon(tenant);

        User change = new User();
        change.setJobTitle("Buyer");
        daemon.users().byUserId(id).patch(change);
        assertThat(daemon.users().byUserId(id).get(r -> r.queryParameters.select = new String[] {"jobTitle"})
                .getJobTitle()).isEqualTo("Buyer");
        daemon.users().byUserId(id).delete();

        as(tenant, DirectoryRole.GLOBAL_READER).get("/v1.0/users/{id}", id).then().statusCode(404);
    }

    @Test
    void userReadWriteAllAloneDoesNotLetAnApplicationDeleteOrChangeAnAdmin() {
        UUID tenant = UUID.randomUUID();
        String admin = userHolding(tenant, DirectoryRole.USER_ADMINISTRATOR);
        GraphServiceClient daemon = daemon(tenant);
        User change = new User();
        change.setJobTitle("Demoted");

        assertThatThrownBy(() -> daemon.users().byUserId(admin).delete()).isInstanceOfSatisfying(ODataError.class, e -> {
            assertThat(e.getResponseStatusCode()).isEqualTo(403);
            assertThat(e.getError().getCode()).isEqualTo("Authorization_RequestDenied");
        });
        assertThatThrownBy(() -> daemon.users().byUserId(admin).patch(change)).isInstanceOf(ODataError.class);
        assertThat(as(tenant, DirectoryRole.GLOBAL_READER).get("/v1.0/users/{id}?$select=jobTitle", admin)
                .<String>path("jobTitle")).isNull();
    }

    @Test
    void anApplicationWhoseServicePrincipalHoldsAHigherRoleMayDeleteAnAdmin() {
        UUID tenant = UUID.randomUUID();
        String globalAdmin = userHolding(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR);
        String userAdmin = userHolding(tenant, DirectoryRole.USER_ADMINISTRATOR);
        GraphServiceClient asUserAdmin = daemon(tenant, DirectoryRole.USER_ADMINISTRATOR);

        // a User Administrator manages other User Administrators, never a Global Administrator
        asUserAdmin.users().byUserId(userAdmin).delete();
        assertThatThrownBy(() -> asUserAdmin.users().byUserId(globalAdmin).delete()).isInstanceOf(ODataError.class);

        daemon(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR)
                .users().byUserId(globalAdmin).delete();
        as(tenant, DirectoryRole.GLOBAL_READER).get("/v1.0/users/{id}", globalAdmin).then().statusCode(404);
    }

    @Test
    void anApplicationResetsAPasswordOnlyWithAnAdminRoleOfItsOwn() {
        UUID tenant = UUID.randomUUID();
        String member = createUser(tenant, uniqueAlias("forgetful"));
        PasswordProfile profile = new PasswordProfile();
        profile.setPassword("Qm7#vR2t!Lp9wZx4");
        profile.setForceChangePasswordNextSignIn(true);
        User reset = new User();
        reset.setPasswordProfile(profile);

        assertThatThrownBy(() -> daemon(tenant).users().byUserId(member).patch(reset))
                .isInstanceOfSatisfying(ODataError.class, e -> assertThat(e.getResponseStatusCode()).isEqualTo(403));
        daemon(tenant, DirectoryRole.USER_ADMINISTRATOR)
                .users().byUserId(member).patch(reset);
    }

    @Test
    void onAnAdminsBehalfChangingAnotherAdminTakesDirectoryAccessAsUserAll() {
        UUID tenant = UUID.randomUUID();
        String admin = userHolding(tenant, DirectoryRole.LICENSE_ADMINISTRATOR);
        String member = createUser(tenant, uniqueAlias("member"));

        String withoutIt = DevTokens.delegated(tenant, List.of("User.ReadWrite.All"), DirectoryRole.GLOBAL_ADMINISTRATOR);
        given().auth().oauth2(withoutIt).delete("/v1.0/users/{id}", admin).then().statusCode(403);
        // a user holding no admin role is no privileged target: the scope of the operation suffices
        given().auth().oauth2(withoutIt).delete("/v1.0/users/{id}", member).then().statusCode(204);

        String withIt = DevTokens.delegated(tenant, List.of("User.ReadWrite.All", "Directory.AccessAsUser.All"),
                DirectoryRole.GLOBAL_ADMINISTRATOR);
        given().auth().oauth2(withIt).delete("/v1.0/users/{id}", admin).then().statusCode(204);
    }

    /** The Graph SDK of an application granted User.ReadWrite.All, whose service principal holds {@code roles}. */
    private static GraphServiceClient daemon(UUID tenant, DirectoryRole... roles) {
        return GraphClients.withToken(DevTokens.app(tenant, UUID.randomUUID().toString(), USER_READ_WRITE_ALL, roles));
    }

    /** A new user of {@code tenant} assigned {@code role} by a Global Administrator. */
    private static String userHolding(UUID tenant, DirectoryRole role) {
        String id = createUser(tenant, uniqueAlias(role.name().toLowerCase().replace('_', '-')));
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).contentType(ContentType.JSON)
                .body(Map.of("principalId", id, "roleDefinitionId", role.templateId(), "directoryScopeId", "/"))
                .post("/v1.0/roleManagement/directory/roleAssignments")
                .then().statusCode(201);
        return id;
    }
}
