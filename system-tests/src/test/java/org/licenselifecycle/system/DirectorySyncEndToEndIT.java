package org.licenselifecycle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.testsupport.DevTokens;

/**
 * A user removed through Active Directory synchronization, as the source document names it beside the admin center's
 * deletion: the license is free at once, the mailbox and OneDrive follow the retention rules (OneDrive for the
 * manager), and the user's anchor coming back inside the window brings the same user back with everything.
 */
class DirectorySyncEndToEndIT {

    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
    }

    @Test
    void aUserRemovedBySyncIsDeletedAsFromTheAdminCenterAndComesBackWithTheirAnchor() {
        AdminClient admin = new AdminClient(system);
        String syncAgent = DevTokens.app(admin.tenantId, "Directory.ReadWrite.All");
        admin.buy(AdminClient.BUSINESS_PREMIUM, 1);
        Map<String, Object> user = upsert("adsync-user-anchor", "lynne.robbins");
        user.put("managerImmutableId", "adsync-manager-anchor");
        List<String> ids = sync(syncAgent, List.of(upsert("adsync-manager-anchor", "lidia.holloway"), user))
                .body("users.result", equalTo(List.of("created", "created")))
                .extract().path("users.id");
        String managerId = ids.get(0);
        String userId = ids.get(1);
        admin.assign(userId, AdminClient.BUSINESS_PREMIUM);
        await("mailbox and OneDrive provisioned").atMost(AdminClient.EVENTUALLY).until(() ->
                admin.mailbox(userId) != null && admin.oneDrive(userId) != null);
        assertThat(admin.product(AdminClient.BUSINESS_PREMIUM)).containsEntry("available", 0);

        sync(syncAgent, List.of(Map.of("operation", "delete", "onPremisesImmutableId", "adsync-user-anchor")))
                .body("users[0].result", equalTo("deleted"));

        await("the seat is free for someone else").atMost(AdminClient.EVENTUALLY).untilAsserted(() ->
                assertThat(admin.product(AdminClient.BUSINESS_PREMIUM)).containsEntry("available", 1));
        JsonPath mailbox = admin.awaitMailbox(userId, "SOFT_DELETED");
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        assertThat(Instant.parse(mailbox.getString("purgeAfter")))
                .isEqualTo(Instant.parse(mailbox.getString("userDeletedAt")).plus(THIRTY_DAYS));
        JsonPath oneDrive = await("OneDrive retained for the manager").atMost(AdminClient.EVENTUALLY)
                .until(() -> admin.oneDrive(userId), o -> "RETAINED".equals(o.getString("state")));
        assertThat(oneDrive.getString("accessGrantedTo")).isEqualTo(managerId);
        assertThat(Instant.parse(oneDrive.getString("deleteAfter")))
                .isEqualTo(Instant.parse(oneDrive.getString("userDeletedAt")).plus(THIRTY_DAYS));

        sync(syncAgent, List.of(user))
                .body("users[0].result", equalTo("restored"))
                .body("users[0].id", equalTo(userId));

        await("the license comes back with the user").atMost(AdminClient.EVENTUALLY).untilAsserted(() ->
                assertThat(admin.product(AdminClient.BUSINESS_PREMIUM)).containsEntry("available", 0));
        await("mailbox and OneDrive back as before").atMost(AdminClient.EVENTUALLY).untilAsserted(() -> {
            assertThat(admin.mailbox(userId).getString("state")).isEqualTo("ACTIVE");
            assertThat(admin.oneDrive(userId).getString("state")).isEqualTo("ACTIVE");
        });
    }

    @Test
    void aGroupSyncedFromOnPremisesLicensesItsMembersAndAMemberTheSyncDropsLosesTheLicenseAndTheMailboxWaits() {
        AdminClient admin = new AdminClient(system);
        String syncAgent = DevTokens.app(admin.tenantId, "Directory.ReadWrite.All");
        admin.buy(AdminClient.BUSINESS_PREMIUM, 2);
        Map<String, Object> sales = new HashMap<>(Map.of("operation", "upsert", "onPremisesImmutableId", "adsync-group-sales",
                "displayName", "Sales (AD)", "mailNickname", "salesad", "members", List.of("adsync-nestor")));
        String userId = given().baseUri(system.directory.baseUrl()).auth().oauth2(syncAgent).contentType(ContentType.JSON)
                .body(Map.of("users", List.of(upsert("adsync-nestor", "nestor.wilke")), "groups", List.of(sales)))
                .post("/api/v1/directorySync/batches")
                .then().statusCode(200)
                .body("users[0].result", equalTo("created")).body("groups[0].result", equalTo("created"))
                .extract().path("users[0].id");
        String groupId = given().baseUri(system.directory.baseUrl()).auth().oauth2(admin.globalAdmin)
                .get("/v1.0/users/{id}/memberOf", userId)
                .then().statusCode(200).extract().path("value[0].id");
        // licenses are the cloud's: an admin gives the synced group a product
        admin.assignToGroup(groupId, AdminClient.BUSINESS_PREMIUM);
        admin.awaitMailbox(userId, "ACTIVE");

        sales.put("members", List.of());
        given().baseUri(system.directory.baseUrl()).auth().oauth2(syncAgent).contentType(ContentType.JSON)
                .body(Map.of("users", List.of(upsert("adsync-nestor", "nestor.wilke")), "groups", List.of(sales)))
                .post("/api/v1/directorySync/batches")
                .then().statusCode(200)
                .body("users[0].result", equalTo("unchanged")).body("groups[0].result", equalTo("updated"));

        JsonPath mailbox = admin.awaitMailbox(userId, "DISCONNECTED");
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        assertThat(Instant.parse(mailbox.getString("purgeAfter")))
                .isEqualTo(Instant.parse(mailbox.getString("removedAt")).plus(THIRTY_DAYS));
        assertThat(admin.product(AdminClient.BUSINESS_PREMIUM)).containsEntry("assigned", 0);
    }

    private static Map<String, Object> upsert(String anchor, String alias) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("operation", "upsert");
        entry.put("onPremisesImmutableId", anchor);
        entry.put("userPrincipalName", alias + "@contoso.onmicrosoft.com");
        entry.put("displayName", alias);
        entry.put("accountEnabled", true);
        entry.put("usageLocation", "US");
        return entry;
    }

    private static ValidatableResponse sync(String token, List<Map<String, Object>> entries) {
        return given().baseUri(system.directory.baseUrl()).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("users", entries))
                .post("/api/v1/directorySync/batches")
                .then().statusCode(200);
    }
}
