package org.licenselifecycle.lifecycle.mailbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.lifecycle.AdminApi.awaitMailbox;
import static org.licenselifecycle.lifecycle.AdminApi.awaitOneDrive;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.at;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.lifecycle.LicenseEventsOnKafka;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.lifecycle.UserEventsOnKafka;
import org.licenselifecycle.lifecycle.onedrive.OneDriveDeletion;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.testsupport.PrometheusText;
import org.licenselifecycle.testsupport.Rig;

/**
 * data-lifecycle-service's metrics on {@code /q/metrics}: mailboxes by state, the purge's due mailboxes and lag,
 * purges done, and OneDrive deletions, each moved by the behaviour it counts.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class MailboxMetricsTest {

    private static final Duration GRACE = Duration.ofDays(30);
    private static final Duration SCRAPED = Duration.ofSeconds(30);

    @Inject
    MovableClock clock;

    @Inject
    GracePeriodPurge purge;

    @Inject
    OneDriveDeletion oneDriveDeletion;

    @Test
    void aMailboxDueTwoHoursAgoShowsAsDueWithItsLagUntilThePurgeCountsItPurged() {
        Instant removedAt = at("2026-05-04T12:00:00Z");
        TestUser user = TestUser.create();
        LicenseEventsOnKafka.publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        awaitMailbox(user, json -> true);
        LicenseEventsOnKafka.publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), removedAt));
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        await().atMost(SCRAPED).untilAsserted(() ->
                assertThat(scraped("mailboxes", "state=\"DISCONNECTED\"")).isGreaterThanOrEqualTo(1));
        double purgedBefore = scraped("purge_mailboxes_purged_total");

        clock.fixAt(removedAt.plus(GRACE).plus(Duration.ofHours(2)));

        await().atMost(SCRAPED).untilAsserted(() -> {
            assertThat(scraped("purge_due_mailboxes")).isGreaterThanOrEqualTo(1);
            assertThat(scraped("purge_lag_seconds")).isGreaterThanOrEqualTo(Duration.ofHours(2).toSeconds());
        });

        int purged = purge.purgeDue().orElseThrow().mailboxesPurged();

        assertThat(scraped("purge_mailboxes_purged_total")).isEqualTo(purgedBefore + purged);
        await().atMost(SCRAPED).untilAsserted(() -> {
            assertThat(scraped("purge_due_mailboxes")).isZero();
            assertThat(scraped("purge_lag_seconds")).isZero();
            assertThat(scraped("mailboxes", "state=\"PURGED\"")).isGreaterThanOrEqualTo(1);
        });
    }

    @Test
    void aOneDriveDeletedAtTheEndOfItsRetentionIsCounted() {
        Instant deletedAt = at("2026-05-11T10:00:00Z");
        TestUser user = TestUser.create();
        LicenseEventsOnKafka.publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        awaitOneDrive(user);
        UserEventsOnKafka.publish(user.deleted(null, null, deletedAt));
        awaitOneDrive(user, json -> "RETAINED".equals(json.getString("state")));
        double before = scraped("onedrive_deletions_total");
        clock.fixAt(deletedAt.plus(GRACE));

        int deleted = oneDriveDeletion.deleteDue();

        assertThat(deleted).isPositive();
        assertThat(scraped("onedrive_deletions_total")).isEqualTo(before + deleted);
    }

    private static double scraped(String name, String... labels) {
        return PrometheusText.value(given().get("/q/metrics").then().statusCode(200).extract().asString(), name, labels);
    }
}
