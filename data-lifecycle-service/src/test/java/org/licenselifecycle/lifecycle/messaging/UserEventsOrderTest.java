package org.licenselifecycle.lifecycle.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.lifecycle.Licenses;
import org.licenselifecycle.lifecycle.Licenses.TestUser;
import org.licenselifecycle.testsupport.DirectoryHistories;
import org.licenselifecycle.testsupport.DirectoryHistories.Change;
import org.licenselifecycle.testsupport.DirectoryHistories.FinalUser;
import org.licenselifecycle.testsupport.DirectoryHistories.History;
import org.licenselifecycle.testsupport.DirectoryHistories.Run;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * What directory-service's events leave of users' mailboxes and OneDrives does not depend on the order they
 * arrive in: each random history ({@link DirectoryHistories}: deletions, restores, renames, purges of a few
 * users, each with a mailbox and a OneDrive) is played through the real consumers against the database
 * twice, in directory-service's order and in a delivery order (users interleaved at random; in the second
 * test one event of a user arriving after newer ones of the same user), in two tenants. The mailboxes,
 * OneDrives and users this service keeps end the same (and the timelines too, while each user's events keep
 * their order), as the directory left the users, and every event is applied: none left for the dead-letter
 * topic.
 *
 * <p>{@code -DuserEventsOrder.tries=N} plays more histories, {@code -DuserEventsOrder.seed=S} others.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class UserEventsOrderTest {

    private static final int TRIES = Integer.getInteger("userEventsOrder.tries", 60);
    private static final String SEED = System.getProperty("userEventsOrder.seed", "20261127");
    /** A month before the histories' changes, which span days: no grace period or retention ends meanwhile. */
    private static final Instant LICENSED = Instant.parse("2026-05-01T09:00:00Z");

    @Inject
    UserEventsConsumer userEvents;

    @Inject
    LicenseEventsConsumer licenseEvents;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void mailboxesAndOneDrivesEndTheSameWhateverOrderDifferentUsersEventsArriveIn() {
        forEachHistory(DirectoryHistories.histories(false), true);
    }

    @Test
    void anEventArrivingAfterNewerOnesOfItsUserDoesNotUndoThem() {
        // the timeline says what happened when it was heard of: a restore heard only through a later event differs
        forEachHistory(DirectoryHistories.histories(true), false);
    }

    private void forEachHistory(Arbitrary<History> histories, boolean sameTimelines) {
        JqwikSession.start(SEED);
        try {
            for (int tried = 0; tried < TRIES; tried++) {
                History history = histories.sample();
                try {
                    check(history, sameTimelines);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("History " + (tried + 1) + " of seed " + SEED + " fails:\n" + history, e);
                }
                JqwikSession.finishTry();
            }
        } finally {
            JqwikSession.finish();
        }
    }

    private void check(History history, boolean sameTimelines) {
        Run inOrder = play(history, history.changes());
        Run delivered = play(history, history.delivered());

        Map<String, String> expected = state(inOrder, history);
        assertThat(state(delivered, history)).as("after the events in the delivery order").isEqualTo(expected);
        if (sameTimelines) {
            assertThat(timelines(delivered, history)).isEqualTo(timelines(inOrder, history));
        }
        for (FinalUser user : history.finalUsers()) {
            String key = "user" + user.user();
            assertThat(expected.get(key + " mailbox")).as(key + "'s mailbox follows the name")
                    .contains("\"user_principal_name\": \"" + user.userPrincipalName() + "\"");
            assertThat(expected.get(key + " directory")).as(key + " deleted or not")
                    .contains(user.deletedAt() == null ? "\"deleted_at\": null" : "\"deleted_at\": \"20");
        }
        for (Run run : List.of(inOrder, delivered)) {
            assertThat(count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ANY (?)",
                    UserEventsConsumer.CONSUMER, run.eventIds().toArray(UUID[]::new)))
                    .as("events applied").isEqualTo(run.eventIds().size());
        }
    }

    /** A tenant whose users get a mailbox and a OneDrive (Business Premium), then hear the history's events in {@code order}. */
    private Run play(History history, List<Change> order) {
        Run run = new Run();
        for (int user : history.users()) {
            String name = history.changes().stream().filter(c -> c.user() == user).findFirst().orElseThrow().userPrincipalName();
            Record assigned = new TestUser(run.tenantId, run.userId(user), name).assigned(Licenses.BUSINESS_PREMIUM, LICENSED);
            licenseEvents.consume(TestEvents.delivered(record(Topics.LICENSE_EVENTS, run.userId(user), assigned, "/licensing-service")));
        }
        order.forEach(change -> userEvents.consume(TestEvents.delivered(run.record(change))));
        return run;
    }

    private static ConsumerRecord<String, String> record(String topic, UUID key, Record data, String source) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(topic, 0, 0, key.toString(), EventJson.write(data));
        TestEvents.headers(UUID.randomUUID(), EventType.of(data).ceType(), source)
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** Each user's mailbox, OneDrive and directory row as JSON, this run's ids written as user numbers. */
    private Map<String, String> state(Run run, History history) {
        Map<String, String> state = new TreeMap<>();
        for (int user : history.users()) {
            String key = "user" + user;
            UUID id = run.userId(user);
            state.put(key + " mailbox", row(run, "SELECT to_jsonb(m) - 'updated_at' - 'version' FROM mailbox m WHERE user_id = ?", id));
            state.put(key + " OneDrive", row(run, "SELECT to_jsonb(o) - 'updated_at' - 'version' FROM onedrive o WHERE user_id = ?", id));
            // a user never deleted nor restored may have no row: they are active
            String directory = row(run, "SELECT to_jsonb(u) - 'changed_at' FROM directory_user u WHERE user_id = ?", id);
            state.put(key + " directory", directory == null ? "{\"deleted_at\": null}" : directory);
        }
        return state;
    }

    /** Each user's timeline entries (at, event, actor, detail), in order of time then text. */
    private List<String> timelines(Run run, History history) {
        List<String> entries = new ArrayList<>();
        for (int user : history.users()) {
            entries.addAll(rows(run, "SELECT (to_jsonb(t) - 'id')::text FROM timeline_entry t WHERE user_id = ? "
                    + "ORDER BY at, detail, event", run.userId(user)));
        }
        return entries;
    }

    private String row(Run run, String sql, UUID userId) {
        List<String> rows = rows(run, sql, userId);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private List<String> rows(Run run, String sql, UUID userId) {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, userId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(anonymous(run, rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return rows;
    }

    /** The row with the run's tenant, admin and user ids replaced by names common to every run. */
    private static String anonymous(Run run, String json) {
        String text = json.replace(run.tenantId.toString(), "tenant").replace(run.admin.toString(), "admin");
        for (int user = 0; user < DirectoryHistories.USERS; user++) {
            text = text.replace(run.userId(user).toString(), "user" + user);
        }
        return text;
    }

    private long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
