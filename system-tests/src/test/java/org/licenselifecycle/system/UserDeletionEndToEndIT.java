package org.licenselifecycle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Deleting a user as the source document describes it: the license is free for someone else at once, the
 * mailbox and OneDrive follow the retention rules, and a restore inside the window brings everything back.
 */
class UserDeletionEndToEndIT {

    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
    }

    @Test
    void deletingAHeldEnterpriseUserFreesTheSeatKeepsAnInactiveMailboxAndRestoringBringsItAllBack() {
        AdminClient admin = new AdminClient(system);
        admin.buy(AdminClient.OFFICE_365_E3, 1);
        String managerId = admin.createUser("megan.bowen");
        String userId = admin.createUser("alex.wilber");
        given().baseUri(system.directory.baseUrl()).auth().oauth2(admin.globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("@odata.id", system.directory.baseUrl() + "/v1.0/users/" + managerId))
                .put("/v1.0/users/{id}/manager/$ref", userId)
                .then().statusCode(204);
        admin.assign(userId, AdminClient.OFFICE_365_E3);
        await("mailbox and OneDrive provisioned").atMost(AdminClient.EVENTUALLY).until(() ->
                admin.mailbox(userId) != null && admin.oneDrive(userId) != null);
        given().baseUri(system.lifecycle.baseUrl()).auth().oauth2(admin.globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("kind", "LITIGATION_HOLD"))
                .post("/api/v1/users/{id}/mailbox/holds", userId)
                .then().statusCode(200);
        assertThat(admin.product(AdminClient.OFFICE_365_E3)).containsEntry("available", 0);

        given().baseUri(system.directory.baseUrl()).auth().oauth2(admin.globalAdmin)
                .delete("/v1.0/users/{id}", userId)
                .then().statusCode(204);

        await("the seat is free for someone else").atMost(AdminClient.EVENTUALLY).untilAsserted(() ->
                assertThat(admin.product(AdminClient.OFFICE_365_E3)).containsEntry("available", 1));
        JsonPath mailbox = await("an inactive mailbox: Enterprise plan under a hold").atMost(AdminClient.EVENTUALLY)
                .until(() -> admin.mailbox(userId), m -> "INACTIVE".equals(m.getString("state")));
        assertThat(mailbox.getBoolean("searchable")).isTrue();
        JsonPath oneDrive = await("OneDrive retained for the manager").atMost(AdminClient.EVENTUALLY)
                .until(() -> admin.oneDrive(userId), o -> "RETAINED".equals(o.getString("state")));
        assertThat(oneDrive.getString("accessGrantedTo")).isEqualTo(managerId);
        assertThat(Instant.parse(oneDrive.getString("deleteAfter")))
                .isEqualTo(Instant.parse(oneDrive.getString("userDeletedAt")).plus(THIRTY_DAYS));

        given().baseUri(system.directory.baseUrl()).auth().oauth2(admin.globalAdmin).contentType(ContentType.JSON)
                .post("/v1.0/directory/deletedItems/{id}/restore", userId)
                .then().statusCode(200);

        await("the license comes back with the user").atMost(AdminClient.EVENTUALLY).untilAsserted(() ->
                assertThat(admin.product(AdminClient.OFFICE_365_E3)).containsEntry("available", 0));
        await("mailbox and OneDrive back as before").atMost(AdminClient.EVENTUALLY).untilAsserted(() -> {
            assertThat(admin.mailbox(userId).getString("state")).isEqualTo("ACTIVE");
            assertThat(admin.mailbox(userId).getBoolean("searchable")).isTrue();
            assertThat(admin.oneDrive(userId).getString("state")).isEqualTo("ACTIVE");
        });
    }

    @Test
    void deletingAnUnheldUserSoftDeletesTheMailboxForThirtyDays() {
        AdminClient admin = new AdminClient(system);
        admin.buy(AdminClient.BUSINESS_PREMIUM, 5);
        String userId = admin.createUser("diego.siciliani");
        admin.assign(userId, AdminClient.BUSINESS_PREMIUM);
        await("mailbox provisioned").atMost(AdminClient.EVENTUALLY).until(() -> admin.mailbox(userId) != null);

        given().baseUri(system.directory.baseUrl()).auth().oauth2(admin.globalAdmin)
                .delete("/v1.0/users/{id}", userId)
                .then().statusCode(204);

        JsonPath mailbox = await("mailbox soft-deleted").atMost(AdminClient.EVENTUALLY)
                .until(() -> admin.mailbox(userId), m -> "SOFT_DELETED".equals(m.getString("state")));
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        assertThat(Instant.parse(mailbox.getString("purgeAfter")))
                .isEqualTo(Instant.parse(mailbox.getString("userDeletedAt")).plus(THIRTY_DAYS));
        JsonPath deleted = given().baseUri(system.directory.baseUrl()).auth().oauth2(admin.globalAdmin)
                .get("/v1.0/directory/deletedItems/microsoft.graph.user")
                .then().statusCode(200)
                .extract().jsonPath();
        assertThat(deleted.getList("value.id")).contains(userId);
        assertThat(admin.product(AdminClient.BUSINESS_PREMIUM)).containsEntry("assigned", 0);
    }

    @Test
    void removingAFormerEmployeeWithoutDeletingBlocksSignInAndUnassignsTheirLicensesAsTheAdmin() {
        AdminClient admin = new AdminClient(system);
        admin.buy(AdminClient.BUSINESS_PREMIUM, 1);
        String userId = admin.createUser("johanna.lorenz");
        admin.assign(userId, AdminClient.BUSINESS_PREMIUM);
        await("mailbox provisioned").atMost(AdminClient.EVENTUALLY).until(() -> admin.mailbox(userId) != null);

        JsonPath answer = given().baseUri(system.directory.baseUrl()).auth().oauth2(admin.globalAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of("blockSignIn", true, "unassignLicenses", true, "deleteUser", false))
                .post("/api/v1/users/{id}/offboard", userId)
                .then().statusCode(200)
                .extract().jsonPath();
        assertThat(answer.getBoolean("signInBlocked")).isTrue();
        assertThat(answer.getBoolean("deleted")).isFalse();
        assertThat(answer.getString("mailbox.summary")).isNotBlank();

        await("the license is free again").atMost(AdminClient.EVENTUALLY).untilAsserted(() ->
                assertThat(admin.product(AdminClient.BUSINESS_PREMIUM)).containsEntry("available", 1));
        JsonPath mailbox = await("mailbox disconnected for the grace period").atMost(AdminClient.EVENTUALLY)
                .until(() -> admin.mailbox(userId), m -> "DISCONNECTED".equals(m.getString("state")));
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        assertThat(Instant.parse(mailbox.getString("purgeAfter")))
                .isEqualTo(Instant.parse(mailbox.getString("removedAt")).plus(THIRTY_DAYS));
        assertThat(admin.oneDrive(userId).getString("state")).isEqualTo("ACTIVE");
        given().baseUri(system.directory.baseUrl()).auth().oauth2(admin.globalAdmin)
                .get("/v1.0/users/{id}", userId)
                .then().statusCode(200)
                .body("accountEnabled", equalTo(false));
    }
}
