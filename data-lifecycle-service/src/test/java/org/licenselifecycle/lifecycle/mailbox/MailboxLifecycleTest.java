package org.licenselifecycle.lifecycle.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.lifecycle.AdminApi.awaitMailbox;
import static org.licenselifecycle.lifecycle.Licenses.APPS_FOR_BUSINESS;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.EXCHANGE_ONLINE_PLAN_1;
import static org.licenselifecycle.lifecycle.Licenses.OFFICE_365_E3;
import static org.licenselifecycle.lifecycle.Licenses.at;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.awaitAllApplied;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publish;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.ServicePlan;
import org.licenselifecycle.lifecycle.Licenses;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.lifecycle.timeline.TimelineEntry;
import org.licenselifecycle.lifecycle.timeline.TimelineEvent;
import org.licenselifecycle.testsupport.Rig;

/** Mailboxes follow the licenses on licensing.license-events, published to the real broker. */
@QuarkusTest
@WithTestResource(Rig.class)
class MailboxLifecycleTest {

    @Inject
    GracePeriodConfig gracePeriod;

    @Test
    void assigningALicenseWithExchangeOnlineProvisionsAnActiveSearchableMailbox() {
        TestUser user = TestUser.create();
        Instant assignedAt = at("2026-03-02T09:00:00.123456Z");

        publish(user.assigned(BUSINESS_PREMIUM, assignedAt));

        JsonPath mailbox = awaitMailbox(user, json -> true);
        assertThat(mailbox.getString("userId")).isEqualTo(user.userId().toString());
        assertThat(mailbox.getString("tenantId")).isEqualTo(user.tenantId().toString());
        assertThat(mailbox.getString("userPrincipalName")).isEqualTo(user.userPrincipalName());
        assertThat(mailbox.getString("state")).isEqualTo("ACTIVE");
        assertThat(mailbox.getBoolean("searchable")).isTrue();
        assertThat(mailbox.getString("exchangePlan")).isEqualTo("EXCHANGE_ONLINE_PLAN_1");
        assertThat(Instant.parse(mailbox.getString("provisionedAt"))).isEqualTo(assignedAt);
        assertThat(mailbox.getMap("")).containsEntry("purgeAfter", null).containsEntry("removedAt", null)
                .containsEntry("removedBy", null);
    }

    @Test
    void anEnterpriseLicenseGivesExchangeOnlinePlan2() {
        TestUser user = TestUser.create();

        publish(user.assigned(OFFICE_365_E3, at("2026-03-02T09:00:00Z")));

        assertThat(awaitMailbox(user, json -> true).getString("exchangePlan")).isEqualTo("EXCHANGE_ONLINE_PLAN_2");
    }

    @Test
    void theEventSaysWhichPlanIsEnterpriseAsLicensingsCatalogKnowsIt() {
        // Exchange Online Plan 2 for Government: licensing's catalog knows it is Enterprise, its name alone did not say
        TestUser user = TestUser.create();
        Licenses.Sku enterpriseGov = new Licenses.Sku(UUID.fromString("8c4ce438-32a7-4ac5-91a6-e22ae08d9c8b"),
                "ENTERPRISEPACK_GOV", true, true, true,
                List.of(new ServicePlan(UUID.fromString("8c3069c0-ccdb-44be-ab77-986203a67df2"), "EXCHANGE_S_ENTERPRISE_GOV")));

        publish(user.assigned(enterpriseGov, at("2026-03-02T09:00:00Z")));

        assertThat(awaitMailbox(user, json -> true).getString("exchangePlan")).isEqualTo("EXCHANGE_ONLINE_PLAN_2");
    }

