package org.licenselifecycle.licensing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.licensing.messaging.UserEventsConsumer;
import org.licenselifecycle.testsupport.Rig;

@QuarkusTest
@WithTestResource(Rig.class)
class UserEventsConsumerTest {

    private static final String DEAD_LETTERS = "directory.user-events.licensing-service.dlq";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aUserCreatedEventPutsTheUserInTheReadModel() {
        TestTenant tenant = new TestTenant();
        UserCreated created = UserEvents.userCreated(tenant.id, "ada@contoso.example", "GB");

        UserEvents.publish(UUID.randomUUID(), created);

        tenant.awaitKnown(created.userId());
        assertThat(Db.value(dataSource, "SELECT tenant_id FROM directory_user WHERE user_id = ?", created.userId()))
                .isEqualTo(tenant.id);
        assertThat(Db.value(dataSource, "SELECT user_principal_name FROM directory_user WHERE user_id = ?", created.userId()))
                .isEqualTo("ada@contoso.example");
        assertThat(Db.value(dataSource, "SELECT display_name FROM directory_user WHERE user_id = ?", created.userId()))
                .isEqualTo(created.displayName());
        assertThat(Db.value(dataSource, "SELECT usage_location FROM directory_user WHERE user_id = ?", created.userId()))
                .isEqualTo("GB");
        assertThat(Db.value(dataSource, "SELECT account_enabled FROM directory_user WHERE user_id = ?", created.userId()))
                .isEqualTo(true);
    }

    @Test
    void aRedeliveredEventIsSkippedByItsIdWhileANewEventForTheSameUserIsApplied() {
        TestTenant tenant = new TestTenant();
        UserCreated first = UserEvents.userCreated(tenant.id, "grace@contoso.example", "US");
        UserCreated renamed = new UserCreated(first.tenantId(), first.userId(), first.userPrincipalName(), "Grace Hopper",
                first.mailNickname(), "NL", first.accountEnabled(), first.createdAt());
        UUID firstId = UUID.randomUUID();
        UUID renamedId = UUID.randomUUID();

        UserEvents.publish(firstId, first);
        UserEvents.publish(firstId, first);
        UserEvents.publish(renamedId, renamed);
        // a late redelivery of the first event: applying it again would undo the rename
        UserEvents.publish(firstId, first);
        UUID marker = publishMarkerAfter(tenant, first.userId());

        tenant.awaitKnown(marker);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM directory_user WHERE user_id = ?", first.userId())).isEqualTo(1);
        assertThat(Db.value(dataSource, "SELECT display_name FROM directory_user WHERE user_id = ?", first.userId()))
                .isEqualTo("Grace Hopper");
        assertThat(Db.value(dataSource, "SELECT usage_location FROM directory_user WHERE user_id = ?", first.userId()))
                .isEqualTo("NL");
        assertThat(Db.count(dataSource, "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id IN (?, ?)",
                UserEventsConsumer.CONSUMER_NAME, firstId, renamedId)).isEqualTo(2);
    }

    @Test
    void anEventOfATypeThisReleaseDoesNotKnowIsSkipped() {
        TestTenant tenant = new TestTenant();
        UserCreated future = UserEvents.userCreated(tenant.id, "future@contoso.example", "US");
        try (ConsumerTask<String, String> deadLetters = deadLettersWithKey(future.userId().toString())) {
            UserEvents.publish(UUID.randomUUID(), "org.licenselifecycle.directory.UserTeleported.v1",
                    future.userId().toString(), EventJson.write(future));
            // a poison message after it: had the unknown event gone to the dead-letter topic, it would be ahead of this
            UserEvents.publishRaw(new ProducerRecord<>(Topics.USER_EVENTS, future.userId().toString(), "poison"));
            UUID marker = publishMarkerAfter(tenant, future.userId());

            tenant.awaitKnown(marker);
            assertThat(Db.count(dataSource, "SELECT count(*) FROM directory_user WHERE user_id = ?", future.userId()))
                    .as("not in the read model").isZero();
            assertThat(deadLetters.awaitRecords(1, Duration.ofSeconds(60)).getRecords())
                    .extracting(ConsumerRecord::value).containsExactly("poison");
        }
    }

    @Test
    void malformedMessagesGoToTheDeadLetterTopicAndTheNextEventIsStillApplied() {
        TestTenant tenant = new TestTenant();
        String key = UUID.randomUUID().toString();
        try (ConsumerTask<String, String> deadLetters = deadLettersWithKey(key)) {
            UserEvents.publishRaw(new ProducerRecord<>(Topics.USER_EVENTS, key, "not a cloud event"));
            UserEvents.publish(UUID.randomUUID(), EventType.USER_CREATED.ceType(), key, "{\"userId\":\"not-a-guid\"}");
            UserCreated named = UserEvents.userCreated(tenant.id, "nameless-" + UUID.randomUUID() + "@contoso.example", "US");
            String nameless = EventJson.write(named)
                    .replace("\"" + named.userPrincipalName() + "\"", "null");
            UserEvents.publish(UUID.randomUUID(), EventType.USER_CREATED.ceType(), key, nameless);
            UserEvents.publish(UUID.fromString(key), EventType.USER_CREATED.ceType(), key, "{\"truncated\":");
            UUID next = publishMarkerAfter(tenant, UUID.fromString(key));

            List<ConsumerRecord<String, String>> dead = deadLetters.awaitRecords(4, Duration.ofSeconds(60)).getRecords();

            assertThat(dead).extracting(ConsumerRecord::value).containsExactly("not a cloud event",
                    "{\"userId\":\"not-a-guid\"}", nameless, "{\"truncated\":");
            tenant.awaitKnown(next);
            assertThat(Db.count(dataSource, "SELECT count(*) FROM directory_user WHERE user_id = ?", named.userId()))
                    .as("not in the read model").isZero();
        }
    }

    /**
     * Publishes a UserCreated for a new user under {@code key}, so that it lands on the same partition as
     * the events before it: once the new user is known, everything published before has been consumed.
     */
    private static UUID publishMarkerAfter(TestTenant tenant, UUID key) {
        UserCreated marker = UserEvents.userCreated(tenant.id, "marker-" + UUID.randomUUID() + "@contoso.example", "US");
        UserEvents.publish(UUID.randomUUID(), EventType.USER_CREATED.ceType(), key.toString(), EventJson.write(marker));
        return marker.userId();
    }

    private static ConsumerTask<String, String> deadLettersWithKey(String key) {
        return UserEvents.companion().consumeStrings()
                .withProp("auto.offset.reset", "earliest")
                .fromTopics(Set.of(DEAD_LETTERS), records -> records.filter(r -> key.equals(r.key())));
    }
}
