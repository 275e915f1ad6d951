package org.licenselifecycle.directory;

import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;

/** Graph create bodies, callers and row counts for the directory's tests. */
public final class UserFixtures {

    public static final String PASSWORD = "xWwvJ]6NMw+bWH-d";

    private UserFixtures() {
    }

    /** A complete, valid Graph create body for {@code alias@contoso.com}; tests change or remove fields. */
    public static Map<String, Object> body(String alias) {
        Map<String, Object> body = new HashMap<>();
        body.put("accountEnabled", true);
        body.put("displayName", "Adele Vance " + alias);
        body.put("mailNickname", alias);
        body.put("userPrincipalName", alias + "@contoso.com");
        body.put("usageLocation", "US");
        body.put("passwordProfile", Map.of("forceChangePasswordNextSignIn", true, "password", PASSWORD));
        return body;
    }

    /** A request of a User Administrator of {@code tenantId}. */
    public static RequestSpecification asUserAdministrator(UUID tenantId) {
        return as(tenantId, DirectoryRole.USER_ADMINISTRATOR);
    }

    public static RequestSpecification as(UUID tenantId, DirectoryRole... roles) {
        return given().auth().oauth2(DevTokens.token(tenantId, roles));
    }

    /** Creates a user through the API and returns its id. */
    public static String createUser(UUID tenantId, String alias) {
        return asUserAdministrator(tenantId).contentType(ContentType.JSON).body(body(alias))
                .when().post("/v1.0/users")
                .then().statusCode(201)
                .extract().path("id");
    }

    /**
     * Creates a user mastered on premises ({@code displayName} "Adele Vance {@code alias}") the only way there is: the
     * tenant's sync agent sends it in a directory synchronization batch. Returns its id.
     */
    public static String createSyncedUser(UUID tenantId, String alias) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("operation", "upsert");
        entry.put("onPremisesImmutableId", Base64.getEncoder().encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)).substring(0, 24));
        entry.put("userPrincipalName", alias + "@contoso.com");
        entry.put("displayName", "Adele Vance " + alias);
        entry.put("accountEnabled", true);
        entry.put("usageLocation", "US");
        return given().auth().oauth2(DevTokens.app(tenantId, "Directory.ReadWrite.All")).contentType(ContentType.JSON)
                .body(Map.of("users", List.of(entry))).when().post("/api/v1/directorySync/batches")
                .then().statusCode(200).body("users[0].result", org.hamcrest.Matchers.equalTo("created"))
                .extract().path("users[0].id");
    }

    public static long usersIn(EntityManager entityManager, UUID tenantId) {
        return count(entityManager, "SELECT count(*) FROM users WHERE tenant_id = ?1", tenantId);
    }

    public static long allUsers(EntityManager entityManager) {
        return count(entityManager, "SELECT count(*) FROM users", null);
    }

    public static long outboxRows(EntityManager entityManager) {
        return count(entityManager, "SELECT count(*) FROM outbox_event", null);
    }

    private static long count(EntityManager entityManager, String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = entityManager.createNativeQuery(sql);
            if (parameter != null) {
                query.setParameter(1, parameter);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }

    /** Rows of the outbox announcing {@code eventName} (e.g. UserPurged) for one user. */
    public static long outboxEvents(EntityManager entityManager, String userId, String eventName) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE event_key = ?1 AND ce_type LIKE ?2")
                .setParameter(1, userId)
                .setParameter(2, "%." + eventName + ".v%")
                .getSingleResult()).longValue());
    }

    /** The payloads of the outbox rows announcing {@code eventName} for one user, in write order. */
    @SuppressWarnings("unchecked")
    public static java.util.List<String> outboxPayloads(EntityManager entityManager, String userId, String eventName) {
        return QuarkusTransaction.requiringNew().call(() -> (java.util.List<String>) entityManager
                .createNativeQuery("SELECT payload FROM outbox_event WHERE event_key = ?1 AND ce_type LIKE ?2 ORDER BY seq")
                .setParameter(1, userId)
                .setParameter(2, "%." + eventName + ".v%")
                .getResultList());
    }

    /** Deletes (soft) a user through the API as a User Administrator. */
    public static void deleteUser(UUID tenantId, String id) {
        asUserAdministrator(tenantId).when().delete("/v1.0/users/{id}", id).then().statusCode(204);
    }

    public static String uniqueAlias(String prefix) {
        return prefix + "." + UUID.randomUUID().toString().substring(0, 8);
    }
}
