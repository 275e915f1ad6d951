package org.licenselifecycle.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Removing a former employee, end to end: directory-service does the offboarding and quotes the data's dates and words
 * as data-lifecycle-service answers them (asked with the admin's token), so that a tenant's own OneDrive retention is
 * what the answer announces, and what lifecycle then does.
 */
class OffboardingEndToEndIT {

    private static final Duration THIRTY_DAYS = Duration.ofDays(30);

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
    }

    @Test
    void forADefaultTenantTheAnswerQuotesLifecyclesThirtyDaysForMailboxAndOneDrive() {
        AdminClient admin = new AdminClient(system);
        String userId = licensedUserWithManager(admin, "lee.gu", "lynne.robbins");

        JsonPath answer = offboard(admin, userId, true);

        assertThat(answer.getBoolean("dataOutcomeKnown")).isTrue();
        Instant deletedAt = Instant.parse(answer.getString("restorableUntil")).minus(THIRTY_DAYS);
        Instant thirtyDaysOn = deletedAt.plus(THIRTY_DAYS);
        assertThat(Instant.parse(answer.getString("mailbox.purgeAfter"))).isEqualTo(thirtyDaysOn);
        assertThat(answer.getString("mailbox.summary"))
                .contains("purged after " + day(thirtyDaysOn) + " unless a hold applies");
        assertThat(Instant.parse(answer.getString("oneDrive.deleteAfter"))).isEqualTo(thirtyDaysOn);
        assertThat(answer.getString("oneDrive.accessFor")).isEqualTo("lynne.robbins@contoso.onmicrosoft.com");
        assertThat(answer.getString("oneDrive.summary")).isEqualTo("OneDrive kept until " + day(thirtyDaysOn)
                + " with access for the manager lynne.robbins@contoso.onmicrosoft.com, then deleted.");
        JsonPath oneDrive = await("OneDrive retained").atMost(AdminClient.EVENTUALLY)
                .until(() -> admin.oneDrive(userId), o -> "RETAINED".equals(o.getString("state")));
        assertThat(oneDrive.getString("deleteAfter")).as("what lifecycle does is what was announced")
                .isEqualTo(answer.getString("oneDrive.deleteAfter"));
    }

    @Test
    void aTenantsChangedOneDriveRetentionIsWhatTheOffboardingAnswerAnnounces() {
        AdminClient admin = new AdminClient(system);
        String userId = licensedUserWithManager(admin, "isaiah.langer", "nestor.wilke");
        given().baseUri(system.lifecycle.baseUrl()).auth().oauth2(admin.globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("days", 365))
                .put("/api/v1/tenant/onedrive-retention")
                .then().statusCode(200);

        JsonPath answer = offboard(admin, userId, true);

        assertThat(answer.getBoolean("dataOutcomeKnown")).isTrue();
        Instant deletedAt = Instant.parse(answer.getString("restorableUntil")).minus(THIRTY_DAYS);
        Instant oneDriveEnd = deletedAt.plus(Duration.ofDays(365));
        assertThat(Instant.parse(answer.getString("oneDrive.deleteAfter"))).isEqualTo(oneDriveEnd);
        assertThat(answer.getString("oneDrive.summary")).startsWith("OneDrive kept until " + day(oneDriveEnd));
        assertThat(Instant.parse(answer.getString("mailbox.purgeAfter"))).as("the mailbox's rule is not OneDrive's")
                .isEqualTo(deletedAt.plus(THIRTY_DAYS));
        JsonPath oneDrive = await("OneDrive retained for the tenant's 365 days").atMost(AdminClient.EVENTUALLY)
                .until(() -> admin.oneDrive(userId), o -> "RETAINED".equals(o.getString("state")));
        assertThat(oneDrive.getString("deleteAfter")).as("what lifecycle does is what was announced")
                .isEqualTo(answer.getString("oneDrive.deleteAfter"));
    }

    @Test
    void unassigningWithoutDeletingQuotesLifecyclesGracePeriod() {
        AdminClient admin = new AdminClient(system);
        String userId = licensedUserWithManager(admin, "pradeep.gupta", "grady.archie");

        Instant before = Instant.now();
        JsonPath answer = offboard(admin, userId, false);

        assertThat(answer.getBoolean("dataOutcomeKnown")).isTrue();
        assertThat(Instant.parse(answer.getString("mailbox.purgeAfter")))
                .isBetween(before.plus(THIRTY_DAYS), Instant.now().plus(THIRTY_DAYS));
    }

    private static String licensedUserWithManager(AdminClient admin, String alias, String managerAlias) {
        admin.buy(AdminClient.BUSINESS_PREMIUM, 1);
        String managerId = admin.createUser(managerAlias);
        String userId = admin.createUser(alias);
        given().baseUri(system.directory.baseUrl()).auth().oauth2(admin.globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("@odata.id", system.directory.baseUrl() + "/v1.0/users/" + managerId))
                .put("/v1.0/users/{id}/manager/$ref", userId)
                .then().statusCode(204);
        admin.assign(userId, AdminClient.BUSINESS_PREMIUM);
        await("mailbox and OneDrive provisioned").atMost(AdminClient.EVENTUALLY).until(() ->
                admin.mailbox(userId) != null && admin.oneDrive(userId) != null);
        return userId;
    }

    private static JsonPath offboard(AdminClient admin, String userId, boolean deleteUser) {
        return given().baseUri(system.directory.baseUrl()).auth().oauth2(admin.globalAdmin).contentType(ContentType.JSON)
                .body(Map.of("blockSignIn", true, "unassignLicenses", true, "deleteUser", deleteUser))
                .post("/api/v1/users/{id}/offboard", userId)
                .then().statusCode(200)
                .extract().jsonPath();
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
