package org.licenselifecycle.lifecycle.timeline;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.lifecycle.AdminApi.awaitMailbox;
import static org.licenselifecycle.lifecycle.AdminApi.deliver;
import static org.licenselifecycle.lifecycle.AdminApi.placeHold;
import static org.licenselifecycle.lifecycle.AdminApi.releaseHold;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.at;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publish;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.lifecycle.mailbox.GracePeriodPurge;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/** One timeline per user of what happened to their data, and when. */
@QuarkusTest
@WithTestResource(Rig.class)
class TimelineTest {

    @Inject
    MovableClock clock;

    @Inject
    GracePeriodPurge purge;

    private static JsonPath timeline(TestUser user, DirectoryRole role) {
        return given().auth().oauth2(DevTokens.token(user.tenantId(), role))
                .get("/api/v1/users/{userId}/timeline", user.userId())
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theTimelineTellsWhoRemovedTheLicenseTheHoldTheGraceAndWhatThePurgeKeptAndWhy() {
        TestUser user = TestUser.create();
        UUID admin = UUID.randomUUID();
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        awaitMailbox(user, json -> true);
        deliver(user, "Lunch", "Friday", null);
        deliver(user, "Contract", "Signed", "Legal-7y");
        clock.fixAt(at("2026-03-05T10:00:00Z"));
        placeHold(user, "LITIGATION_HOLD");
        publish(user.removed(BUSINESS_PREMIUM, admin, at("2026-03-10T12:00:00Z")));
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        clock.fixAt(at("2026-04-01T10:00:00Z"));
        releaseHold(user, "LITIGATION_HOLD");
        clock.fixAt(at("2026-05-01T10:00:00Z"));
        purge.purgeDue();

        JsonPath timeline = timeline(user, DirectoryRole.GLOBAL_READER);

        assertThat(timeline.getString("userId")).isEqualTo(user.userId().toString());
        assertThat(timeline.getList("entries.event")).containsExactly(
                "MAILBOX_PROVISIONED", "ONEDRIVE_PROVISIONED", "HOLD_PLACED", "LICENSE_REMOVED", "HOLD_RELEASED", "MAILBOX_PURGED");
        assertThat(timeline.getList("entries.at")).containsExactly("2026-03-02T09:00:00Z", "2026-03-02T09:00:00Z",
                "2026-03-05T10:00:00Z", "2026-03-10T12:00:00Z", "2026-04-01T10:00:00Z", "2026-05-01T10:00:00Z");
        assertThat(timeline.getString("entries[3].actor")).isEqualTo(admin.toString());
        assertThat(timeline.getString("entries[3].detail")).contains("SPB", "UNASSIGNED", "LITIGATION_HOLD", "searchable",
                "not purged while held");
        assertThat(timeline.getString("entries[4].detail")).contains("purge due 2026-05-01T10:00:00Z");
        assertThat(timeline.getString("entries[5].detail")).contains("1 items", "kept for discovery", "Legal-7y");
        assertThat(timeline.getString("entries[5].actor")).isNull();
    }

    @Test
    void aLicenseBackAfterTheGraceDeletesTheOldContentWithTheSameWordsAsThePurgeJob() {
        TestUser byTheJob = disconnectedWithThreeItems();
        clock.fixAt(at("2026-05-01T10:00:00Z"));
        purge.purgeDue();
        // the job has run; this one's data falls due too, and its license comes back before the job runs again
        TestUser byTheLicense = disconnectedWithThreeItems();

        publish(byTheLicense.assigned(BUSINESS_PREMIUM, at("2026-05-01T09:00:00Z")));
        awaitMailbox(byTheLicense, json -> "2026-05-01T09:00:00Z".equals(json.getString("provisionedAt")));

        String job = purgedDetail(byTheJob);
        assertThat(job).isEqualTo("Retention over: mailbox content deleted for good (1 items); "
                + "2 items kept for discovery under retention labels: Board-10y, Legal-7y.");
        assertThat(purgedDetail(byTheLicense)).isEqualTo(job);
    }

    /** A user whose license went on 10 March, with one unlabelled and two labelled items: due on 9 April. */
    private static TestUser disconnectedWithThreeItems() {
        TestUser user = TestUser.create();
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        awaitMailbox(user, json -> true);
        deliver(user, "Lunch", "Friday", null);
        deliver(user, "Contract", "Signed", "Legal-7y");
        deliver(user, "Minutes", "Board", "Board-10y");
        publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), at("2026-03-10T12:00:00Z")));
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        return user;
    }

    private static String purgedDetail(TestUser user) {
        JsonPath timeline = timeline(user, DirectoryRole.GLOBAL_READER);
        int at = timeline.getList("entries.event").indexOf("MAILBOX_PURGED");
        assertThat(at).isNotNegative();
        return timeline.getString("entries[" + at + "].detail");
    }

    @Test
    void aReconnectionInsideTheGracePeriodIsOnTheTimeline() {
        TestUser user = TestUser.create();
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), at("2026-03-10T12:00:00Z")));
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-15T12:00:00Z")));
        awaitMailbox(user, json -> json.getString("reconnectedAt") != null);

        JsonPath timeline = timeline(user, DirectoryRole.LICENSE_ADMINISTRATOR);

        assertThat(timeline.getList("entries.event")).containsExactly(
                "MAILBOX_PROVISIONED", "ONEDRIVE_PROVISIONED", "LICENSE_REMOVED", "MAILBOX_RECONNECTED");
        assertThat(timeline.getString("entries[2].detail")).contains("purge due 2026-04-09T12:00:00Z");
        assertThat(timeline.getString("entries[3].detail")).contains("purge cancelled");
    }

    @Test
    void anotherTenantsUserIsNotFoundAndABadIdIsABadRequest() {
        TestUser user = TestUser.create();
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        awaitMailbox(user, json -> true);

        given().auth().oauth2(DevTokens.token(UUID.randomUUID(), DirectoryRole.GLOBAL_ADMINISTRATOR))
                .get("/api/v1/users/{userId}/timeline", user.userId())
                .then().statusCode(404).body("error.code", equalTo("Request_ResourceNotFound"));
        given().auth().oauth2(DevTokens.token(user.tenantId(), DirectoryRole.GLOBAL_ADMINISTRATOR))
                .get("/api/v1/users/{userId}/timeline", "not-a-guid")
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        given().auth().oauth2(DevTokens.token(user.tenantId(), DirectoryRole.HELPDESK_ADMINISTRATOR))
                .get("/api/v1/users/{userId}/timeline", user.userId())
                .then().statusCode(403);
    }
}
