package org.licenselifecycle.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;

/** A fresh tenant's admins calling the running system over HTTP, as the admin center or a script would. */
final class AdminClient {

    static final String BUSINESS_PREMIUM = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    static final String OFFICE_365_E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900";
    static final String MICROSOFT_365_E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    static final String APPS_FOR_BUSINESS = "cdd28e44-67e3-425e-be4c-737fab2899d3";
    static final Duration EVENTUALLY = Duration.ofSeconds(60);

    final UUID tenantId = UUID.randomUUID();
    final String globalAdmin = DevTokens.token(tenantId, DirectoryRole.GLOBAL_ADMINISTRATOR);
    final String licenseAdmin = DevTokens.token(tenantId, DirectoryRole.LICENSE_ADMINISTRATOR);
    private final RunningSystem system;

    AdminClient(RunningSystem system) {
        this.system = system;
    }

    void buy(String skuId, int licenses) {
        given().baseUri(system.licensing.baseUrl()).auth().oauth2(globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("skuId", skuId, "licenses", licenses))
                .post("/api/v1/subscriptions")
                .then().statusCode(201);
    }

    /** Creates a user with a usage location and returns their id. */
    String createUser(String alias) {
        return createUser(alias, alias);
    }

    String createUser(String alias, String displayName) {
        return given().baseUri(system.directory.baseUrl()).auth().oauth2(globalAdmin).contentType(ContentType.JSON)
                .body(Map.of(
                        "accountEnabled", true,
                        "displayName", displayName,
                        "mailNickname", alias,
                        "userPrincipalName", alias + "@contoso.onmicrosoft.com",
                        "usageLocation", "US",
                        "passwordProfile", Map.of("forceChangePasswordNextSignIn", true, "password", "xWwvJ]6NMw+bWH-d")))
                .post("/v1.0/users")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** Assigns a license, waiting until licensing has heard of the user from the directory's events. */
    void assign(String userId, String skuId) {
        await("licensing assigns " + skuId + " to " + userId).atMost(EVENTUALLY).untilAsserted(() ->
                assignLicense(userId, List.of(Map.of("skuId", skuId, "disabledPlans", List.of())), List.of())
                        .then().statusCode(200));
    }

    Response assignLicense(String userId, List<Map<String, Object>> add, List<String> remove) {
        return given().baseUri(system.licensing.baseUrl()).auth().oauth2(licenseAdmin).contentType(ContentType.JSON)
                .body(Map.of("addLicenses", add, "removeLicenses", remove))
                .post("/v1.0/users/{id}/assignLicense", userId);
    }

    /** Creates a security group in the directory (Graph's POST /groups) and returns its id. */
    String createGroup(String displayName) {
        return given().baseUri(system.directory.baseUrl()).auth().oauth2(globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("displayName", displayName, "mailNickname", displayName.replaceAll("[^A-Za-z0-9]", "").toLowerCase(),
                        "mailEnabled", false, "securityEnabled", true))
                .post("/v1.0/groups")
                .then().statusCode(201)
                .extract().path("id");
    }

    /** The user joins the group (Graph's members/$ref), which directory announces to licensing. */
    void addMember(String groupId, String userId) {
        given().baseUri(system.directory.baseUrl()).auth().oauth2(globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("@odata.id", "https://graph.microsoft.com/v1.0/directoryObjects/" + userId))
                .post("/v1.0/groups/{id}/members/$ref", groupId)
                .then().statusCode(204);
    }

    /** The user leaves the group. */
    void removeMember(String groupId, String userId) {
        given().baseUri(system.directory.baseUrl()).auth().oauth2(globalAdmin)
                .delete("/v1.0/groups/{id}/members/{userId}/$ref", groupId, userId)
                .then().statusCode(204);
    }

    /** Gives the group a product (Graph's group assignLicense, at licensing). */
    void assignToGroup(String groupId, String skuId) {
        given().baseUri(system.licensing.baseUrl()).auth().oauth2(licenseAdmin).contentType(ContentType.JSON)
                .body(Map.of("addLicenses", List.of(Map.of("skuId", skuId, "disabledPlans", List.of())),
                        "removeLicenses", List.of()))
                .post("/v1.0/groups/{id}/assignLicense", groupId)
                .then().statusCode(202);
    }

    /** The user's licenseAssignmentStates as directory shows them (Graph's user, $select). */
    List<Map<String, Object>> licenseAssignmentStates(String userId) {
        return given().baseUri(system.directory.baseUrl()).auth().oauth2(globalAdmin)
                .get("/v1.0/users/{id}?$select=licenseAssignmentStates", userId)
                .then().statusCode(200)
                .extract().jsonPath().getList("licenseAssignmentStates");
    }

    /** The Licenses page's row of one product: total, assigned, available. */
    Map<String, Object> product(String skuId) {
        List<Map<String, Object>> rows = given().baseUri(system.licensing.baseUrl()).auth().oauth2(licenseAdmin)
                .get("/api/v1/licenses")
                .then().statusCode(200)
                .extract().jsonPath().getList("");
        return rows.stream().filter(row -> skuId.equals(row.get("skuId"))).findFirst()
                .orElseThrow(() -> new AssertionError("The Licenses page does not list " + skuId));
    }

    /** Buys a subscription described by {@code purchase} (skuId, licenses, boughtBy, productKind, purchaser...). */
    String buy(Map<String, Object> purchase) {
        return given().baseUri(system.licensing.baseUrl()).auth().oauth2(globalAdmin).contentType(ContentType.JSON)
                .body(purchase)
                .post("/api/v1/subscriptions")
                .then().statusCode(201)
                .extract().path("id");
    }

    /**
     * A self-service purchase, made by the user themselves (an admin cannot make one), once licensing has heard
     * of them from the directory's events.
     */
    String buyAsUser(String userId, Map<String, Object> purchase) {
        String token = DevTokens.token(tenantId, UUID.fromString(userId));
        return await("licensing takes " + userId + "'s self-service purchase").atMost(EVENTUALLY).until(() ->
                given().baseUri(system.licensing.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                        .body(purchase)
                        .post("/api/v1/subscriptions"), response -> response.statusCode() == 201)
                .path("id");
    }

    /** The tenant's subscriptions as Your products lists them. */
    List<Map<String, Object>> subscriptions() {
        return given().baseUri(system.licensing.baseUrl()).auth().oauth2(globalAdmin)
                .get("/api/v1/subscriptions")
                .then().statusCode(200)
                .extract().jsonPath().getList("");
    }

    /** Records the user's admin role in the directory (what the console's demo sign-in lists). */
    void assignRole(String userId, DirectoryRole role) {
        given().baseUri(system.directory.baseUrl()).auth().oauth2(globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("principalId", userId, "roleDefinitionId", role.templateId(), "directoryScopeId", "/"))
                .post("/v1.0/roleManagement/directory/roleAssignments")
                .then().statusCode(201);
    }

    /** The skuIds of the products the user holds, as licensing has them. */
    List<String> licensesOf(String userId) {
        return given().baseUri(system.licensing.baseUrl()).auth().oauth2(licenseAdmin)
                .get("/api/v1/users/{id}/licenses", userId)
                .then().statusCode(200)
                .extract().jsonPath().getList("licenses.skuId");
    }

    void placeHold(String userId, String kind) {
        given().baseUri(system.lifecycle.baseUrl()).auth().oauth2(globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("kind", kind))
                .post("/api/v1/users/{id}/mailbox/holds", userId)
                .then().statusCode(200);
    }

    /** Waits until the user's mailbox is in {@code state}, and returns it. */
    JsonPath awaitMailbox(String userId, String state) {
        return await("mailbox of " + userId + " " + state).atMost(EVENTUALLY)
                .until(() -> mailbox(userId), json -> json != null && state.equals(json.getString("state")));
    }

    JsonPath mailbox(String userId) {
        return getFromLifecycle("/api/v1/users/{id}/mailbox", userId);
    }

    JsonPath oneDrive(String userId) {
        return getFromLifecycle("/api/v1/users/{id}/onedrive", userId);
    }

    private JsonPath getFromLifecycle(String path, String userId) {
        Response response = given().baseUri(system.lifecycle.baseUrl()).auth().oauth2(licenseAdmin).get(path, userId);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }
}
