package org.licenselifecycle.lifecycle.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * The admin API acts for signed-in admins: a delegated token needs the operation's scope and a role that may do it,
 * and an application's own token is refused whatever it was granted.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class AdminApiTokensTest {

    @Test
    void readingAUsersMailboxTakesAReadScopeAndAReadersRoleAndNoApplicationMay() {
        UUID tenant = UUID.randomUUID();
        String mailbox = "/api/v1/users/" + UUID.randomUUID() + "/mailbox";

        // allowed: past authorization, the unknown user is the only thing wrong
        given().auth().oauth2(DevTokens.delegated(tenant, List.of("User.Read.All"), DirectoryRole.GLOBAL_READER))
                .get(mailbox).then().statusCode(not(403));
        given().auth().oauth2(DevTokens.delegated(tenant, List.of("User.Read"), DirectoryRole.GLOBAL_READER))
                .get(mailbox).then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
        given().auth().oauth2(DevTokens.delegated(tenant, List.of("User.Read.All"), DirectoryRole.HELPDESK_ADMINISTRATOR))
                .get(mailbox).then().statusCode(403);
        given().auth().oauth2(DevTokens.app(tenant, "User.Read.All", "Directory.ReadWrite.All"))
                .get(mailbox).then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
    }

    @Test
    void changingTheOneDriveRetentionTakesTheWriteScopeAndARefusalChangesNothing() {
        UUID tenant = UUID.randomUUID();
        String readOnly = DevTokens.delegated(tenant, List.of("SharePointTenantSettings.Read.All"),
                DirectoryRole.GLOBAL_ADMINISTRATOR);

        given().auth().oauth2(readOnly).contentType(ContentType.JSON).body(Map.of("days", 365))
                .put("/api/v1/tenant/onedrive-retention").then().statusCode(403);
        given().auth().oauth2(readOnly).get("/api/v1/tenant/onedrive-settings")
                .then().statusCode(200).body("retentionDays", equalTo(30));

        given().auth().oauth2(DevTokens.delegated(tenant, List.of("SharePointTenantSettings.ReadWrite.All"),
                DirectoryRole.GLOBAL_ADMINISTRATOR)).contentType(ContentType.JSON).body(Map.of("days", 365))
                .put("/api/v1/tenant/onedrive-retention").then().statusCode(200);
        given().auth().oauth2(readOnly).get("/api/v1/tenant/onedrive-settings")
                .then().statusCode(200).body("retentionDays", equalTo(365));
    }
}
