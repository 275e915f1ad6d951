package org.licenselifecycle.directory.groups;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.directory.GroupFixtures.addMember;
import static org.licenselifecycle.directory.GroupFixtures.removeMember;
import static org.licenselifecycle.directory.UserFixtures.createUser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.directory.GroupFixtures;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Group changes are in the tenant's audit log as Entra ID records them (category GroupManagement), whoever makes
 * them: an admin through Graph, or the sync agent for a group mastered on premises.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class GroupAuditTest {

    private static final String LOG = "/v1.0/auditLogs/directoryAudits";

    @Test
    void anAdminsGroupChangesAreAuditedNewestFirstWithWhoDidThemAndWhatChanged() {
        UUID tenant = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        var groupsAdmin = given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.GROUPS_ADMINISTRATOR));
        String member = createUser(tenant, "audited.member");
        String group = groupsAdmin.contentType(ContentType.JSON).body(GroupFixtures.groupBody("Audited"))
                .when().post("/v1.0/groups").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.GROUPS_ADMINISTRATOR))
                .contentType(ContentType.JSON).body(Map.of("displayName", "Audited, renamed"))
                .when().patch("/v1.0/groups/{id}", group).then().statusCode(204);
        given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.GROUPS_ADMINISTRATOR))
                .contentType(ContentType.JSON).body(Map.of("displayName", "Audited, renamed"))
                .when().patch("/v1.0/groups/{id}", group).then().statusCode(204);
        addMember(tenant, admin, group, member).statusCode(204);
        removeMember(tenant, admin, group, member).statusCode(204);
        given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.GROUPS_ADMINISTRATOR))
                .when().delete("/v1.0/groups/{id}", group).then().statusCode(204);

        JsonPath log = groupEntries(tenant);
        assertThat(log.getList("activityDisplayName")).as("a PATCH that changes nothing is not recorded")
                .containsExactly("Delete group", "Remove member from group", "Add member to group", "Update group",
                        "Add group");
        assertThat(log.getList("operationType")).containsExactly("Delete", "Unassign", "Assign", "Update", "Add");
        assertThat(log.getList("initiatedBy.user.id")).containsOnly(admin.toString());
        assertThat(log.getList("loggedByService")).containsOnly("Core Directory");
        assertThat(log.getString("[0].targetResources[0].id")).isEqualTo(group);
        assertThat(log.getString("[0].targetResources[0].type")).isEqualTo("Group");
        // a membership names the user, then the group
        for (int entry : List.of(1, 2)) {
            assertThat(log.getString("[" + entry + "].targetResources[0].id")).isEqualTo(member);
            assertThat(log.getString("[" + entry + "].targetResources[0].userPrincipalName"))
                    .isEqualTo("audited.member@contoso.com");
            assertThat(log.getString("[" + entry + "].targetResources[1].id")).isEqualTo(group);
        }
        assertThat(log.getString("[2].targetResources[0].modifiedProperties[0].displayName")).isEqualTo("Group.ObjectID");
        assertThat(log.getString("[2].targetResources[0].modifiedProperties[0].newValue")).isEqualTo("[\"" + group + "\"]");
        assertThat(log.getString("[3].targetResources[0].modifiedProperties[0].displayName")).isEqualTo("DisplayName");
        assertThat(log.getString("[3].targetResources[0].modifiedProperties[0].oldValue")).isEqualTo("[\"Audited\"]");
        assertThat(log.getString("[3].targetResources[0].modifiedProperties[0].newValue"))
                .isEqualTo("[\"Audited, renamed\"]");
        assertThat(log.getString("[4].targetResources[0].displayName")).isEqualTo("Audited");
    }

    @Test
    void theSyncsGroupChangesAreAuditedAsTheSyncAgentsAndAReplayRecordsNothing() {
        UUID tenant = UUID.randomUUID();
        String userAnchor = UUID.randomUUID().toString();
        String groupAnchor = UUID.randomUUID().toString();
        Map<String, Object> user = new HashMap<>(Map.of("operation", "upsert", "onPremisesImmutableId", userAnchor,
                "userPrincipalName", "synced.member@contoso.com", "displayName", "Synced member", "accountEnabled", true));
        Map<String, Object> group = new HashMap<>(Map.of("operation", "upsert", "onPremisesImmutableId", groupAnchor,
                "displayName", "AD staff", "mailNickname", "adstaff", "description", "From AD",
                "members", List.of(userAnchor)));

        String groupId = sync(tenant, Map.of("users", List.of(user), "groups", List.of(group)))
                .getString("groups[0].id");
        sync(tenant, Map.of("users", List.of(user), "groups", List.of(group)));
        group.put("members", List.of());
        sync(tenant, Map.of("groups", List.of(group)));
        sync(tenant, Map.of("groups", List.of(Map.of("operation", "delete", "onPremisesImmutableId", groupAnchor))));

        JsonPath log = groupEntries(tenant);
        assertThat(log.getList("activityDisplayName")).containsExactly("Delete group", "Remove member from group",
                "Add member to group", "Add group");
        assertThat(log.getList("initiatedBy.app.appId")).doesNotContainNull().hasSize(4);
        assertThat(log.getList("initiatedBy.user")).containsOnlyNulls();
        assertThat(log.getList("targetResources.id.flatten()")).contains(groupId);
    }

    private static JsonPath sync(UUID tenant, Map<String, Object> batch) {
        return given().auth().oauth2(DevTokens.app(tenant, "Directory.ReadWrite.All")).contentType(ContentType.JSON)
                .body(batch).when().post("/api/v1/directorySync/batches").then().statusCode(200).extract().jsonPath();
    }

    /** The tenant's GroupManagement entries, newest first (directory keeps its own at once, in the change). */
    private static JsonPath groupEntries(UUID tenant) {
        List<Map<String, Object>> entries = given().auth().oauth2(DevTokens.token(tenant, DirectoryRole.GLOBAL_READER))
                .when().get(LOG).then().statusCode(200).extract().jsonPath().getList("value");
        try {
            return new JsonPath(new ObjectMapper().writeValueAsString(entries.stream()
                    .filter(entry -> "GroupManagement".equals(entry.get("category"))).toList()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
