package org.licenselifecycle.directory.directorysync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.outboxEvents;
import static org.licenselifecycle.directory.directorysync.SyncBatches.anchor;
import static org.licenselifecycle.directory.directorysync.SyncBatches.send;
import static org.licenselifecycle.directory.directorysync.SyncBatches.upsert;

import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.directory.GraphClients;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Cloud admins and a synced user: what on-premises AD owns is refused with Graph's message and nothing changes; what
 * the cloud owns (usageLocation) stays editable. Over plain HTTP and through Microsoft's Graph Java SDK.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class SyncedAttributesTest {

    static final String MESSAGE = "Unable to update the specified properties for on-premises mastered Directory Sync"
            + " objects or objects currently undergoing migration.";

    @Inject
    EntityManager entityManager;

    @Test
    void aCloudAdminCannotChangeWhatAdOwnsNorDeleteButSetsTheUsageLocation() {
        UUID tenant = UUID.randomUUID();
        String id = synced(tenant, "mastered");

        for (String body : List.of("{\"displayName\": \"Cloud rename\"}", "{\"accountEnabled\": false}",
                "{\"jobTitle\": \"Boss\", \"usageLocation\": \"FR\"}", "{\"userPrincipalName\": \"moved@contoso.com\"}")) {
            as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).contentType(ContentType.JSON).body(body)
                    .when().patch("/v1.0/users/{id}", id)
                    .then().statusCode(400)
                    .body("error.code", equalTo("Request_BadRequest"))
                    .body("error.message", equalTo(MESSAGE));
        }
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).when().delete("/v1.0/users/{id}", id)
                .then().statusCode(400).body("error.message", equalTo(MESSAGE));
        String manager = createUser(tenant, "cloudmanager");
        asUserAdministrator(tenant).contentType(ContentType.JSON)
                .body("{\"@odata.id\": \"https://graph.microsoft.com/v1.0/users/" + manager + "\"}")
                .when().put("/v1.0/users/{id}/manager/$ref", id).then().statusCode(400)
                .body("error.message", equalTo(MESSAGE));
        assertThat(outboxEvents(entityManager, id, "UserUpdated")).isZero();
        assertThat(outboxEvents(entityManager, id, "UserDeleted")).isZero();

        asUserAdministrator(tenant).contentType(ContentType.JSON).body("{\"usageLocation\": \"FR\"}")
                .when().patch("/v1.0/users/{id}", id).then().statusCode(204);

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", id).then().statusCode(200)
                .body("displayName", equalTo("Synced mastered"))
                .body("accountEnabled", equalTo(true))
                .body("userPrincipalName", equalTo("mastered@contoso.com"))
                .body("usageLocation", equalTo("FR"));
        assertThat(outboxEvents(entityManager, id, "UserUpdated")).isEqualTo(1);
    }

    @Test
    void theGraphSdkGetsGraphsMessageForWhatAdOwnsAndSetsTheUsageLocation() {
        UUID tenant = UUID.randomUUID();
        String id = synced(tenant, "sdkmastered");
        GraphServiceClient graph = GraphClients.withToken(DevTokens.token(tenant, DirectoryRole.USER_ADMINISTRATOR));

        User rename = new User();
        rename.setDisplayName("Renamed by the SDK");
        assertThatThrownBy(() -> graph.users().byUserId(id).patch(rename))
                .isInstanceOfSatisfying(ODataError.class, error -> {
                    assertThat(error.getResponseStatusCode()).isEqualTo(400);
                    assertThat(error.getError().getCode()).isEqualTo("Request_BadRequest");
                    assertThat(error.getError().getMessage()).isEqualTo(MESSAGE);
                });
        assertThatThrownBy(() -> graph.users().byUserId(id).delete())
                .isInstanceOfSatisfying(ODataError.class, error -> assertThat(error.getError().getMessage())
                        .isEqualTo(MESSAGE));

        User location = new User();
        location.setUsageLocation("DE");
        graph.users().byUserId(id).patch(location);

        User read = graph.users().byUserId(id).get(request -> request.queryParameters.select = new String[] {
            "displayName", "usageLocation", "onPremisesSyncEnabled", "onPremisesImmutableId", "onPremisesLastSyncDateTime"});
        assertThat(read.getDisplayName()).isEqualTo("Synced sdkmastered");
        assertThat(read.getUsageLocation()).isEqualTo("DE");
        assertThat(read.getOnPremisesSyncEnabled()).isTrue();
        assertThat(read.getOnPremisesImmutableId()).isNotBlank();
        assertThat(read.getOnPremisesLastSyncDateTime()).isNotNull();
    }

    private static String synced(UUID tenant, String alias) {
        return send(tenant, List.of(upsert(anchor(), alias))).statusCode(200)
                .body("users[0].result", equalTo("created")).extract().path("users[0].id");
    }
}
