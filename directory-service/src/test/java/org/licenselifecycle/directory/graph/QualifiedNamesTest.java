package org.licenselifecycle.directory.graph;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.deleteUser;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.Rig;

/**
 * The deleted-items action and cast under each name Graph accepts: restore plain (the v5+ SDKs) and
 * namespace-qualified ({@code microsoft.graph.restore}: Restore-MgDirectoryDeletedItem), with the namespace's alias
 * and in another case; the cast to user under the namespace and its alias ({@code graph.user}: the v6 SDKs), for the
 * list and for one item. service-support's QualifiedNames brings them to the one resource method.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class QualifiedNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"restore", "microsoft.graph.restore", "graph.restore", "Microsoft.Graph.restore"})
    void restoreAnswersUnderEachOfItsNames(String action) {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "back");
        deleteUser(tenant, id);

        asUserAdministrator(tenant).when().post("/v1.0/directory/deletedItems/{id}/" + action, id)
                .then().statusCode(200)
                .body("'@odata.type'", equalTo("#microsoft.graph.user"))
                .body("id", equalTo(id));

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", id).then().statusCode(200);
        asUserAdministrator(tenant).when().get("/v1.0/directory/deletedItems/microsoft.graph.user")
                .then().statusCode(200).body("value", empty());
    }

    /**
     * What {@code Restore-MgDirectoryDeletedItem -DirectoryObjectId $id} sends: POST to the qualified action
     * (the PowerShell module is generated from paths of the form {@code .../{id}/microsoft.graph.restore}, as
     * microsoftgraph/msgraph-metadata#698 lists them), with the module's headers as its -Debug output shows them
     * (FeatureFlag, Cache-Control, User-Agent, SdkVersion, client-request-id), without a body; and with the optional
     * body Graph documents ({@code autoReconcileProxyConflict}).
     */
    @Test
    void theRequestsRestoreMgDirectoryDeletedItemSendsRestoreTheUser() {
        UUID tenant = UUID.randomUUID();
        String bare = createUser(tenant, "bare");
        String withBody = createUser(tenant, "withbody");
        deleteUser(tenant, bare);
        deleteUser(tenant, withBody);
        String clientRequestId = UUID.randomUUID().toString();

        asUserAdministrator(tenant)
                .header("FeatureFlag", "00000003")
                .header("Cache-Control", "no-store, no-cache")
                .header("User-Agent", "Mozilla/5.0,(Windows NT 10.0; Microsoft Windows 10.0.26100; en-US),PowerShell/7.5.0")
                .header("SdkVersion", "graph-powershell/2.28.0")
                .header("client-request-id", clientRequestId)
                .when().post("/v1.0/directory/deletedItems/{id}/microsoft.graph.restore", bare)
                .then().statusCode(200)
                .header("client-request-id", clientRequestId)
                .header("request-id", notNullValue())
                .body("id", equalTo(bare))
                .body("userPrincipalName", equalTo("bare@contoso.com"));
        asUserAdministrator(tenant).contentType(ContentType.JSON).body("{\"autoReconcileProxyConflict\":true}")
                .header("SdkVersion", "graph-powershell/2.28.0")
                .when().post("/v1.0/directory/deletedItems/{id}/microsoft.graph.restore", withBody)
                .then().statusCode(200)
                .body("id", equalTo(withBody));

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", bare).then().statusCode(200);
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", withBody).then().statusCode(200);
    }

    @Test
    void aQualifiedRestoreIsRefusedAsThePlainOneIs() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "stays");
        deleteUser(tenant, id);

        as(tenant, DirectoryRole.GLOBAL_READER).when().post("/v1.0/directory/deletedItems/{id}/microsoft.graph.restore", id)
                .then().statusCode(403).body("error.code", equalTo("Authorization_RequestDenied"));
        asUserAdministrator(UUID.randomUUID()).when().post("/v1.0/directory/deletedItems/{id}/graph.restore", id)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", id).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"microsoft.graph.user", "graph.user", "Microsoft.Graph.user"})
    void theCastToUserAnswersUnderTheNamespaceAndItsAliasForTheListAndForOneItem(String cast) {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "cast");
        String active = createUser(tenant, "active");
        deleteUser(tenant, id);

        as(tenant, DirectoryRole.GLOBAL_READER).when().get("/v1.0/directory/deletedItems/" + cast)
                .then().statusCode(200)
                .body("'@odata.context'", endsWith("/v1.0/$metadata#directory/deletedItems/microsoft.graph.user"))
                .body("value.id", contains(id));
        as(tenant, DirectoryRole.GLOBAL_READER).when().get("/v1.0/directory/deletedItems/{id}/" + cast, id)
                .then().statusCode(200)
                .body("'@odata.context'", endsWith("/v1.0/$metadata#directory/deletedItems/microsoft.graph.user/$entity"))
                .body("id", equalTo(id))
                .body("userPrincipalName", equalTo("cast@contoso.com"))
                .body("deletedDateTime", notNullValue());
        as(tenant, DirectoryRole.GLOBAL_READER).when().get("/v1.0/directory/deletedItems/{id}/" + cast, active)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
    }

    @Test
    void aQualifiedNameThisServiceDoesNotServeIsNotFound() {
        UUID tenant = UUID.randomUUID();
        String id = createUser(tenant, "other");

        asUserAdministrator(tenant).contentType(ContentType.JSON).body("{\"addLicenses\":[],\"removeLicenses\":[]}")
                .when().post("/v1.0/users/{id}/microsoft.graph.assignLicense", id)
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        asUserAdministrator(tenant).when().get("/v1.0/directory/deletedItems/microsoft.graph.group")
                .then().statusCode(404);
        // a user's own restore (Restore-MgUser's /users/{id}/microsoft.graph.restore) is not Graph's either
        asUserAdministrator(tenant).when().post("/v1.0/users/{id}/microsoft.graph.restore", id)
                .then().statusCode(404);
    }
}
