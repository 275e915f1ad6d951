package org.licenselifecycle.directory.directorysync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.licenselifecycle.directory.GroupFixtures.addMember;
import static org.licenselifecycle.directory.GroupFixtures.createGroup;
import static org.licenselifecycle.directory.GroupFixtures.groupRows;
import static org.licenselifecycle.directory.GroupFixtures.membershipEvents;
import static org.licenselifecycle.directory.GroupFixtures.removeMember;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.outboxRows;
import static org.licenselifecycle.directory.UserFixtures.usersIn;
import static org.licenselifecycle.directory.directorysync.SyncBatches.anchor;
import static org.licenselifecycle.directory.directorysync.SyncBatches.delete;
import static org.licenselifecycle.directory.directorysync.SyncBatches.group;
import static org.licenselifecycle.directory.directorysync.SyncBatches.groups;
import static org.licenselifecycle.directory.directorysync.SyncBatches.send;
import static org.licenselifecycle.directory.directorysync.SyncBatches.upsert;
import static org.licenselifecycle.directory.directorysync.SyncBatches.upserts;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.directory.users.OnPremisesMastered;
import org.licenselifecycle.events.GroupMembershipChanged;
import org.licenselifecycle.testsupport.Rig;

/**
 * The sync agent's batches for security groups mastered in on-premises AD: created, changed and deleted by anchor,
 * the membership stated whole by the members' anchors, each join and leave announced with GroupMembershipChanged.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class DirectorySyncGroupsTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aGroupIsCreatedWithItsMembersByAnchorIncludingUsersOfTheSameBatch() {
        UUID tenant = UUID.randomUUID();
        String earlier = anchor();
        String sameBatch = anchor();
        String staff = anchor();
        String earlierId = send(tenant, List.of(upsert(earlier, "earlier"))).statusCode(200)
                .extract().path("users[0].id");

        var answer = send(tenant, List.of(upsert(sameBatch, "newcomer")), List.of(group(staff, "Staff", earlier, sameBatch)))
                .statusCode(200)
                .body("users[0].result", equalTo("created"))
                .body("groups[0].result", equalTo("created"))
                .body("groups[0].onPremisesImmutableId", equalTo(staff))
                .extract();
        String groupId = answer.path("groups[0].id");
        String newcomerId = answer.path("users[0].id");

        asUserAdministrator(tenant).when().get("/v1.0/groups/{id}", groupId).then().statusCode(200)
                .body("displayName", equalTo("Staff"))
                .body("mailNickname", equalTo("Staff"))
                .body("description", equalTo("The Staff group in AD"))
                .body("onPremisesSyncEnabled", equalTo(true));
        asUserAdministrator(tenant).when().get("/v1.0/groups/{id}/members", groupId).then().statusCode(200)
                .body("value.userPrincipalName",
                        org.hamcrest.Matchers.containsInAnyOrder("earlier@contoso.com", "newcomer@contoso.com"));
        for (String member : List.of(earlierId, newcomerId)) {
            assertThat(membershipEvents(entityManager, member))
                    .extracting(GroupMembershipChanged::groupId, GroupMembershipChanged::groupDisplayName,
                            GroupMembershipChanged::member)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(UUID.fromString(groupId), "Staff", true));
        }
    }

    @Test
    void theMembershipIsReplacedExactlyEachJoinAndLeaveAnnouncedAndAReplayWritesNone() {
        UUID tenant = UUID.randomUUID();
        String stays = anchor();
        String leaves = anchor();
        String joins = anchor();
        String group = anchor();
        var users = send(tenant, List.of(upsert(stays, "stays"), upsert(leaves, "leaves"), upsert(joins, "joins")))
                .statusCode(200).extract();
        String staysId = users.path("users[0].id");
        String leavesId = users.path("users[1].id");
        String joinsId = users.path("users[2].id");
        String groupId = send(tenant, List.of(), List.of(group(group, "Engineering", stays, leaves))).statusCode(200)
                .extract().path("groups[0].id");

        List<Map<String, Object>> renamed = List.of(group(group, "Engineering EMEA", stays, joins));
        send(tenant, List.of(), renamed).statusCode(200)
                .body("groups[0].result", equalTo("updated"))
                .body("groups[0].id", equalTo(groupId));

        assertThat(membershipEvents(entityManager, staysId)).extracting(GroupMembershipChanged::member)
                .containsExactly(true);
        assertThat(membershipEvents(entityManager, leavesId)).extracting(GroupMembershipChanged::member)
                .containsExactly(true, false);
        assertThat(membershipEvents(entityManager, joinsId))
                .extracting(GroupMembershipChanged::groupDisplayName, GroupMembershipChanged::member)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Engineering EMEA", true));
        asUserAdministrator(tenant).when().get("/v1.0/groups/{id}/members", groupId).then()
                .body("value.id", org.hamcrest.Matchers.containsInAnyOrder(staysId, joinsId));

        String lastSync = asUserAdministrator(tenant).when()
                .get("/v1.0/groups/{id}?$select=onPremisesLastSyncDateTime", groupId).then().statusCode(200)
                .body("onPremisesLastSyncDateTime", org.hamcrest.Matchers.notNullValue())
                .extract().path("onPremisesLastSyncDateTime");
        long rows = outboxRows(entityManager);
        send(tenant, List.of(), renamed).statusCode(200)
                .body("groups[0].result", equalTo("unchanged"))
                .body("groups[0].id", equalTo(groupId));

        assertThat(outboxRows(entityManager)).as("a replay writes no event").isEqualTo(rows);
        assertThat(membershipEvents(entityManager, staysId)).hasSize(1);
        assertThat(membershipEvents(entityManager, joinsId)).hasSize(1);
        asUserAdministrator(tenant).when().get("/v1.0/groups/{id}?$select=onPremisesLastSyncDateTime", groupId).then()
                .body("onPremisesLastSyncDateTime", equalTo(lastSync));
    }

    @Test
    void theSameGroupSentTwiceAtOnceIsCreatedOnceWithOneJoinPerMember() {
        UUID tenant = UUID.randomUUID();
        String member = anchor();
        String memberId = send(tenant, List.of(upsert(member, "racer"))).statusCode(200).extract().path("users[0].id");
        List<Map<String, Object>> groups = List.of(group(anchor(), "Racing", member));
        List<CompletableFuture<String>> runs = List.of(
                CompletableFuture.supplyAsync(() -> send(tenant, List.of(), groups).statusCode(200)
                        .extract().path("groups[0].result")),
                CompletableFuture.supplyAsync(() -> send(tenant, List.of(), groups).statusCode(200)
                        .extract().path("groups[0].result")));

        List<String> results = runs.stream().map(CompletableFuture::join).toList();

        assertThat(results).containsExactlyInAnyOrder("created", "unchanged");
        assertThat(groupRows(entityManager, tenant)).as("one group, one membership").isEqualTo(2);
        assertThat(membershipEvents(entityManager, memberId)).hasSize(1);
    }

    @Test
    void aGroupsDeletionBySyncEndsEveryMembershipEachAnnounced() {
        UUID tenant = UUID.randomUUID();
        String alex = anchor();
        String megan = anchor();
        String group = anchor();
        var answer = send(tenant, List.of(upsert(alex, "alex"), upsert(megan, "megan")),
                List.of(group(group, "Leavers", alex, megan))).statusCode(200).extract();
        String groupId = answer.path("groups[0].id");

        send(tenant, List.of(), List.of(delete(group))).statusCode(200)
                .body("groups[0].result", equalTo("deleted"))
                .body("groups[0].id", equalTo(groupId));

        asUserAdministrator(tenant).when().get("/v1.0/groups/{id}", groupId).then().statusCode(404);
        for (String member : List.of((String) answer.path("users[0].id"), (String) answer.path("users[1].id"))) {
            assertThat(membershipEvents(entityManager, member)).extracting(GroupMembershipChanged::member)
                    .containsExactly(true, false);
        }
        assertThat(groupRows(entityManager, tenant)).isZero();
        send(tenant, List.of(), List.of(delete(group))).statusCode(200)
                .body("groups[0].result", equalTo("unchanged"))
                .body("groups[0].id", nullValue());
    }

    @Test
    void anUnknownMemberAnchorFailsThatGroupAloneAndTheOthersApply() {
        UUID tenant = UUID.randomUUID();
        String member = anchor();
        String unknown = anchor();
        String memberId = send(tenant, List.of(upsert(member, "known"))).statusCode(200).extract().path("users[0].id");

        send(tenant, List.of(), List.of(group(anchor(), "Applies", member), group(anchor(), "Fails", member, unknown)))
                .statusCode(200)
                .body("groups.result", equalTo(List.of("created", "error")))
                .body("groups[1].id", nullValue())
                .body("groups[1].error.code", equalTo("Request_ResourceNotFound"))
                .body("groups[1].error.message", equalTo("Resource '" + unknown
                        + "' does not exist or one of its queried reference-property objects are not present."));

        assertThat(groupRows(entityManager, tenant)).as("one group, one membership").isEqualTo(2);
        assertThat(membershipEvents(entityManager, memberId)).hasSize(1);
    }

    /**
     * A large AD group names tens of thousands of members: their anchors are looked up as one array, not one bind
     * parameter each (PostgreSQL takes at most 32,767). Before, the lookup failed and the batch was a 500.
     */
    @Test
    void aGroupNamingMoreMembersThanPostgresqlHasBindParametersIsLookedUpAtOnce() {
        UUID tenant = UUID.randomUUID();
        String first = anchor();
        String second = anchor();
        send(tenant, List.of(upsert(first, "largefirst"), upsert(second, "largesecond"))).statusCode(200);
        List<String> members = new ArrayList<>(List.of(first, second));
        for (int i = 0; i < 40_000; i++) {
            members.add(String.format("large-%08d", i));
        }
        Map<String, Object> large = group(anchor(), "Everyone in AD", members.toArray(String[]::new));

        send(tenant, List.of(), List.of(large, group(anchor(), "Both known", first, second)))
                .statusCode(200)
                .body("groups.result", equalTo(List.of("error", "created")))
                .body("groups[0].error.message", equalTo("Resource 'large-00000000'"
                        + " does not exist or one of its queried reference-property objects are not present."));

        assertThat(groupRows(entityManager, tenant)).as("the known group and its two memberships").isEqualTo(3);
    }

    @Test
    void aSyncedGroupIsRefusedToCloudAdminsWithGraphsMessageAndStaysTheSyncs() {
        UUID tenant = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        String member = anchor();
        String group = anchor();
        var answer = send(tenant, List.of(upsert(member, "insider")), List.of(group(group, "Synced staff", member)))
                .statusCode(200).extract();
        String groupId = answer.path("groups[0].id");
        String memberId = answer.path("users[0].id");
        String cloudUser = createUser(tenant, "cloud.user");

        as(tenant, DirectoryRole.GROUPS_ADMINISTRATOR).contentType(ContentType.JSON)
                .body(Map.of("displayName", "Renamed in the cloud"))
                .when().patch("/v1.0/groups/{id}", groupId).then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo(OnPremisesMastered.MESSAGE));
        addMember(tenant, admin, groupId, cloudUser).statusCode(400)
                .body("error.message", equalTo(OnPremisesMastered.MESSAGE));
        removeMember(tenant, admin, groupId, memberId).statusCode(400)
                .body("error.message", equalTo(OnPremisesMastered.MESSAGE));
        as(tenant, DirectoryRole.GROUPS_ADMINISTRATOR).when().delete("/v1.0/groups/{id}", groupId).then()
                .statusCode(400).body("error.message", equalTo(OnPremisesMastered.MESSAGE));
        assertThat(membershipEvents(entityManager, cloudUser)).isEmpty();
        assertThat(membershipEvents(entityManager, memberId)).hasSize(1);

        send(tenant, List.of(), List.of(group(group, "Renamed in AD"))).statusCode(200)
                .body("groups[0].result", equalTo("updated"));
        asUserAdministrator(tenant).when().get("/v1.0/groups/{id}", groupId).then()
                .body("displayName", equalTo("Renamed in AD"));
        assertThat(membershipEvents(entityManager, memberId)).extracting(GroupMembershipChanged::member)
                .containsExactly(true, false);
    }

    @Test
    void anotherTenantsAnchorIsAnotherGroup() {
        UUID tenant = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String anchor = anchor();
        String mine = send(tenant, List.of(), List.of(group(anchor, "Twins"))).statusCode(200)
                .extract().path("groups[0].id");

        send(other, List.of(), List.of(delete(anchor))).statusCode(200)
                .body("groups[0].result", equalTo("unchanged"));
        String theirs = send(other, List.of(), List.of(group(anchor, "Twins"))).statusCode(200)
                .body("groups[0].result", equalTo("created")).extract().path("groups[0].id");

        assertThat(theirs).isNotEqualTo(mine);
        asUserAdministrator(tenant).when().get("/v1.0/groups/{id}", mine).then().statusCode(200);
    }

    @Test
    void aCloudGroupOfTheSameNameIsNotMatchedAndStays() {
        UUID tenant = UUID.randomUUID();
        String cloud = createGroup(tenant, "Sales");

        String synced = send(tenant, List.of(), List.of(group(anchor(), "Sales"))).statusCode(200)
                .body("groups[0].result", equalTo("created")).extract().path("groups[0].id");

        assertThat(synced).isNotEqualTo(cloud);
        asUserAdministrator(tenant).when().get("/v1.0/groups/{id}", cloud).then().statusCode(200)
                .body("onPremisesSyncEnabled", nullValue());
        asUserAdministrator(tenant).when().get("/v1.0/groups/{id}", synced).then().statusCode(200)
                .body("onPremisesSyncEnabled", equalTo(true));
    }

    @Test
    void aBatchOverTheLimitAcrossUsersAndGroupsIsRefusedAndChangesNothing() {
        UUID tenant = UUID.randomUUID();

        send(tenant, upserts("many", 300), groups("Many", 201)).statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo("A directory synchronization batch holds at most 500 entries;"
                        + " this one holds 501."));

        assertThat(usersIn(entityManager, tenant)).isZero();
        assertThat(groupRows(entityManager, tenant)).isZero();
    }

    @Test
    void aBatchWithAWrongGroupEntryIsRefusedWholeNamingTheEntryAndChangesNothing() {
        UUID tenant = UUID.randomUUID();
        String twice = anchor();
        Map<String, Object> noNickname = group(anchor(), "No nickname");
        noNickname.remove("mailNickname");
        Map<String, Object> noMembers = group(anchor(), "No members");
        noMembers.remove("members");

        send(tenant, List.of(upsert(anchor(), "fine")), List.of(group(anchor(), "Fine"), noNickname)).statusCode(400)
                .body("error.message", equalTo("groups[1]: A value is required for property 'mailNickname' of"
                        + " resource 'Group'."));
        send(tenant, List.of(), List.of(group(twice, "A"), group(twice, "B"))).statusCode(400)
                .body("error.message", equalTo("groups[1]: The anchor '" + twice + "' is in this batch more than once."));
        send(tenant, List.of(), List.of(noMembers)).statusCode(400)
                .body("error.message", equalTo("groups[0]: A list is required for property 'members': the group's"
                        + " members' anchors."));
        send(tenant, List.of(), List.of()).statusCode(400);

        assertThat(usersIn(entityManager, tenant)).isZero();
        assertThat(groupRows(entityManager, tenant)).isZero();
    }
}
