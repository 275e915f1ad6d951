package org.licenselifecycle.directory.directorysync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.directory.UserFixtures.usersIn;
import static org.licenselifecycle.directory.directorysync.SyncBatches.anchor;
import static org.licenselifecycle.directory.directorysync.SyncBatches.send;
import static org.licenselifecycle.directory.directorysync.SyncBatches.upsert;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/** Who may send sync batches: the sync agent (Directory.ReadWrite.All, or the sync roles); everyone else 403. */
@QuarkusTest
@WithTestResource(Rig.class)
class DirectorySyncAuthorizationTest {

    @Inject
    EntityManager entityManager;

    @Test
    void theSyncAgentAndTheSyncRolesMayWrite() {
        UUID tenant = UUID.randomUUID();
        List<String> allowed = List.of(
                DevTokens.app(tenant, "Directory.ReadWrite.All"),
                DevTokens.app(tenant, UUID.randomUUID().toString(), List.of(),
                        DirectoryRole.DIRECTORY_SYNCHRONIZATION_ACCOUNTS),
                DevTokens.token(tenant, DirectoryRole.DIRECTORY_SYNCHRONIZATION_ACCOUNTS));
        for (int i = 0; i < allowed.size(); i++) {
            send(allowed.get(i), List.of(upsert(anchor(), "allowed" + i))).statusCode(200)
                    .body("users[0].result", equalTo("created"));
        }
        assertThat(usersIn(entityManager, tenant)).isEqualTo(allowed.size());
    }

    @Test
    void cloudAdminsAndOtherApplicationsAreRefusedAndNothingChanges() {
        UUID tenant = UUID.randomUUID();
        List<String> refused = List.of(
                DevTokens.token(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR),
                DevTokens.token(tenant, DirectoryRole.USER_ADMINISTRATOR),
                DevTokens.token(tenant, DirectoryRole.HYBRID_IDENTITY_ADMINISTRATOR),
                DevTokens.token(tenant),
                DevTokens.app(tenant, "User.ReadWrite.All"),
                DevTokens.app(tenant, UUID.randomUUID().toString(), List.of("User.ReadWrite.All"),
                        DirectoryRole.GLOBAL_ADMINISTRATOR),
                DevTokens.delegated(tenant, List.of("User.Read"), DirectoryRole.DIRECTORY_SYNCHRONIZATION_ACCOUNTS));
        for (String token : refused) {
            send(token, List.of(upsert(anchor(), "refused"))).statusCode(403)
                    .body("error.code", equalTo("Authorization_RequestDenied"))
                    .body("error.message", equalTo("Insufficient privileges to complete the operation."));
        }
        given().contentType(ContentType.JSON).body(Map.of("users", List.of(upsert(anchor(), "anonymous"))))
                .when().post(SyncBatches.BATCHES).then().statusCode(401)
                .body("error.code", equalTo("InvalidAuthenticationToken"));
        assertThat(usersIn(entityManager, tenant)).isZero();
    }
}