    @Test
    void anOlderEventWithoutTheCatalogsWordIsJudgedByItsPlansNamesAsBefore() {
        TestUser enterprise = TestUser.create();
        TestUser standard = TestUser.create();

        publish(enterprise.assignedInAnOlderEvent(OFFICE_365_E3, at("2026-03-02T09:00:00Z")));
        publish(standard.assignedInAnOlderEvent(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));

        assertThat(awaitMailbox(enterprise, json -> true).getString("exchangePlan")).isEqualTo("EXCHANGE_ONLINE_PLAN_2");
        assertThat(awaitMailbox(standard, json -> true).getString("exchangePlan")).isEqualTo("EXCHANGE_ONLINE_PLAN_1");
    }

    @Test
    void aSecondLicenseNeverLowersTheExchangePlan() {
        TestUser user = TestUser.create();
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        publish(user.assigned(OFFICE_365_E3, at("2026-03-02T09:01:00Z")));
        awaitMailbox(user, json -> "EXCHANGE_ONLINE_PLAN_2".equals(json.getString("exchangePlan")));

        publish(user.assigned(EXCHANGE_ONLINE_PLAN_1, at("2026-03-02T09:02:00Z")));
        awaitAllApplied();

        assertThat(awaitMailbox(user, json -> true).getString("exchangePlan")).isEqualTo("EXCHANGE_ONLINE_PLAN_2");
    }

    @Test
    void removingTheExchangeLicenseDisconnectsTheMailboxUntilTheGracePeriodEnds() {
        TestUser user = TestUser.create();
        UUID admin = UUID.randomUUID();
        Instant removedAt = at("2026-03-10T15:45:12.654321Z");
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        awaitMailbox(user, json -> true);

        publish(user.removed(BUSINESS_PREMIUM, admin, removedAt));

        JsonPath mailbox = awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        assertThat(Instant.parse(mailbox.getString("removedAt"))).isEqualTo(removedAt);
        assertThat(mailbox.getString("removedBy")).isEqualTo(admin.toString());
        assertThat(Instant.parse(mailbox.getString("purgeAfter")))
                .isEqualTo(removedAt.plus(Duration.ofDays(30)))
                .isEqualTo(removedAt.plus(gracePeriod.gracePeriod()));
    }

    @Test
    void aLicenseTakenAwayWithItsDeletedSubscriptionStartsTheGracePeriodAsAnUnassignDoes() {
        TestUser user = TestUser.create();
        Instant deletedAt = at("2028-05-03T09:00:00Z");
        publish(user.assigned(BUSINESS_PREMIUM, at("2027-01-04T09:00:00Z")));
        awaitMailbox(user, json -> true);

        publish(user.removedWithItsSubscription(BUSINESS_PREMIUM, UUID.randomUUID(), deletedAt));

        JsonPath mailbox = awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        assertThat(mailbox.getString("removedBy")).isNull();
        assertThat(Instant.parse(mailbox.getString("purgeAfter"))).isEqualTo(deletedAt.plus(gracePeriod.gracePeriod()));
        assertThat(QuarkusTransaction.requiringNew().call(() -> TimelineEntry.<TimelineEntry>find(
                "userId = ?1 and event = ?2", user.userId(), TimelineEvent.LICENSE_REMOVED).firstResult().detail))
                .startsWith("License SPB removed (SUBSCRIPTION_DELETED) by the system");
    }

    @Test
    void theGracePeriodIsThirtyDaysUnlessConfigured() {
        assertThat(gracePeriod.gracePeriod()).isEqualTo(Duration.parse("P30D"));
    }

