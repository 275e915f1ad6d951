package org.licenselifecycle.lifecycle.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.licenselifecycle.lifecycle.AdminApi.asGlobalAdmin;
import static org.licenselifecycle.lifecycle.AdminApi.awaitMailbox;
import static org.licenselifecycle.lifecycle.AdminApi.deliver;
import static org.licenselifecycle.lifecycle.AdminApi.mailbox;
import static org.licenselifecycle.lifecycle.AdminApi.placeHold;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.at;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.testsupport.MovableClock;
import org.licenselifecycle.lifecycle.timeline.TimelineEntry;
import org.licenselifecycle.lifecycle.timeline.TimelineEvent;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.testsupport.DevTokens;
import org.licenselifecycle.testsupport.Rig;

/** The purge job, run at instants set on the service's clock (the grace period stays 30 days). */
@QuarkusTest
@WithTestResource(Rig.class)
class GracePeriodPurgeTest {

    private static final Duration GRACE = Duration.ofDays(30);

    @Inject
    MovableClock clock;

    @Inject
    GracePeriodPurge purge;

    /** A user whose mailbox got a plain and a labelled item and then lost its license at {@code removedAt}. */
    private static TestUser disconnectedWithItems(Instant removedAt) {
        TestUser user = TestUser.create();
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        awaitMailbox(user, json -> true);
        deliver(user, "Lunch on Friday?", "See you there", null);
        deliver(user, "Supplier contract", "Terms for 2027", "Contracts-7y");
        publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), removedAt));
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        return user;
    }

    private static List<MailboxItem> items(UUID userId) {
        return QuarkusTransaction.requiringNew().call(() -> MailboxItem.<MailboxItem>list("userId", userId));
    }

    private static long recordedRuns() {
        return QuarkusTransaction.requiringNew().call(() -> PurgeRun.count());
    }

    private static long purgeEntries(UUID userId) {
        return QuarkusTransaction.requiringNew().call(() ->
                TimelineEntry.count("userId = ?1 and event = ?2", userId, TimelineEvent.MAILBOX_PURGED));
    }

    @Test
    void nothingIsPurgedOneMomentBeforeTheGracePeriodEnds() {
        Instant removedAt = at("2026-04-10T12:00:00Z");
        TestUser user = disconnectedWithItems(removedAt);
        clock.fixAt(removedAt.plus(GRACE).minusNanos(1000));

        purge.purgeDue();

        JsonPath mailbox = awaitMailbox(user, json -> true);
        assertThat(mailbox.getString("state")).isEqualTo("DISCONNECTED");
        assertThat(items(user.userId())).hasSize(2).allSatisfy(item -> assertThat(item.retainedAt).isNull());
    }

    @Test
    void whenTheGracePeriodEndsTheContentIsDeletedExceptLabelledItemsKeptForDiscovery() {
        Instant removedAt = at("2026-04-11T12:00:00Z");
        TestUser user = disconnectedWithItems(removedAt);
        Instant end = removedAt.plus(GRACE);
        clock.fixAt(end);

        PurgeRunView run = purge.purgeDue().orElseThrow();

        JsonPath mailbox = awaitMailbox(user, json -> true);
        assertThat(mailbox.getString("state")).isEqualTo("PURGED");
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        assertThat(mailbox.getString("purgeAfter")).isNull();
        assertThat(Instant.parse(mailbox.getString("purgedAt"))).isEqualTo(end);
        assertThat(items(user.userId())).singleElement().satisfies(item -> {
            assertThat(item.subject).isEqualTo("Supplier contract");
            assertThat(item.retentionLabel).isEqualTo("Contracts-7y");
            assertThat(item.retainedAt).isEqualTo(end);
        });
        assertThat(run.mailboxesPurged()).isGreaterThanOrEqualTo(1);
        assertThat(run.itemsDeleted()).isGreaterThanOrEqualTo(1);
        assertThat(run.itemsRetained()).isGreaterThanOrEqualTo(1);
        assertThat(run.startedAt()).isEqualTo(end);
    }

    @Test
    void aHeldMailboxIsNeverPurgedHoweverLongItWaits() {
        Instant removedAt = at("2026-04-12T12:00:00Z");
        TestUser user = TestUser.create();
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        awaitMailbox(user, json -> true);
        deliver(user, "Board minutes", "Confidential", null);
        placeHold(user, "LITIGATION_HOLD");
        publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), removedAt));
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        clock.fixAt(removedAt.plus(Duration.ofDays(3650)));

        purge.purgeDue();

        assertThat(awaitMailbox(user, json -> true).getString("state")).isEqualTo("DISCONNECTED");
        assertThat(items(user.userId())).hasSize(1);
    }

    @Test
    void aMailboxReconnectedInsideTheGracePeriodIsNotPurged() {
        Instant removedAt = at("2026-04-13T12:00:00Z");
        TestUser user = disconnectedWithItems(removedAt);
        publish(user.assigned(BUSINESS_PREMIUM, removedAt.plus(Duration.ofDays(29))));
        awaitMailbox(user, json -> "ACTIVE".equals(json.getString("state")));
        clock.fixAt(removedAt.plus(Duration.ofDays(400)));

        purge.purgeDue();

        assertThat(awaitMailbox(user, json -> true).getString("state")).isEqualTo("ACTIVE");
        assertThat(items(user.userId())).hasSize(2);
    }

    @Test
    void runningAgainPurgesNothingMoreAndRecordsOnePurgePerMailbox() {
        Instant removedAt = at("2026-04-14T12:00:00Z");
        TestUser user = disconnectedWithItems(removedAt);
        clock.fixAt(removedAt.plus(GRACE));
        purge.purgeDue();
        JsonPath first = awaitMailbox(user, json -> true);

        clock.fixAt(removedAt.plus(GRACE).plus(Duration.ofDays(1)));
        purge.purgeDue();

        assertThat(awaitMailbox(user, json -> true).getMap("")).isEqualTo(first.getMap(""));
        assertThat(items(user.userId())).hasSize(1);
        assertThat(purgeEntries(user.userId())).isEqualTo(1);
    }

    @Test
    void severalReplicasPurgingAtOnceNeverPurgeOneMailboxTwice() throws Exception {
        Instant removedAt = at("2026-04-15T12:00:00Z");
        List<TestUser> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(disconnectedWithItems(removedAt));
        }
        clock.fixAt(removedAt.plus(GRACE));
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Optional<PurgeRunView>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(CompletableFuture.supplyAsync(purge::purgeDue, replicas));
            }
            CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new)).get();
            List<PurgeRunView> recorded = runs.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
            assertThat(recorded).as("only the runs that purged a mailbox are recorded")
                    .isNotEmpty().allSatisfy(run -> assertThat(run.mailboxesPurged()).isPositive());
            assertThat(recorded.stream().mapToInt(PurgeRunView::mailboxesPurged).sum()).isGreaterThanOrEqualTo(users.size());
        } finally {
            replicas.shutdown();
        }

        for (TestUser user : users) {
            assertThat(mailbox(user).jsonPath().getString("state")).isEqualTo("PURGED");
            assertThat(purgeEntries(user.userId())).isEqualTo(1);
            assertThat(items(user.userId())).hasSize(1);
        }
    }

    @Test
    void aRunThatFindsNothingDueIsNotRecorded() {
        clock.fixAt(at("2001-01-01T00:00:00Z")); // before every grace period of these tests ends
        long before = recordedRuns();

        assertThat(purge.purgeDue()).isEmpty();

        assertThat(recordedRuns()).isEqualTo(before);
    }

    @Test
    void theRunsAreReadableThroughTheApiNewestFirst() {
        TestUser user = disconnectedWithItems(at("2026-04-16T12:00:00Z"));
        disconnectedWithItems(at("2026-05-10T12:00:00Z"));
        clock.fixAt(at("2026-06-01T00:00:00Z"));
        purge.purgeDue();
        clock.fixAt(at("2026-06-10T00:00:00Z"));
        purge.purgeDue();
        clock.fixAt(at("2026-06-11T00:00:00Z"));
        purge.purgeDue(); // nothing due: not a run to show

        JsonPath runs = asGlobalAdmin(user).queryParam("$top", 2).get("/api/v1/purge-runs")
                .then().statusCode(200).extract().jsonPath();
        assertThat(runs.getList("")).hasSize(2);
        assertThat(runs.getString("[0].startedAt")).isEqualTo("2026-06-10T00:00:00Z");
        assertThat(runs.getInt("[0].mailboxesPurged")).isGreaterThanOrEqualTo(1);
        assertThat(runs.getString("[1].startedAt")).isEqualTo("2026-06-01T00:00:00Z");
        assertThat(runs.getInt("[1].mailboxesPurged")).isGreaterThanOrEqualTo(1);
        asGlobalAdmin(user).queryParam("$top", "lots").get("/api/v1/purge-runs")
                .then().statusCode(400).body("error.code", equalTo("Request_BadRequest"));
        io.restassured.RestAssured.given().auth().oauth2(DevTokens.token(user.tenantId(), DirectoryRole.LICENSE_ADMINISTRATOR))
                .get("/api/v1/purge-runs").then().statusCode(403);
    }
}
