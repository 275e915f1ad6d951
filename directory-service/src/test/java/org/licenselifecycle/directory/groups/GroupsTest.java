package org.licenselifecycle.directory.groups;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.licenselifecycle.directory.GroupFixtures.addMember;
import static org.licenselifecycle.directory.GroupFixtures.createGroup;
import static org.licenselifecycle.directory.GroupFixtures.groupBody;
import static org.licenselifecycle.directory.GroupFixtures.groupRows;
import static org.licenselifecycle.directory.GroupFixtures.markSynchronised;
import static org.licenselifecycle.directory.GroupFixtures.membershipEvents;
import static org.licenselifecycle.directory.GroupFixtures.removeMember;
import static org.licenselifecycle.directory.UserFixtures.as;
import static org.licenselifecycle.directory.UserFixtures.asUserAdministrator;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.deleteUser;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.directory.UserFixtures;
import org.licenselifecycle.events.GroupMembershipChanged;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/**
 * Security groups as Graph serves them: create, list, read, change and delete; members added and removed by
 * reference, each change announced with GroupMembershipChanged in its transaction; a deleted user's memberships kept
 * but not listed; another tenant's group as absent as none.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class GroupsTest {

    private static final String ALREADY_MEMBER = "One or more added object references already exist for the"
            + " following modified properties: 'members'.";
    private static final String SYNCHRONISED = "Unable to update the specified properties for on-premises mastered"
            + " Directory Sync objects or objects currently undergoing migration.";

    private static final String READ_ONLY = "Property 'onPremisesSyncEnabled' is read-only and cannot be set.";

    @Inject
    EntityManager entityManager;

    private UUID tenant;
    private UUID admin;

    @BeforeEach
    void aTenant() {
        tenant = UUID.randomUUID();
        admin = UUID.randomUUID();
    }

    @Test
    void aSecurityGroupIsCreatedAndReadBackAsGraphAnswers() {
        var created = groups().contentType(ContentType.JSON).body(groupBody("Sales EMEA"))
                .when().post("/v1.0/groups")
                .then().statusCode(201)
                .body("'@odata.context'", equalTo(base() + "/v1.0/$metadata#groups/$entity"))
                .body("displayName", equalTo("Sales EMEA"))
                .body("description", equalTo("The Sales EMEA team"))
                .body("mailNickname", equalTo("SalesEMEA"))
                .body("mailEnabled", equalTo(false))
                .body("securityEnabled", equalTo(true))
                .body("groupTypes", equalTo(List.of()))
                .body("mail", nullValue())
                .body("onPremisesSyncEnabled", nullValue())
                .body("$", not(hasKey("assignedLicenses")))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/v1.0/groups/" + id);

        as(tenant).when().get("/v1.0/groups/{id}", id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("displayName", equalTo("Sales EMEA"))
                .body("securityEnabled", equalTo(true));
        as(tenant).when().get("/v1.0/groups/{id}?$select=id,displayName", id)
                .then().statusCode(200)
                .body("'@odata.context'", equalTo(base() + "/v1.0/$metadata#groups(id,displayName)/$entity"))
                .body("$", not(hasKey("description")));
    }

    static Stream<Arguments> notSecurityGroups() {
        return Stream.of(
                Arguments.of("no displayName", (Consumer<Map<String, Object>>) body -> body.remove("displayName"),
                        "A value is required for property 'displayName' of resource 'Group'."),
                Arguments.of("no mailNickname", (Consumer<Map<String, Object>>) body -> body.remove("mailNickname"),
                        "A value is required for property 'mailNickname' of resource 'Group'."),
                Arguments.of("no mailEnabled", (Consumer<Map<String, Object>>) body -> body.remove("mailEnabled"),
                        "A value is required for property 'mailEnabled' of resource 'Group'."),
                Arguments.of("no securityEnabled", (Consumer<Map<String, Object>>) body -> body.remove("securityEnabled"),
                        "A value is required for property 'securityEnabled' of resource 'Group'."),
                Arguments.of("blank displayName", (Consumer<Map<String, Object>>) body -> body.put("displayName", " "),
                        "Invalid value specified for property 'displayName' of resource 'Group'."),
                Arguments.of("mailNickname with a space", (Consumer<Map<String, Object>>) body -> body.put("mailNickname",
                        "sales team"), "Invalid value specified for property 'mailNickname' of resource 'Group'."),
                Arguments.of("mail-enabled", (Consumer<Map<String, Object>>) body -> body.put("mailEnabled", true), null),
                Arguments.of("not security-enabled", (Consumer<Map<String, Object>>) body -> body.put("securityEnabled",
                        false), null),
                Arguments.of("a Microsoft 365 group", (Consumer<Map<String, Object>>) body -> body.put("groupTypes",
                        List.of("Unified")), null),
                Arguments.of("displayName of the wrong type", (Consumer<Map<String, Object>>) body -> body.put(
                        "displayName", 42), null),
                // only the directory synchronization masters a group on premises, as for a user
                Arguments.of("onPremisesSyncEnabled true", (Consumer<Map<String, Object>>) body -> body.put(
                        "onPremisesSyncEnabled", true), READ_ONLY),
                Arguments.of("onPremisesSyncEnabled false", (Consumer<Map<String, Object>>) body -> body.put(
                        "onPremisesSyncEnabled", false), READ_ONLY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notSecurityGroups")
    void whatIsNoValidSecurityGroupIsRefusedWithGraphsErrorAndChangesNothing(String what,
            Consumer<Map<String, Object>> change, String message) {
        Map<String, Object> body = new HashMap<>(groupBody("Refused"));
        change.accept(body);

        var response = groups().contentType(ContentType.JSON).body(body).when().post("/v1.0/groups")
                .then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"));
        if (message != null) {
            response.body("error.message", equalTo(message));
        }
        assertThat(groupRows(entityManager, tenant)).isZero();
    }

    @Test
    void groupsAreListedInPagesFilteredSelectedAndCounted() {
        List<String> created = new ArrayList<>();
        for (String name : List.of("Sales EMEA", "Sales Americas", "Sales APAC", "Finance", "Legal")) {
            created.add(createGroup(tenant, name));
        }
        createGroup(UUID.randomUUID(), "Sales elsewhere");

        JsonPath first = as(tenant).queryParam("$top", 2).queryParam("$select", "id,displayName")
                .when().get("/v1.0/groups").then().statusCode(200)
                .body("'@odata.context'", equalTo(base() + "/v1.0/$metadata#groups(id,displayName)"))
                .extract().jsonPath();
        List<String> seen = new ArrayList<>(first.getList("value.id"));
        assertThat(first.<Map<String, Object>>getList("value")).hasSize(2)
                .allSatisfy(group -> assertThat(group).containsOnlyKeys("id", "displayName"));
        String next = first.getString("'@odata.nextLink'");
        while (next != null) {
            JsonPath page = as(tenant).urlEncodingEnabled(false).when().get(next).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("value.id"));
            next = page.getString("'@odata.nextLink'");
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(created);

        assertThat(as(tenant).queryParam("$filter", "startswith(displayName,'sales')").queryParam("$count", true)
                .when().get("/v1.0/groups").then().statusCode(200)
                .body("'@odata.count'", equalTo(3))
                .extract().jsonPath().<String>getList("value.displayName"))
                .containsExactlyInAnyOrder("Sales EMEA", "Sales Americas", "Sales APAC");
        assertThat(as(tenant).queryParam("$filter", "displayName eq 'finance' and mailNickname eq 'Finance'")
                .when().get("/v1.0/groups").then().statusCode(200).extract().jsonPath().getList("value.id"))
                .containsExactly(created.get(3));
        as(tenant).queryParam("$filter", "securityEnabled eq false").when().get("/v1.0/groups")
                .then().statusCode(400).body("error.code", equalTo("Request_UnsupportedQuery"));
        as(tenant).queryParam("$top", 1000).when().get("/v1.0/groups").then().statusCode(400);
        as(tenant).queryParam("$select", "id,nothing").when().get("/v1.0/groups").then().statusCode(400);
    }

    @Test
    void patchChangesTheNamedPropertiesAndRefusesBadValuesChangingNothing() {
        String id = createGroup(tenant, "Marketing");

        groups().contentType(ContentType.JSON).body(Map.of("displayName", "Marketing EU", "description", "Europe"))
                .when().patch("/v1.0/groups/{id}", id).then().statusCode(204);
        groups().contentType(ContentType.JSON).body(Map.of("displayName", 7))
                .when().patch("/v1.0/groups/{id}", id).then().statusCode(400)
                .body("error.message", equalTo("Invalid value specified for property 'displayName' of resource 'Group'."));
        Map<String, Object> clearName = new HashMap<>();
        clearName.put("displayName", null);
        groups().contentType(ContentType.JSON).body(clearName)
                .when().patch("/v1.0/groups/{id}", id).then().statusCode(400);

        as(tenant).when().get("/v1.0/groups/{id}", id).then().statusCode(200)
                .body("displayName", equalTo("Marketing EU"))
                .body("description", equalTo("Europe"))
                .body("mailNickname", equalTo("Marketing"));
    }

    /** Only the directory synchronization masters a group on premises, or hands it back to the cloud. */
    @Test
    void settingOnPremisesSyncEnabledOfAGroupIsRefusedAsReadOnlyAndChangesNothing() {
        String cloud = createGroup(tenant, "Cloud only");
        String synced = createGroup(tenant, "Synced only");
        markSynchronised(entityManager, synced);
        long rows = groupRows(entityManager, tenant);

        for (boolean value : List.of(true, false)) {
            groups().contentType(ContentType.JSON).body(Map.of("onPremisesSyncEnabled", value, "displayName", "Not Applied"))
                    .when().patch("/v1.0/groups/{id}", cloud).then().statusCode(400)
                    .body("error.code", equalTo("Request_BadRequest"))
                    .body("error.message", equalTo(READ_ONLY));
        }
        groups().contentType(ContentType.JSON).body(Map.of("onPremisesSyncEnabled", false))
                .when().patch("/v1.0/groups/{id}", synced).then().statusCode(400)
                .body("error.message", equalTo(READ_ONLY));

        as(tenant).when().get("/v1.0/groups/{id}", cloud).then().statusCode(200)
                .body("displayName", equalTo("Cloud only"))
                .body("onPremisesSyncEnabled", nullValue());
        as(tenant).when().get("/v1.0/groups/{id}", synced).then().statusCode(200)
                .body("onPremisesSyncEnabled", equalTo(true));
        assertThat(groupRows(entityManager, tenant)).isEqualTo(rows);
    }

    @Test
    void aGroupMasteredOnPremisesIsNeitherChangedNorDeletedNorItsMembersChangedHere() {
        String id = createGroup(tenant, "Synced staff");
        String user = createUser(tenant, "synced.member");
        markSynchronised(entityManager, id);

        groups().contentType(ContentType.JSON).body(Map.of("displayName", "Renamed"))
                .when().patch("/v1.0/groups/{id}", id).then().statusCode(400)
                .body("error.code", equalTo("Request_BadRequest")).body("error.message", equalTo(SYNCHRONISED));
        groups().when().delete("/v1.0/groups/{id}", id).then().statusCode(400)
                .body("error.message", equalTo(SYNCHRONISED));
        addMember(tenant, admin, id, user).statusCode(400).body("error.message", equalTo(SYNCHRONISED));

        as(tenant).when().get("/v1.0/groups/{id}", id).then().statusCode(200)
                .body("displayName", equalTo("Synced staff"))
                .body("onPremisesSyncEnabled", equalTo(true));
        assertThat(membershipEvents(entityManager, user)).isEmpty();
    }

    @Test
    void membersAreAddedByReferenceListedAndRemovedEachChangeAnnouncedForItsUser() {
        String group = createGroup(tenant, "Sales");
        String alex = createUser(tenant, "alex");
        String megan = createUser(tenant, "megan");

        addMember(tenant, admin, group, alex).statusCode(204);
        addMember(tenant, admin, group, megan).statusCode(204);

        as(tenant).when().get("/v1.0/groups/{id}/members", group).then().statusCode(200)
                .body("'@odata.context'", equalTo(base() + "/v1.0/$metadata#directoryObjects"))
                .body("value.size()", equalTo(2))
                .body("value.'@odata.type'", equalTo(List.of("#microsoft.graph.user", "#microsoft.graph.user")))
                .body("value.find { it.id == '" + alex + "' }.userPrincipalName", equalTo("alex@contoso.com"));
        as(tenant).when().get("/v1.0/users/{id}/memberOf", alex).then().statusCode(200)
                .body("value.size()", equalTo(1))
                .body("value[0].'@odata.type'", equalTo("#microsoft.graph.group"))
                .body("value[0].id", equalTo(group))
                .body("value[0].displayName", equalTo("Sales"));
        as(tenant).when().get("/v1.0/users/{upn}/memberOf", "megan@contoso.com").then().statusCode(200)
                .body("value.id", equalTo(List.of(group)));

        removeMember(tenant, admin, group, alex).statusCode(204);

        as(tenant).when().get("/v1.0/groups/{id}/members", group).then().statusCode(200)
                .body("value.id", equalTo(List.of(megan)));
        as(tenant).when().get("/v1.0/users/{id}/memberOf", alex).then().statusCode(200)
                .body("value", equalTo(List.of()));
        List<GroupMembershipChanged> events = membershipEvents(entityManager, alex);
        assertThat(events).extracting(GroupMembershipChanged::member).containsExactly(true, false);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.tenantId()).isEqualTo(tenant);
            assertThat(event.userId()).isEqualTo(UUID.fromString(alex));
            assertThat(event.groupId()).isEqualTo(UUID.fromString(group));
            assertThat(event.groupDisplayName()).isEqualTo("Sales");
            assertThat(event.changedBy()).isEqualTo(admin);
        });
        assertThat(membershipEvents(entityManager, megan)).extracting(GroupMembershipChanged::member).containsExactly(true);
    }

    @Test
    void addingAnExistingMemberIsGraphs400AndAnnouncesNothing() {
        String group = createGroup(tenant, "Twice");
        String alex = createUser(tenant, "alex");
        addMember(tenant, admin, group, alex).statusCode(204);

        addMember(tenant, admin, group, alex).statusCode(400)
                .body("error.code", equalTo("Request_BadRequest"))
                .body("error.message", equalTo(ALREADY_MEMBER));

        assertThat(membershipEvents(entityManager, alex)).hasSize(1);
    }

    @Test
    void referencesToNoUserOfTheTenantAndRemovalsOfNoMemberAreRefusedChangingNothing() {
        String group = createGroup(tenant, "Careful");
        String stranger = createUser(UUID.randomUUID(), "stranger");
        String alex = createUser(tenant, "alex");

        addMember(tenant, admin, group, stranger).statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        addMember(tenant, admin, group, UUID.randomUUID().toString()).statusCode(404);
        groups().contentType(ContentType.JSON).body(Map.of("@odata.id", "https://graph.microsoft.com/v1.0/devices/x"))
                .when().post("/v1.0/groups/{id}/members/$ref", group).then().statusCode(400);
        groups().contentType(ContentType.JSON).body(Map.of("members", List.of()))
                .when().post("/v1.0/groups/{id}/members/$ref", group).then().statusCode(400);
        removeMember(tenant, admin, group, alex).statusCode(404);

        as(tenant).when().get("/v1.0/groups/{id}/members", group).then().statusCode(200).body("value", equalTo(List.of()));
        assertThat(membershipEvents(entityManager, stranger)).isEmpty();
        assertThat(membershipEvents(entityManager, alex)).isEmpty();
    }

    /**
     * A guest's userPrincipalName holds {@code #EXT#}: written raw into the nextLink, the {@code #} began a fragment and
     * the next page was asked of a user that does not exist.
     */
    @Test
    void theMemberOfNextLinkOfAGuestNamedByUserPrincipalNameLeadsToTheNextPage() {
        String guest = "ada_fabrikam.com#EXT#@contoso.com";
        Map<String, Object> body = UserFixtures.body("ada");
        body.put("userPrincipalName", guest);
        String ada = asUserAdministrator(tenant).contentType(ContentType.JSON).body(body).when().post("/v1.0/users")
                .then().statusCode(201).extract().path("id");
        String sales = createGroup(tenant, "Sales");
        String europe = createGroup(tenant, "Europe");
        addMember(tenant, admin, sales, ada).statusCode(204);
        addMember(tenant, admin, europe, ada).statusCode(204);

        JsonPath first = as(tenant).queryParam("$top", 1).when().get("/v1.0/users/{upn}/memberOf", guest)
                .then().statusCode(200).body("value.size()", equalTo(1)).extract().jsonPath();
        String nextLink = first.getString("'@odata.nextLink'");
        assertThat(nextLink).startsWith(base() + "/v1.0/users/").doesNotContain("#");
        // followed as a client does: the link as returned, not encoded again
        JsonPath second = as(tenant).urlEncodingEnabled(false).when().get(nextLink).then().statusCode(200)
                .body("value.size()", equalTo(1)).body("'@odata.nextLink'", nullValue()).extract().jsonPath();

        assertThat(List.of(first.getString("value[0].id"), second.getString("value[0].id")))
                .containsExactlyInAnyOrder(sales, europe);
    }

    @Test
    void aDeletedUsersMembershipIsKeptUnlistedAndBackWithTheRestoredUser() {
        String group = createGroup(tenant, "Keepers");
        String alex = createUser(tenant, "alex");
        addMember(tenant, admin, group, alex).statusCode(204);

        deleteUser(tenant, alex);

        as(tenant).when().get("/v1.0/groups/{id}/members", group).then().statusCode(200).body("value", equalTo(List.of()));
        addMember(tenant, admin, group, alex).statusCode(404);
        removeMember(tenant, admin, group, alex).statusCode(404);

        asUserAdministrator(tenant).when().post("/v1.0/directory/deletedItems/{id}/restore", alex).then().statusCode(200);

        as(tenant).when().get("/v1.0/groups/{id}/members", group).then().statusCode(200).body("value.id", equalTo(List.of(alex)));
        as(tenant).when().get("/v1.0/users/{id}/memberOf", alex).then().statusCode(200).body("value.id", equalTo(List.of(group)));
        // UserDeleted and UserRestored say it: no membership event for either
        assertThat(membershipEvents(entityManager, alex)).extracting(GroupMembershipChanged::member).containsExactly(true);
    }

    @Test
    void deletingAGroupEndsEveryMembershipDeletedUsersIncludedEachAnnounced() {
        String group = createGroup(tenant, "Project X");
        String kept = createGroup(tenant, "Everyone");
        String alex = createUser(tenant, "alex");
        String megan = createUser(tenant, "megan");
        addMember(tenant, admin, group, alex).statusCode(204);
        addMember(tenant, admin, group, megan).statusCode(204);
        addMember(tenant, admin, kept, alex).statusCode(204);
        deleteUser(tenant, megan);

        groups().when().delete("/v1.0/groups/{id}", group).then().statusCode(204);

        as(tenant).when().get("/v1.0/groups/{id}", group).then().statusCode(404)
                .body("error.code", equalTo("Request_ResourceNotFound"));
        as(tenant).when().get("/v1.0/users/{id}/memberOf", alex).then().statusCode(200).body("value.id", equalTo(List.of(kept)));
        assertThat(membershipEvents(entityManager, alex)).filteredOn(e -> e.groupId().equals(UUID.fromString(group)))
                .extracting(GroupMembershipChanged::member, GroupMembershipChanged::changedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(true, admin),
                        org.assertj.core.groups.Tuple.tuple(false, admin));
        assertThat(membershipEvents(entityManager, megan)).extracting(GroupMembershipChanged::member)
                .containsExactly(true, false);
        groups().when().delete("/v1.0/groups/{id}", group).then().statusCode(404);
    }

    @Test
    void anotherTenantsGroupIsAsAbsentAsNoneAndStaysUnchanged() {
        UUID other = UUID.randomUUID();
        String theirs = createGroup(other, "Theirs");
        String theirMember = createUser(other, "theirs");
        String mine = createUser(tenant, "mine");

        as(tenant).when().get("/v1.0/groups/{id}", theirs).then().statusCode(404);
        as(tenant).when().get("/v1.0/groups/{id}/members", theirs).then().statusCode(404);
        groups().contentType(ContentType.JSON).body(Map.of("displayName", "Mine now"))
                .when().patch("/v1.0/groups/{id}", theirs).then().statusCode(404);
        groups().when().delete("/v1.0/groups/{id}", theirs).then().statusCode(404);
        addMember(tenant, admin, theirs, mine).statusCode(404);
        removeMember(tenant, admin, theirs, theirMember).statusCode(404);
        as(tenant).when().get("/v1.0/groups").then().statusCode(200).body("value", equalTo(List.of()));
        as(tenant).when().get("/v1.0/groups/{id}", "not-a-guid").then().statusCode(404);

        as(other).when().get("/v1.0/groups/{id}", theirs).then().statusCode(200).body("displayName", equalTo("Theirs"));
        assertThat(membershipEvents(entityManager, mine)).isEmpty();
    }

    private RequestSpecification groups() {
        return given().auth().oauth2(DevTokens.token(tenant, admin, DirectoryRole.GROUPS_ADMINISTRATOR));
    }

    private static String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }
}
