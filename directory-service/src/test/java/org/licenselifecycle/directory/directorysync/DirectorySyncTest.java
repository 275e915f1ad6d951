package org.licenselifecycle.directory.directorysync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.outboxEvents;
import static org.licenselifecycle.directory.UserFixtures.outboxPayloads;
import static org.licenselifecycle.directory.UserFixtures.outboxRows;
import static org.licenselifecycle.directory.UserFixtures.usersIn;
import static org.licenselifecycle.directory.directorysync.SyncBatches.anchor;
import static org.licenselifecycle.directory.directorysync.SyncBatches.delete;
import static org.licenselifecycle.directory.directorysync.SyncBatches.send;
import static org.licenselifecycle.directory.directorysync.SyncBatches.upsert;
import static org.licenselifecycle.directory.directorysync.SyncBatches.upserts;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.directory.users.DeletedUsersPurge;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.testsupport.Rig;

/** The sync agent's batches: users mastered in on-premises AD created, changed, removed and restored by anchor. */
@QuarkusTest
@WithTestResource(Rig.class)
class DirectorySyncTest {

    private static final Duration WINDOW = Duration.ofDays(30);

    @Inject
    EntityManager entityManager;

    @Inject
    MovableClock clock;

    @Inject
    DeletedUsersPurge purge;

    @Test
    void aBatchCreatesUpdatesAndRemovesUsersByAnchorAndAnswersPerEntry() {
        UUID tenant = UUID.randomUUID();
        String manager = anchor();
        String report = anchor();
        String leaver = anchor();
        Map<String, Object> reportEntry = upsert(report, "report");
        reportEntry.put("managerImmutableId", manager);
        // the report comes first: the manager of the same batch is written before them
        String reportId = send(tenant, List.of(reportEntry, upsert(manager, "manager"), upsert(leaver, "leaver")))
                .statusCode(200)
                .body("users.result", equalTo(List.of("created", "created", "created")))
                .body("users[0].onPremisesImmutableId", equalTo(report))
                .extract().path("users[0].id");
        String managerId = asUserAdministrator(tenant).when().get("/v1.0/users/{id}/manager", reportId)
                .then().statusCode(200).body("userPrincipalName", equalTo("manager@contoso.com")).extract().path("id");

        reportEntry.put("displayName", "Renamed in AD");
        reportEntry.put("jobTitle", "Engineer");
        send(tenant, List.of(reportEntry, upsert(manager, "manager"), delete(leaver)))
                .statusCode(200)
                .body("users.result", equalTo(List.of("updated", "unchanged", "deleted")));

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", reportId).then().statusCode(200)
                .body("displayName", equalTo("Renamed in AD"))
                .body("jobTitle", equalTo("Engineer"))
                .body("onPremisesSyncEnabled", equalTo(true));
        asUserAdministrator(tenant).when().get("/v1.0/users/leaver@contoso.com").then().statusCode(404);
        asUserAdministrator(tenant).when().get("/v1.0/directory/deletedItems/microsoft.graph.user").then()
                .body("value.userPrincipalName", equalTo(List.of("leaver@contoso.com")));
        assertThat(outboxEvents(entityManager, reportId, "UserCreated")).isEqualTo(1);
        assertThat(outboxEvents(entityManager, managerId, "UserUpdated")).isZero();
    }

