package org.licenselifecycle.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.licenselifecycle.licensing.licenses.ActiveUsersService;
import org.licenselifecycle.licensing.licenses.KeptLicenses;
import org.licenselifecycle.licensing.licenses.LicenseAssignmentService;
import org.licenselifecycle.licensing.messaging.UserEventsConsumer;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.testsupport.DirectoryHistories;
import org.licenselifecycle.testsupport.DirectoryHistories.Change;
import org.licenselifecycle.testsupport.DirectoryHistories.FinalUser;
import org.licenselifecycle.testsupport.DirectoryHistories.History;
import org.licenselifecycle.testsupport.DirectoryHistories.Kind;
import org.licenselifecycle.testsupport.DirectoryHistories.Run;
import org.licenselifecycle.testsupport.Rig;
import org.licenselifecycle.testsupport.TestEvents;

/**
 * The users read model ends as directory-service's users are, whatever order their events arrive in: each
 * random history ({@link DirectoryHistories}: names freed by a deletion or a rename and taken by another
 * user, swapped, restored after being taken and freed again) is played through the real consumer against the
 * database twice, in directory-service's order and in a delivery order (users interleaved at random, and in
 * the second test one event of a user arriving after newer ones of the same user), in two tenants. Both
 * end as the directory's final state, every event is applied (none left for the dead-letter topic), and
 * after every event a lookup by name (the Active users page, Graph's licenseDetails, a license change's
 * locked read) answers a user who holds the name or 404, never an error.
 *
 * <p>{@code -DuserEventsOrder.tries=N} plays more histories, {@code -DuserEventsOrder.seed=S} others.
 */
@QuarkusTest
@WithTestResource(Rig.class)
class UserEventsOrderTest {

    private static final int TRIES = Integer.getInteger("userEventsOrder.tries", 60);
    private static final String SEED = System.getProperty("userEventsOrder.seed", "20261127");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADA = DirectoryHistories.PRINCIPAL_NAMES.get(0);
    private static final String BOB = DirectoryHistories.PRINCIPAL_NAMES.get(1);
    private static final String CYD = DirectoryHistories.PRINCIPAL_NAMES.get(2);
    private static final Instant T0 = Instant.parse("2026-06-01T08:00:00Z");

    @Inject
    UserEventsConsumer consumer;

    @Inject
    ActiveUsersService activeUsers;

    @Inject
    LicenseAssignmentService licenses;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theReadModelEndsTheSameWhateverOrderDifferentUsersEventsArriveIn() {
        forEachHistory(DirectoryHistories.histories(false));
    }

    @Test
    void anEventArrivingAfterNewerOnesOfItsUserDoesNotUndoThem() {
        forEachHistory(DirectoryHistories.histories(true));
    }

    @Test
    void aNameFreedByADeletionAndTakenByANewUserFindsTheNewUserEvenBeforeTheDeletionArrives() {
        Change adaCreated = change(0, Kind.CREATED, 1, ADA);
        Change adaDeleted = change(0, Kind.DELETED, 2, ADA);
        Change newAdaCreated = change(1, Kind.CREATED, 3, ADA);
        Run run = new Run();

        consumer.consume(TestEvents.delivered(run.record(adaCreated)));
        consumer.consume(TestEvents.delivered(run.record(newAdaCreated)));

        for (Function<String, UUID> lookup : lookups(run)) {
            assertThat(lookup.apply(ADA)).isEqualTo(run.userId(1));
        }
        consumer.consume(TestEvents.delivered(run.record(adaDeleted)));
        check(new History(List.of(adaCreated, adaDeleted, newAdaCreated), List.of(adaCreated, newAdaCreated, adaDeleted),
                List.of(finalUser(0, ADA, 1, 2), finalUser(1, ADA, 3, null))));
    }

    @Test
    void twoUsersSwappingNamesEndWithTheirNewNamesWhicheverUserIsHeardFirst() {
        Change adaCreated = change(0, Kind.CREATED, 1, ADA);
        Change bobCreated = change(1, Kind.CREATED, 2, BOB);
        Change adaToCyd = change(0, Kind.UPDATED, 3, CYD);
        Change bobToAda = change(1, Kind.UPDATED, 4, ADA);
        Change cydToBob = change(0, Kind.UPDATED, 5, BOB);

        check(new History(List.of(adaCreated, bobCreated, adaToCyd, bobToAda, cydToBob),
                List.of(bobCreated, bobToAda, adaCreated, adaToCyd, cydToBob),
                List.of(finalUser(0, BOB, 1, null), finalUser(1, ADA, 2, null))));
    }

    @Test
    void aUserRestoredAfterTheirNameWasTakenAndFreedAgainHoldsIt() {
        Change adaCreated = change(0, Kind.CREATED, 1, ADA);
        Change adaDeleted = change(0, Kind.DELETED, 2, ADA);
        Change otherAdaCreated = change(1, Kind.CREATED, 3, ADA);
        Change otherAdaDeleted = change(1, Kind.DELETED, 4, ADA);
        Change adaRestored = change(0, Kind.RESTORED, 5, ADA);

        check(new History(List.of(adaCreated, adaDeleted, otherAdaCreated, otherAdaDeleted, adaRestored),
                List.of(adaCreated, adaDeleted, adaRestored, otherAdaCreated, otherAdaDeleted),
                List.of(finalUser(0, ADA, 1, null), finalUser(1, ADA, 3, 4))));
    }

    /** A change at minute {@code minute}; each user keeps the details "User n", US, enabled. */
    private static Change change(int user, Kind kind, int minute, String name) {
        return new Change(user, kind, T0.plusSeconds(60L * minute), name, "User " + user, "US", true, null);
    }

