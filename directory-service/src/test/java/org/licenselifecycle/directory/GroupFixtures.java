package org.licenselifecycle.directory;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.GroupMembershipChanged;
import org.licenselifecycle.testsupport.DevTokens;

/** Graph group bodies, groups and members made through the API, and the group rows and events of the directory's tests. */
public final class GroupFixtures {

    private GroupFixtures() {
    }

    /** A complete, valid Graph create body of a security group; tests change or remove fields. */
    public static Map<String, Object> groupBody(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("displayName", name);
        body.put("mailNickname", name.replaceAll("[^A-Za-z0-9]", ""));
        body.put("mailEnabled", false);
        body.put("securityEnabled", true);
        body.put("description", "The " + name + " team");
        return body;
    }

    /** Creates a security group as a Groups Administrator and returns its id. */
    public static String createGroup(UUID tenantId, String name) {
        return UserFixtures.as(tenantId, DirectoryRole.GROUPS_ADMINISTRATOR).contentType(ContentType.JSON)
                .body(groupBody(name)).when().post("/v1.0/groups")
                .then().statusCode(201).extract().path("id");
    }

    /** Adds a member by reference as a Groups Administrator of the tenant acting as {@code adminId}. */
    public static ValidatableResponse addMember(UUID tenantId, UUID adminId, String groupId, String userId) {
        return given().auth().oauth2(DevTokens.token(tenantId, adminId, DirectoryRole.GROUPS_ADMINISTRATOR))
                .contentType(ContentType.JSON)
                .body(Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + userId))
                .when().post("/v1.0/groups/{id}/members/$ref", groupId)
                .then();
    }

    /** Removes a member by reference as a Groups Administrator of the tenant acting as {@code adminId}. */
    public static ValidatableResponse removeMember(UUID tenantId, UUID adminId, String groupId, String userId) {
        return given().auth().oauth2(DevTokens.token(tenantId, adminId, DirectoryRole.GROUPS_ADMINISTRATOR))
                .when().delete("/v1.0/groups/{id}/members/{userId}/$ref", groupId, userId)
                .then();
    }

    /** The GroupMembershipChanged events written to the outbox for one user, in write order. */
    public static List<GroupMembershipChanged> membershipEvents(EntityManager entityManager, String userId) {
        return UserFixtures.outboxPayloads(entityManager, userId, "GroupMembershipChanged").stream()
                .map(json -> EventJson.read(json, GroupMembershipChanged.class)).toList();
    }

    /** How many groups and memberships the tenant has, counted in the database. */
    public static long groupRows(EntityManager entityManager, UUID tenantId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT (SELECT count(*) FROM groups WHERE tenant_id = ?1)"
                                + " + (SELECT count(*) FROM group_member WHERE tenant_id = ?1)")
                .setParameter(1, tenantId).getSingleResult()).longValue());
    }

    /** Marks a group as mastered on premises, as directory synchronization will. */
    public static void markSynchronised(EntityManager entityManager, String groupId) {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE groups SET on_premises_sync_enabled = TRUE WHERE id = ?1")
                .setParameter(1, UUID.fromString(groupId)).executeUpdate());
    }
}