    @Test
    void replayingABatchChangesNothingAndWritesNoEvent() {
        UUID tenant = UUID.randomUUID();
        String stays = anchor();
        String leaves = anchor();
        send(tenant, List.of(upsert(leaves, "replayleaver"))).statusCode(200);
        List<Map<String, Object>> batch = List.of(upsert(stays, "replayed"), delete(leaves));
        String id = send(tenant, batch).statusCode(200)
                .body("users.result", equalTo(List.of("created", "deleted"))).extract().path("users[0].id");
        String lastSync = asUserAdministrator(tenant).when()
                .get("/v1.0/users/{id}?$select=onPremisesLastSyncDateTime", id).then().extract()
                .path("onPremisesLastSyncDateTime");
        long rows = outboxRows(entityManager);

        send(tenant, batch).statusCode(200)
                .body("users.result", equalTo(List.of("unchanged", "unchanged")))
                .body("users[0].id", equalTo(id));

        assertThat(outboxRows(entityManager)).as("no event, no audit entry written").isEqualTo(rows);
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}?$select=onPremisesLastSyncDateTime", id).then()
                .body("onPremisesLastSyncDateTime", equalTo(lastSync));
        assertThat(usersIn(entityManager, tenant)).isEqualTo(2);
    }

    @Test
    void theSameBatchSentTwiceAtOnceCreatesEachUserOnce() {
        UUID tenant = UUID.randomUUID();
        List<Map<String, Object>> batch = upserts("concurrent", 5);
        List<CompletableFuture<List<String>>> runs = List.of(
                CompletableFuture.supplyAsync(() -> send(tenant, batch).statusCode(200).extract().path("users.result")),
                CompletableFuture.supplyAsync(() -> send(tenant, batch).statusCode(200).extract().path("users.result")));

        List<String> results = runs.stream().flatMap(run -> run.join().stream()).toList();

        assertThat(results).filteredOn("created"::equals).hasSize(5);
        assertThat(results).filteredOn("unchanged"::equals).hasSize(5);
        assertThat(usersIn(entityManager, tenant)).isEqualTo(5);
    }

    @Test
    void theSyncsPropertiesAreOnGraphsUserWhenSelected() {
        UUID tenant = UUID.randomUUID();
        String anchor = anchor();
        Instant at = Instant.parse("2026-11-20T08:00:00Z");
        String id;
        try {
            clock.fixAt(at);
            id = send(tenant, List.of(upsert(anchor, "selected"))).statusCode(200).extract().path("users[0].id");
        } finally {
            clock.release();
        }

        asUserAdministrator(tenant).when().get("/v1.0/users/{id}?$select=id,onPremisesSyncEnabled,onPremisesImmutableId,"
                + "onPremisesLastSyncDateTime,onPremisesSamAccountName,onPremisesDistinguishedName,onPremisesDomainName", id)
                .then().statusCode(200)
                .body("onPremisesSyncEnabled", equalTo(true))
                .body("onPremisesImmutableId", equalTo(anchor))
                .body("onPremisesLastSyncDateTime", equalTo("2026-11-20T08:00:00Z"))
                .body("onPremisesSamAccountName", equalTo("selected"))
                .body("onPremisesDistinguishedName", equalTo("CN=selected,OU=Staff,DC=contoso,DC=local"))
                .body("onPremisesDomainName", equalTo("contoso.local"));
        // a cloud account has none of them
        String cloud = createUser(tenant, "cloudonly");
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}?$select=onPremisesImmutableId,onPremisesLastSyncDateTime",
                cloud).then().body("onPremisesImmutableId", nullValue()).body("onPremisesLastSyncDateTime", nullValue());
    }

    @Test
    void aRemovalBySyncWritesTheSameUserDeletedAsAnAdminsDeletion() {
        UUID tenant = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        String managerAnchor = anchor();
        String leaverAnchor = anchor();
        Map<String, Object> leaver = upsert(leaverAnchor, "syncleaver");
        leaver.put("managerImmutableId", managerAnchor);
        String agentToken = DevTokens.token(tenant, agent, DirectoryRole.DIRECTORY_SYNCHRONIZATION_ACCOUNTS);
        List<String> ids = SyncBatches.send(agentToken, List.of(upsert(managerAnchor, "syncboss"), leaver))
                .statusCode(200).extract().path("users.id");
        UUID managerId = UUID.fromString(ids.get(0));
        String syncLeaver = ids.get(1);
        String cloudLeaver = createUser(tenant, "cloudleaver");
        asUserAdministrator(tenant).contentType(ContentType.JSON)
                .body("{\"@odata.id\": \"https://graph.microsoft.com/v1.0/users/" + managerId + "\"}")
                .when().put("/v1.0/users/{id}/manager/$ref", cloudLeaver).then().statusCode(204);
        Instant at = Instant.parse("2026-11-21T09:30:00Z");
        try {
            clock.fixAt(at);
            SyncBatches.send(agentToken, List.of(delete(leaverAnchor))).statusCode(200)
                    .body("users[0].result", equalTo("deleted"));
            RestAssured.given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.USER_ADMINISTRATOR))
                    .when().delete("/v1.0/users/{id}", cloudLeaver).then().statusCode(204);
        } finally {
            clock.release();
        }

        assertThat(read(syncLeaver)).isEqualTo(new UserDeleted(tenant, UUID.fromString(syncLeaver),
                "syncleaver@contoso.com", managerId, agent, at, at.plus(WINDOW)));
        assertThat(read(cloudLeaver)).isEqualTo(new UserDeleted(tenant, UUID.fromString(cloudLeaver),
                "cloudleaver@contoso.com", managerId, admin, at, at.plus(WINDOW)));
    }

    @Test
    void theAnchorBackInsideTheWindowRestoresTheUserAndAfterThePurgeMakesANewOne() {
        UUID tenant = UUID.randomUUID();
        String anchor = anchor();
        Instant at = Instant.now();
        try {
            clock.fixAt(at);
            String id = send(tenant, List.of(upsert(anchor, "returner"))).statusCode(200).extract().path("users[0].id");
            send(tenant, List.of(delete(anchor))).statusCode(200);

            clock.fixAt(at.plus(Duration.ofDays(10)));
            send(tenant, List.of(upsert(anchor, "returner"))).statusCode(200)
                    .body("users[0].result", equalTo("restored"))
                    .body("users[0].id", equalTo(id));
            assertThat(outboxEvents(entityManager, id, "UserRestored")).isEqualTo(1);
            asUserAdministrator(tenant).when().get("/v1.0/users/{id}", id).then().statusCode(200);

            send(tenant, List.of(delete(anchor))).statusCode(200);
            clock.fixAt(at.plus(Duration.ofDays(10)).plus(WINDOW).plusSeconds(1));
            purge.purgeDue();
            send(tenant, List.of(upsert(anchor, "returner"))).statusCode(200)
                    .body("users[0].result", equalTo("created"))
                    .body("users[0].id", org.hamcrest.Matchers.not(equalTo(id)));
        } finally {
            clock.release();
        }
        assertThat(usersIn(entityManager, tenant)).isEqualTo(1);
    }

    @Test
    void anEntryTheDirectoryRefusesFailsAloneAndTheOthersApply() {
        UUID tenant = UUID.randomUUID();
        String admin = createUser(tenant, "cloudadmin");
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).contentType(ContentType.JSON)
                .body("{\"principalId\": \"" + admin + "\", \"roleDefinitionId\": \""
                        + DirectoryRole.LICENSE_ADMINISTRATOR.templateId() + "\", \"directoryScopeId\": \"/\"}")
                .when().post("/v1.0/roleManagement/directory/roleAssignments").then().statusCode(201);
        String cloudUser = createUser(tenant, "softmatched");
        Map<String, Object> orphan = upsert(anchor(), "orphan");
        orphan.put("managerImmutableId", "no-such-anchor");
        String matched = anchor();

        send(tenant, List.of(upsert(anchor(), "cloudadmin"), orphan, upsert(matched, "softmatched")))
                .statusCode(200)
                .body("users[0].result", equalTo("error"))
                .body("users[0].error.code", equalTo("Request_BadRequest"))
                .body("users[0].error.message", containsString("soft match"))
                .body("users[1].result", equalTo("error"))
                .body("users[1].error.code", equalTo("Request_ResourceNotFound"))
                .body("users[2].result", equalTo("updated"))
                .body("users[2].id", equalTo(cloudUser));

        // the cloud admin stays a cloud account; the orphan was not created; the matched user is now synchronized
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}?$select=onPremisesSyncEnabled", admin).then()
                .body("onPremisesSyncEnabled", nullValue());
        asUserAdministrator(tenant).when().get("/v1.0/users/orphan@contoso.com").then().statusCode(404);
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}?$select=onPremisesImmutableId,displayName", cloudUser)
                .then().body("onPremisesImmutableId", equalTo(matched)).body("displayName", equalTo("Synced softmatched"));
        assertThat(usersIn(entityManager, tenant)).isEqualTo(2);
    }

    @Test
    void anEntryOutsideTheTenantsDomainsIsRefusedAloneWithGraphsMessage() {
        UUID tenant = UUID.randomUUID();
        String name = "syncdomain" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        as(tenant, DirectoryRole.GLOBAL_ADMINISTRATOR).contentType(ContentType.JSON)
                .body("{\"displayName\": \"Synced Inc\", \"domainName\": \"" + name + "\"}")
                .when().post("/api/v1/tenants").then().statusCode(201);
        Map<String, Object> own = upsert(anchor(), "own");
        own.put("userPrincipalName", "own@" + name + ".onmicrosoft.com");

        send(tenant, List.of(upsert(anchor(), "foreign"), own)).statusCode(200)
                .body("users[0].result", equalTo("error"))
                .body("users[0].error.code", equalTo("Request_BadRequest"))
                .body("users[0].error.message", equalTo("The domain portion of the userPrincipalName property is invalid."
                        + " You must use one of the verified domain names in your organization."))
                .body("users[1].result", equalTo("created"));

        assertThat(usersIn(entityManager, tenant)).isEqualTo(1);
    }

    @Test
    void anotherTenantsAnchorIsAnotherUser() {
        UUID tenant = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String anchor = anchor();
        String mine = send(tenant, List.of(upsert(anchor, "twin"))).statusCode(200).extract().path("users[0].id");

        send(other, List.of(delete(anchor))).statusCode(200).body("users[0].result", equalTo("unchanged"));
        String theirs = send(other, List.of(upsert(anchor, "twin"))).statusCode(200)
                .body("users[0].result", equalTo("created")).extract().path("users[0].id");

        assertThat(theirs).isNotEqualTo(mine);
        asUserAdministrator(tenant).when().get("/v1.0/users/{id}", mine).then().statusCode(200);
    }

    @Test
    void aBatchOverTheLimitIsRefusedAndChangesNothing() {
        UUID tenant = UUID.randomUUID();

        send(tenant, upserts("many", 501)).statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("A directory synchronization batch holds at most 500 entries;"
                        + " this one holds 501."))
                .body("error.innerError.request-id", org.hamcrest.Matchers.notNullValue());

        assertThat(usersIn(entityManager, tenant)).isZero();
    }

    @Test
    void aBatchWithAWrongEntryIsRefusedWholeAndChangesNothing() {
        UUID tenant = UUID.randomUUID();
        String twice = anchor();
        Map<String, Object> noName = upsert(anchor(), "noname");
        noName.remove("userPrincipalName");
        Map<String, Object> badLocation = upsert(anchor(), "badlocation");
        badLocation.put("usageLocation", "Narnia");

        send(tenant, List.of(upsert(anchor(), "fine"), upsert(twice, "a"), upsert(twice, "b"))).statusCode(400)
                .body("error.message", equalTo("users[2]: The anchor '" + twice + "' is in this batch more than once."));
        send(tenant, List.of(upsert(anchor(), "fine"), noName)).statusCode(400)
                .body("error.message", equalTo("users[1]: A value is required for property 'userPrincipalName' of"
                        + " resource 'User'."));
        send(tenant, List.of(badLocation)).statusCode(400)
                .body("error.message", equalTo("users[0]: Invalid value specified for property 'usageLocation' of"
                        + " resource 'User'."));
        send(tenant, List.of(Map.of("operation", "merge", "onPremisesImmutableId", anchor()))).statusCode(400);
        send(tenant, List.of()).statusCode(400);

        assertThat(usersIn(entityManager, tenant)).isZero();
    }

    private UserDeleted read(String userId) {
        List<String> payloads = outboxPayloads(entityManager, userId, "UserDeleted");
        assertThat(payloads).hasSize(1);
        return EventJson.read(payloads.get(0), UserDeleted.class);
    }
}
