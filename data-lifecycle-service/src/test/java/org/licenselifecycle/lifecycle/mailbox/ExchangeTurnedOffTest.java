package org.licenselifecycle.lifecycle.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.lifecycle.AdminApi.awaitMailbox;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.awaitAllApplied;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publish;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.EXCHANGE_ONLINE_PLAN_1;
import static org.licenselifecycle.lifecycle.Licenses.at;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.lifecycle.timeline.TimelineEntry;
import org.licenselifecycle.lifecycle.timeline.TimelineEvent;
import org.licenselifecycle.testsupport.Rig;

/**
 * Exchange Online turned off inside a license the user keeps (its plan added to {@code disabledPlans}) takes the
 * mailbox's license away as a removal does, unless another license still gives an enabled Exchange plan; turning it
 * on again inside the grace period reconnects the mailbox. Events published to the real broker.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class ExchangeTurnedOffTest {

    @Test
    void turningExchangeOffInTheOnlyLicenseDisconnectsTheMailboxUntilTheGracePeriodEnds() {
        TestUser user = TestUser.create();
        UUID admin = UUID.randomUUID();
        Instant turnedOffAt = at("2026-03-10T15:45:12.654321Z");
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        awaitMailbox(user, json -> "ACTIVE".equals(json.getString("state")));

        publish(user.exchangeTurnedOff(BUSINESS_PREMIUM, false, admin, turnedOffAt));

        JsonPath mailbox = awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        assertThat(mailbox.getBoolean("searchable")).isFalse();
        assertThat(Instant.parse(mailbox.getString("removedAt"))).isEqualTo(turnedOffAt);
        assertThat(mailbox.getString("removedBy")).isEqualTo(admin.toString());
        assertThat(Instant.parse(mailbox.getString("purgeAfter"))).isEqualTo(turnedOffAt.plus(Duration.ofDays(30)));
        assertThat(licenseRemovedEntries(user)).isEqualTo(1);
    }

    @Test
    void turningExchangeOnAgainInsideTheGracePeriodReconnectsTheMailbox() {
        TestUser user = TestUser.create();
        Instant provisionedAt = at("2026-03-02T09:00:00Z");
        Instant turnedOffAt = at("2026-03-10T12:00:00Z");
        Instant turnedOnAt = turnedOffAt.plus(Duration.ofDays(29));
        publish(user.assigned(BUSINESS_PREMIUM, provisionedAt));
        publish(user.exchangeTurnedOff(BUSINESS_PREMIUM, false, UUID.randomUUID(), turnedOffAt));
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));

        publish(user.exchangeTurnedOn(BUSINESS_PREMIUM, UUID.randomUUID(), turnedOnAt));

        JsonPath mailbox = awaitMailbox(user, json -> "ACTIVE".equals(json.getString("state")));
        assertThat(mailbox.getBoolean("searchable")).isTrue();
        assertThat(mailbox.getString("purgeAfter")).isNull();
        assertThat(Instant.parse(mailbox.getString("reconnectedAt"))).isEqualTo(turnedOnAt);
        // the same mailbox, with its data
        assertThat(Instant.parse(mailbox.getString("provisionedAt"))).isEqualTo(provisionedAt);
    }

    @Test
    void anotherLicenseStillGivingAnEnabledExchangePlanKeepsTheMailboxConnected() {
        TestUser user = TestUser.create();
        publish(user.assigned(EXCHANGE_ONLINE_PLAN_1, at("2026-03-02T09:00:00Z")));
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:01:00Z")));
        awaitMailbox(user, json -> "ACTIVE".equals(json.getString("state")));
        awaitAllApplied();
        JsonPath before = awaitMailbox(user, json -> true);

        publish(user.exchangeTurnedOff(BUSINESS_PREMIUM, true, UUID.randomUUID(), at("2026-03-10T12:00:00Z")));
        awaitAllApplied();

        assertThat(awaitMailbox(user, json -> true).getMap("")).isEqualTo(before.getMap(""));
        assertThat(licenseRemovedEntries(user)).isZero();
    }

    @Test
    void anOlderEventWithoutTheFactTakesNothingAway() {
        TestUser user = TestUser.create();
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        awaitMailbox(user, json -> "ACTIVE".equals(json.getString("state")));
        awaitAllApplied();
        JsonPath before = awaitMailbox(user, json -> true);
        LicenseAssigned off = user.exchangeTurnedOff(BUSINESS_PREMIUM, false, UUID.randomUUID(), at("2026-03-10T12:00:00Z"));

        publish(new LicenseAssigned(off.tenantId(), off.userId(), off.userPrincipalName(), off.skuId(),
                off.skuPartNumber(), off.servicePlans(), false, off.assignedBy(), off.assignedAt(), off.disabledPlans(),
                null, false, true));
        awaitAllApplied();

        assertThat(awaitMailbox(user, json -> true).getMap("")).isEqualTo(before.getMap(""));
    }

    @Test
    void theSameTurningOffHeardAgainChangesNothing() {
        TestUser user = TestUser.create();
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        LicenseAssigned off = user.exchangeTurnedOff(BUSINESS_PREMIUM, false, UUID.randomUUID(), at("2026-03-10T12:00:00Z"));
        UUID eventId = UUID.randomUUID();
        publish(eventId, off);
        JsonPath first = awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));

        publish(eventId, off); // redelivered: the inbox knows its id
        publish(off); // the same change announced again under a new id
        awaitAllApplied();

        assertThat(awaitMailbox(user, json -> true).getMap("")).isEqualTo(first.getMap(""));
        assertThat(licenseRemovedEntries(user)).isEqualTo(1);
    }

    private static long licenseRemovedEntries(TestUser user) {
        return QuarkusTransaction.requiringNew().call(() ->
                TimelineEntry.count("userId = ?1 and event = ?2", user.userId(), TimelineEvent.LICENSE_REMOVED));
    }
}