    private static FinalUser finalUser(int user, String name, int createdMinute, Integer deletedMinute) {
        return new FinalUser(user, name, "User " + user, "US", true, T0.plusSeconds(60L * createdMinute),
                deletedMinute == null ? null : T0.plusSeconds(60L * deletedMinute), false);
    }

    private void forEachHistory(Arbitrary<History> histories) {
        JqwikSession.start(SEED);
        try {
            for (int tried = 0; tried < TRIES; tried++) {
                History history = histories.sample();
                try {
                    check(history);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("History " + (tried + 1) + " of seed " + SEED + " fails:\n" + history, e);
                }
                JqwikSession.finishTry();
            }
        } finally {
            JqwikSession.finish();
        }
    }

    private void check(History history) {
        Run inOrder = new Run();
        Run delivered = new Run();
        history.changes().forEach(change -> consumer.consume(TestEvents.delivered(inOrder.record(change))));
        for (Change change : history.delivered()) {
            consumer.consume(TestEvents.delivered(delivered.record(change)));
            assertLookupsAnswerAHolderOrNotFound(delivered, change.userPrincipalName());
        }

        assertThat(state(inOrder, history)).as("after the events in directory-service's order").isEqualTo(expected(history));
        assertThat(state(delivered, history)).as("after the events in the delivery order").isEqualTo(expected(history));
        for (Run run : List.of(inOrder, delivered)) {
            assertThat(Db.count(dataSource, "SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ANY (?)",
                    UserEventsConsumer.CONSUMER_NAME, run.eventIds().toArray(UUID[]::new)))
                    .as("events applied").isEqualTo(run.eventIds().size());
        }
    }

    /** Each user as the history leaves them, and who each name finds. */
    private static Map<String, String> expected(History history) {
        Map<String, String> state = new TreeMap<>();
        for (FinalUser user : history.finalUsers()) {
            state.put("user" + user.user(), user.purged() ? "gone" : describe(user.userPrincipalName(), user.displayName(),
                    user.usageLocation(), user.accountEnabled(), user.createdAt(), user.deletedAt()));
        }
        for (String name : DirectoryHistories.PRINCIPAL_NAMES) {
            Integer holder = history.holderOf(name);
            state.put(name, holder == null ? "nobody" : "user" + holder);
        }
        return state;
    }

    /** What the read model holds of each user of the run, and who each name finds through every lookup. */
    private Map<String, String> state(Run run, History history) {
        Map<String, String> state = new TreeMap<>();
        for (Map.Entry<Integer, JsonNode> row : rows(run).entrySet()) {
            JsonNode u = row.getValue();
            boolean purged = u.hasNonNull("purged_at");
            state.put("user" + row.getKey(), purged ? "gone" : describe(u.get("user_principal_name").asText(),
                    u.get("display_name").asText(), u.get("usage_location").isNull() ? null : u.get("usage_location").asText(),
                    u.get("account_enabled").asBoolean(), instant(u.get("created_at")), instant(u.get("deleted_at"))));
        }
        for (int user : history.users()) {
            // the purge forgets a user: no row, or one that only says so
            state.putIfAbsent("user" + user, "gone");
        }
        for (String name : DirectoryHistories.PRINCIPAL_NAMES) {
            List<String> found = new ArrayList<>();
            for (Function<String, UUID> lookup : lookups(run)) {
                try {
                    found.add("user" + run.userNumber(lookup.apply(name)));
                } catch (GraphException e) {
                    assertThat(e.status()).as(e.getMessage()).isEqualTo(404);
                    found.add("nobody");
                }
            }
            assertThat(found).as("every lookup of " + name + " finds the same user").containsOnly(found.get(0));
            state.put(name, found.get(0));
        }
        return state;
    }

    /** Graph's licenseDetails and a license change's locked read (LicenseAssignmentRepository), the Active users page. */
    private List<Function<String, UUID>> lookups(Run run) {
        return List.of(
                name -> licenses.licensesOf(run.tenantId, name).userId(),
                name -> activeUsers.keepOnly(run.tenantId, run.admin, name, new KeptLicenses(List.of())).userId(),
                name -> activeUsers.licensesOf(run.tenantId, name).userId());
    }

    private void assertLookupsAnswerAHolderOrNotFound(Run run, String name) {
        for (Function<String, UUID> lookup : lookups(run)) {
            UUID found;
            try {
                found = lookup.apply(name);
            } catch (GraphException e) {
                assertThat(e.status()).as(e.getMessage()).isEqualTo(404);
                continue;
            }
            JsonNode row = rows(run).get(run.userNumber(found));
            assertThat(row).as("the user found by " + name).isNotNull();
            assertThat(row.get("user_principal_name").asText()).isEqualToIgnoringCase(name);
            assertThat(row.get("deleted_at").isNull()).as(name + " found a deleted user").isTrue();
        }
    }

    private Map<Integer, JsonNode> rows(Run run) {
        Map<Integer, JsonNode> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT to_jsonb(u)::text FROM directory_user u WHERE tenant_id = ?")) {
            s.setObject(1, run.tenantId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    JsonNode row = JSON.readTree(rs.getString(1));
                    rows.put(run.userNumber(UUID.fromString(row.get("user_id").asText())), row);
                }
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private static Instant instant(JsonNode value) {
        return value == null || value.isNull() ? null : OffsetDateTime.parse(value.asText()).toInstant();
    }

    private static String describe(String name, String displayName, String usageLocation, boolean enabled, Instant createdAt,
            Instant deletedAt) {
        return name + ", " + displayName + ", " + usageLocation + ", " + (enabled ? "enabled" : "disabled") + ", created "
                + createdAt + (deletedAt == null ? ", active" : ", deleted " + deletedAt);
    }
}