    @Test
    void reassigningExchangeInsideTheGracePeriodReconnectsTheMailboxAndCancelsThePurge() {
        TestUser user = TestUser.create();
        Instant provisionedAt = at("2026-03-02T09:00:00Z");
        Instant removedAt = at("2026-03-10T12:00:00Z");
        Instant reassignedAt = removedAt.plus(Duration.ofDays(29));
        publish(user.assigned(BUSINESS_PREMIUM, provisionedAt));
        publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), removedAt));
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));

        publish(user.assigned(OFFICE_365_E3, reassignedAt));

        JsonPath mailbox = awaitMailbox(user, json -> "ACTIVE".equals(json.getString("state")));
        assertThat(mailbox.getBoolean("searchable")).isTrue();
        assertThat(mailbox.getString("purgeAfter")).isNull();
        assertThat(mailbox.getString("exchangePlan")).isEqualTo("EXCHANGE_ONLINE_PLAN_2");
        assertThat(Instant.parse(mailbox.getString("reconnectedAt"))).isEqualTo(reassignedAt);
        // the same mailbox, with its data: provisioned when it first was, last removal still on record
        assertThat(Instant.parse(mailbox.getString("provisionedAt"))).isEqualTo(provisionedAt);
        assertThat(Instant.parse(mailbox.getString("removedAt"))).isEqualTo(removedAt);
    }

    @Test
    void exchangeAssignedAfterTheGracePeriodGetsANewMailbox() {
        TestUser user = TestUser.create();
        Instant removedAt = at("2026-03-10T12:00:00Z");
        Instant reassignedAt = removedAt.plus(Duration.ofDays(30));
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), removedAt));
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));

        publish(user.assigned(BUSINESS_PREMIUM, reassignedAt));

        JsonPath mailbox = awaitMailbox(user, json -> "ACTIVE".equals(json.getString("state")));
        assertThat(Instant.parse(mailbox.getString("provisionedAt"))).isEqualTo(reassignedAt);
        assertThat(mailbox.getString("reconnectedAt")).isNull();
        assertThat(mailbox.getString("removedAt")).isNull();
        assertThat(mailbox.getString("purgeAfter")).isNull();
        assertThat(mailbox.getBoolean("searchable")).isTrue();
    }

    @Test
    void aRemovalThatLeavesExchangeThroughAnotherLicenseChangesNothing() {
        TestUser user = TestUser.create();
        publish(user.assigned(EXCHANGE_ONLINE_PLAN_1, at("2026-03-02T09:00:00Z")));
        publish(user.assigned(OFFICE_365_E3, at("2026-03-02T09:01:00Z")));
        JsonPath before = awaitMailbox(user, json -> "EXCHANGE_ONLINE_PLAN_2".equals(json.getString("exchangePlan")));

        publish(user.removedKeepingExchange(OFFICE_365_E3, UUID.randomUUID(), at("2026-03-05T10:00:00Z")));
        awaitAllApplied();

        JsonPath after = awaitMailbox(user, json -> true);
        assertThat(after.getMap("")).isEqualTo(before.getMap(""));
    }

    @Test
    void removingALicenseWithoutExchangeLeavesTheMailboxAlone() {
        TestUser user = TestUser.create();
        publish(user.assigned(EXCHANGE_ONLINE_PLAN_1, at("2026-03-02T09:00:00Z")));
        JsonPath before = awaitMailbox(user, json -> true);

        publish(user.removed(APPS_FOR_BUSINESS, UUID.randomUUID(), at("2026-03-05T10:00:00Z")));
        awaitAllApplied();

        assertThat(awaitMailbox(user, json -> true).getMap("")).isEqualTo(before.getMap(""));
    }

    @Test
    void aLaterRemovalNeverPostponesThePurge() {
        TestUser user = TestUser.create();
        Instant firstRemoval = at("2026-03-10T12:00:00Z");
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        publish(user.removed(BUSINESS_PREMIUM, UUID.randomUUID(), firstRemoval));
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));

        publish(user.removed(OFFICE_365_E3, UUID.randomUUID(), firstRemoval.plus(Duration.ofDays(5))));
        awaitAllApplied();

        JsonPath mailbox = awaitMailbox(user, json -> true);
        assertThat(Instant.parse(mailbox.getString("purgeAfter"))).isEqualTo(firstRemoval.plus(Duration.ofDays(30)));
        assertThat(Instant.parse(mailbox.getString("removedAt"))).isEqualTo(firstRemoval);
    }
}
