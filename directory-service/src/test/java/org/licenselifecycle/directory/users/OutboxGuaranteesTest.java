package org.licenselifecycle.directory.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.licenselifecycle.directory.UserFixtures.PASSWORD;
import static org.licenselifecycle.directory.UserFixtures.createUser;
import static org.licenselifecycle.directory.UserFixtures.usersIn;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.directory.UserEventsTopic;
import org.licenselifecycle.support.outbox.KafkaOutboxSender;
import org.licenselifecycle.support.outbox.OutboxRelay;
import org.licenselifecycle.support.outbox.OutboxSender;
import org.licenselifecycle.support.sql.Sql;
import org.licenselifecycle.testsupport.Rig;

/** The directory is the first producer: the outbox's promises are held here, on real PostgreSQL and Kafka. */
@QuarkusTest
@WithTestResource(Rig.class)
class OutboxGuaranteesTest {

    @Inject
    UserService userService;

    @Inject
    Sql sql;

    @Inject
    OutboxRelay relay;

    @Inject
    KafkaOutboxSender kafka;

    @Inject
    EntityManager entityManager;

    @Test
    void aCreateRolledBackAfterItsOutboxRowWasWrittenPublishesNothing() {
        UUID tenant = UUID.randomUUID();
        AtomicReference<User> rolledBack = new AtomicReference<>();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            rolledBack.set(userService.create(tenant, newUser("rolledback")));
            assertThat(outboxRowsOf(rolledBack.get().id)).as("the row is written inside the transaction").isEqualTo(1);
            throw new IllegalStateException("the create fails after its outbox row was written");
        })).isInstanceOf(IllegalStateException.class);

        String rolledBackId = rolledBack.get().id.toString();
        assertThat(usersIn(entityManager, tenant)).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> outboxRowsOf(rolledBack.get().id))).isZero();
        try (UserEventsTopic topic = UserEventsTopic.fromTheStart()) {
            // the relay publishes in commit order: once a later event is on the topic, an earlier one would be too
            String marker = createUser(tenant, "marker");
            topic.awaitOne(marker);
            assertThat(topic.withKey(rolledBackId)).isEmpty();
        }
        assertThat(usersIn(entityManager, tenant)).isEqualTo(1);
    }

    @Test
    void aRelayStoppedMidBatchPublishesTheRestLaterInOrder() {
        UUID tenant = UUID.randomUUID();
        await().atMost(UserEventsTopic.WAIT).until(() -> unsentRows() == 0);
        relay.pause();
        List<String> created = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                created.add(createUser(tenant, "batch" + i));
            }
            AtomicInteger handedOver = new AtomicInteger();
            OutboxSender brokerLostAfterFour = event -> handedOver.getAndIncrement() < 4
                    ? kafka.send(event)
                    : CompletableFuture.failedFuture(new IllegalStateException("broker connection lost"));

            AtomicInteger acknowledged = new AtomicInteger();
            // a scheduled pass started before the pause may still hold the relay's lock: try until ours runs
            await().atMost(UserEventsTopic.WAIT).until(() -> {
                acknowledged.set(relay.relay(10, brokerLostAfterFour));
                return handedOver.get() > 0;
            });

            assertThat(acknowledged.get()).isEqualTo(4);
            Map<String, Boolean> sentInWriteOrder = sentFlagsInWriteOrder(created);
            assertThat(sentInWriteOrder.keySet()).containsExactlyElementsOf(created);
            assertThat(sentInWriteOrder.values()).containsExactly(true, true, true, true,
                    false, false, false, false, false, false);
        } finally {
            relay.resume();
        }

        try (UserEventsTopic topic = UserEventsTopic.fromTheStart()) {
            List<ConsumerRecord<String, String>> records = topic.awaitKeys(created);
            // per partition, the users' events arrive in the order the users were created
            records.stream()
                    .filter(r -> created.contains(r.key()))
                    .collect(java.util.stream.Collectors.groupingBy(ConsumerRecord::partition))
                    .values()
                    .forEach(partition -> {
                        List<String> firstSeen = partition.stream().map(ConsumerRecord::key).distinct().toList();
                        assertThat(firstSeen).isEqualTo(created.stream().filter(firstSeen::contains).toList());
                    });
        }
        await().atMost(UserEventsTopic.WAIT).until(() -> !sentFlagsInWriteOrder(created).containsValue(false));
    }

    private static NewUser newUser(String alias) {
        return new NewUser(true, "Rolled Back", alias, alias + "@contoso.com", "US", null, null, null, null, null,
                new NewUser.PasswordProfile(PASSWORD, true), null);
    }

    /** Through {@link Sql}, which first sends the writes the outbox queued in this transaction. */
    private long outboxRowsOf(UUID userId) {
        return sql.first("SELECT count(*) FROM outbox_event WHERE event_key = ?", row -> row.getLong(1), userId.toString())
                .orElseThrow();
    }

    private long unsentRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE sent_at IS NULL AND set_aside_at IS NULL")
                .getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Boolean> sentFlagsInWriteOrder(List<String> userIds) {
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("""
                        SELECT event_key, sent_at IS NOT NULL FROM outbox_event
                        WHERE event_key IN (:keys) ORDER BY seq""")
                .setParameter("keys", userIds)
                .getResultList());
        Map<String, Boolean> flags = new LinkedHashMap<>();
        rows.forEach(row -> flags.put((String) row[0], (Boolean) row[1]));
        return flags;
    }
}
