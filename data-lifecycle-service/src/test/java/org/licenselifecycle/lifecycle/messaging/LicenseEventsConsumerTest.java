package org.licenselifecycle.lifecycle.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.licenselifecycle.lifecycle.AdminApi.awaitMailbox;
import static org.licenselifecycle.lifecycle.Licenses.BUSINESS_PREMIUM;
import static org.licenselifecycle.lifecycle.Licenses.EXCHANGE_ONLINE_PLAN_1;
import static org.licenselifecycle.lifecycle.Licenses.at;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.awaitAllApplied;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.deadLetters;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.headers;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publish;
import static org.licenselifecycle.lifecycle.LicenseEventsOnKafka.publishRaw;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.testsupport.Rig;

/** The consumer of licensing.license-events: one effect per event, and poison messages never block it. */
@QuarkusTest
@WithTestResource(Rig.class)
class LicenseEventsConsumerTest {

    @Test
    void theSameRemovalDeliveredTwiceHasOneEffect() {
        TestUser user = TestUser.create();
        Instant removedAt = at("2026-03-10T12:00:00Z");
        publish(user.assigned(EXCHANGE_ONLINE_PLAN_1, at("2026-03-02T09:00:00Z")));
        LicenseRemoved removal = user.removed(EXCHANGE_ONLINE_PLAN_1, UUID.randomUUID(), removedAt);
        UUID removalId = publish(removal);
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        publish(user.assigned(EXCHANGE_ONLINE_PLAN_1, at("2026-03-12T09:00:00Z")));
        JsonPath reconnected = awaitMailbox(user, json -> "ACTIVE".equals(json.getString("state")));

        publish(removalId, removal);
        awaitAllApplied();

        JsonPath mailbox = awaitMailbox(user, json -> true);
        assertThat(mailbox.getString("state")).isEqualTo("ACTIVE");
        assertThat(mailbox.getBoolean("searchable")).isTrue();
        assertThat(mailbox.getString("purgeAfter")).isNull();
        assertThat(mailbox.getMap("")).isEqualTo(reconnected.getMap(""));
    }

    @Test
    void theSameRemovalUnderANewEventIdIsAppliedAgain() {
        // the counterpart of the test above: the id, not the content, makes an event a redelivery
        TestUser user = TestUser.create();
        publish(user.assigned(EXCHANGE_ONLINE_PLAN_1, at("2026-03-02T09:00:00Z")));
        LicenseRemoved removal = user.removed(EXCHANGE_ONLINE_PLAN_1, UUID.randomUUID(), at("2026-03-10T12:00:00Z"));
        publish(removal);
        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
        publish(user.assigned(EXCHANGE_ONLINE_PLAN_1, at("2026-03-12T09:00:00Z")));
        awaitMailbox(user, json -> "ACTIVE".equals(json.getString("state")));

        publish(removal);

        awaitMailbox(user, json -> "DISCONNECTED".equals(json.getString("state")));
    }

    @Test
    void malformedEventsGoToTheDeadLetterTopicAndTheNextEventIsStillApplied() {
        TestUser user = TestUser.create();
        String key = user.userId().toString();
        String goodData = EventJson.write(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));
        Map<String, String> withoutId = headers(UUID.randomUUID(), EventType.LICENSE_ASSIGNED);
        withoutId.remove(CloudEventHeaders.ID);

        publishRaw(key, "{this is not json", headers(UUID.randomUUID(), EventType.LICENSE_ASSIGNED));
        publishRaw(key, goodData, withoutId);
        publishRaw(key, goodData.replace("\"tenantId\":\"" + user.tenantId() + "\"", "\"tenantId\":null"),
                headers(UUID.randomUUID(), EventType.LICENSE_ASSIGNED));
        publishRaw(key, "{\"userId\":\"" + user.userId() + "\"}", headers(UUID.randomUUID(), EventType.LICENSE_REMOVED));
        publish(user.assigned(BUSINESS_PREMIUM, at("2026-03-02T09:00:00Z")));

        JsonPath mailbox = awaitMailbox(user, json -> true);
        assertThat(mailbox.getString("state")).isEqualTo("ACTIVE");
        assertThat(mailbox.getString("tenantId")).isEqualTo(user.tenantId().toString());
        List<ConsumerRecord<String, String>> deadLetters = deadLetters(key, 4);
        assertThat(deadLetters).extracting(ConsumerRecord::value).containsExactly(
                "{this is not json",
                goodData,
                goodData.replace("\"tenantId\":\"" + user.tenantId() + "\"", "\"tenantId\":null"),
                "{\"userId\":\"" + user.userId() + "\"}");
        assertThat(deadLetters).allSatisfy(record ->
                assertThat(record.headers().lastHeader("delayed-retry-reason")).isNotNull());
        assertThat(new String(deadLetters.get(1).headers().lastHeader("delayed-retry-reason").value(), StandardCharsets.UTF_8))
                .contains(CloudEventHeaders.ID);
    }

    @Test
    void anEventOfATypeThisReleaseDoesNotKnowIsSkippedNotDeadLettered() {
        TestUser user = TestUser.create();
        Map<String, String> newer = headers(UUID.randomUUID(), EventType.LICENSE_ASSIGNED);
        newer.put(CloudEventHeaders.TYPE, "org.licenselifecycle.licensing.LicenseSuspended.v1");

        publishRaw(user.userId().toString(), "{\"whatever\":true}", newer);
        publishRaw(user.userId().toString(), "not json", headers(UUID.randomUUID(), EventType.LICENSE_REMOVED));

        // the only dead letter of this user is the malformed removal sent after the unknown event
        assertThat(deadLetters(user.userId().toString(), 1)).extracting(ConsumerRecord::value).containsExactly("not json");
    }
}
