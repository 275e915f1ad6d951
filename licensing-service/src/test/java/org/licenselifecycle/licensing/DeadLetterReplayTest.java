package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.events.UserUpdated;
import org.licenselifecycle.licensing.messaging.UserEventsConsumer;
import org.licenselifecycle.support.inbox.DeadLetterReplay;
import org.licenselifecycle.testsupport.Kafka;
import org.licenselifecycle.testsupport.Rig;

/**
 * licensing-service's users consumer as deployed (its channel's delayed-retry topics and dead-letter topic):
 * a UserCreated whose write the database refuses goes through the retries to the dead-letter topic, the
 * user's next event follows it there instead of overtaking it, other users' events flow meanwhile; once the
 * cause is gone, {@link DeadLetterReplay} puts both back and they apply once, in order.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class DeadLetterReplayTest {

    private static final String DEAD_LETTERS = Topics.deadLetterTopic(Topics.USER_EVENTS, "licensing-service");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eventsDeadLetteredBecauseTheirEffectFailedApplyOnceInOrderWhenReplayedAfterTheFix() {
        TestTenant tenant = new TestTenant();
        UserCreated created = UserEvents.userCreated(tenant.id, "blocked-" + UUID.randomUUID() + "@contoso.example", "US");
        UserUpdated renamed = new UserUpdated(tenant.id, created.userId(), created.userPrincipalName(), "Renamed Later",
                "NL", true, null, Instant.now());
        UUID createdId = UUID.randomUUID();
        UUID renamedId = UUID.randomUUID();
        String trigger = "refuse_" + created.userId().toString().replace("-", "");
        execute("CREATE OR REPLACE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$");
        execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON directory_user FOR EACH ROW WHEN (NEW.user_id = '"
                + created.userId() + "') EXECUTE FUNCTION refuse_for_test()");
        List<ConsumerRecord<String, String>> dead;
        try {
            UserEvents.publish(createdId, created);
            UserEvents.publish(renamedId, created.userId(), renamed);
            UserEvents.publishMarkerAfter(tenant, UUID.randomUUID()); // another user's event is not held up

            await().atMost(Duration.ofSeconds(60)).until(() -> deadLettersOf(created.userId()).size() == 2);
            dead = deadLettersOf(created.userId());
        } finally {
            execute("DROP TRIGGER " + trigger + " ON directory_user");
        }
        assertThat(dead).extracting(record -> header(record, CloudEventHeaders.ID))
                .containsExactly(createdId.toString(), renamedId.toString());
        assertThat(header(dead.get(0), "delayed-retry-reason")).contains("refused for the test");
        assertThat(known(created.userId())).isZero();

        DeadLetterReplay.Result replay = DeadLetterReplay.replay(Kafka.bootstrapServers(), DEAD_LETTERS, false);

        assertThat(replay.to()).isEqualTo(Topics.USER_EVENTS);
        assertThat(replay.replayed()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(60)).until(() -> "Renamed Later".equals(
                Db.value(dataSource, "SELECT display_name FROM directory_user WHERE user_id = ?", created.userId())));
        assertThat(Db.value(dataSource, "SELECT usage_location FROM directory_user WHERE user_id = ?", created.userId()))
                .isEqualTo("NL");
        assertThat(DeadLetterReplay.replay(Kafka.bootstrapServers(), DEAD_LETTERS, false).replayed()).isZero();
        assertThat(Db.count(dataSource, "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id IN (?, ?)",
                UserEventsConsumer.CONSUMER_NAME, createdId, renamedId)).isEqualTo(2);
        assertThat(Db.count(dataSource, "SELECT count(*) FROM retry_queue WHERE event_key = ?", created.userId().toString()))
                .isZero();
    }

    private long known(UUID userId) {
        return Db.count(dataSource, "SELECT count(*) FROM directory_user WHERE user_id = ?", userId);
    }

    private static List<ConsumerRecord<String, String>> deadLettersOf(UUID userId) {
        return Kafka.recordsOn(DEAD_LETTERS).stream().filter(r -> userId.toString().equals(r.key())).toList();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
