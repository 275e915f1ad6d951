package org.licenselifecycle.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.licenselifecycle.events.CloudEventHeaders;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.events.EventType;
import org.licenselifecycle.events.Topics;
import org.licenselifecycle.events.UserCreated;
import org.licenselifecycle.events.UserDeleted;
import org.licenselifecycle.events.UserPurged;
import org.licenselifecycle.events.UserRestored;
import org.licenselifecycle.events.UserUpdated;

/**
 * Random directories for the read models' property tests: a few users of one tenant created, renamed,
 * edited, deleted, restored and purged as directory-service allows it (one active user per
 * userPrincipalName at a time, names from a small pool so that they are freed and taken again), each change
 * an event of its user. {@link History#changes} is the order directory-service made them in;
 * {@link History#delivered} an order a consumer may receive them in: each user's events in order (one
 * partition), users interleaved at random (different partitions), and, when asked for, one event of a user
 * delivered after newer ones of the same user (a delayed retry).
 *
 * <p>Tests draw histories with {@code net.jqwik.api.sessions.JqwikSession} and {@code Arbitrary#sample}:
 * jqwik's {@code @Property} cannot run inside a {@code @QuarkusTest}, and these tests need the service's
 * consumer and database.
 */
public final class DirectoryHistories {

    /** How many users a history has at most, and the names they share. */
    public static final int USERS = 4;
    public static final List<String> PRINCIPAL_NAMES = List.of("ada@contoso.example", "bob@contoso.example",
            "cyd@contoso.example");

    private static final Instant START = Instant.parse("2026-06-01T08:00:00Z");
    private static final List<String> COUNTRIES = List.of("US", "GB", "FR");

    private DirectoryHistories() {
    }

    /** What a change did to its user. */
    public enum Kind { CREATED, UPDATED, DELETED, RESTORED, PURGED }

    /**
     * One change to user number {@code user}, with what the user is after it.
     *
     * @param manager the user number of the manager named by a deletion, or null
     */
    public record Change(int user, Kind kind, Instant at, String userPrincipalName, String displayName,
            String usageLocation, boolean accountEnabled, Integer manager) {

        @Override
        public String toString() {
            return "user" + user + " " + kind + " " + userPrincipalName + " at " + at
                    + (kind == Kind.CREATED || kind == Kind.UPDATED
                    ? " (" + displayName + ", " + usageLocation + ", " + (accountEnabled ? "enabled" : "disabled") + ")" : "")
                    + (manager != null ? " manager user" + manager : "");
        }
    }

    /** A user as directory-service holds them at the end of a history. */
    public record FinalUser(int user, String userPrincipalName, String displayName, String usageLocation,
            boolean accountEnabled, Instant createdAt, Instant deletedAt, boolean purged) {
    }

    /** The changes of one history, and the order they are delivered in. */
    public record History(List<Change> changes, List<Change> delivered, List<FinalUser> finalUsers) {

        /** The active user holding {@code name} at the end, if any. */
        public Integer holderOf(String name) {
            return finalUsers.stream().filter(u -> !u.purged() && u.deletedAt() == null && u.userPrincipalName().equals(name))
                    .map(FinalUser::user).findFirst().orElse(null);
        }

        /** The users the history created (the others have no events). */
        public List<Integer> users() {
            return finalUsers.stream().map(FinalUser::user).toList();
        }

        @Override
        public String toString() {
            return "changes:\n  " + changes.stream().map(Change::toString).collect(Collectors.joining("\n  "))
                    + "\ndelivered:\n  " + delivered.stream().map(Change::toString).collect(Collectors.joining("\n  "));
        }
    }

    /**
     * One playing of a history in a tenant of its own, with user ids of its own, so that two playings (in
     * two orders) can run against one database and be compared user number by user number.
     */
    public static final class Run {

        public final UUID tenantId = UUID.randomUUID();
        public final UUID admin = UUID.randomUUID();
        private final List<UUID> userIds = IntStream.range(0, USERS).mapToObj(i -> UUID.randomUUID()).toList();
        private final List<UUID> eventIds = new ArrayList<>();

        public UUID userId(int user) {
            return userIds.get(user);
        }

        /** The user number of {@code userId}, or null when it is none of this run's users. */
        public Integer userNumber(UUID userId) {
            int index = userIds.indexOf(userId);
            return index < 0 ? null : index;
        }

        /** The ids of the events {@link #record} made so far. */
        public List<UUID> eventIds() {
            return List.copyOf(eventIds);
        }

        /** The change as directory-service publishes it: a binary CloudEvent keyed by the user, at the change's time. */
        public ConsumerRecord<String, String> record(Change change) {
            Record data = event(change);
            UUID eventId = UUID.randomUUID();
            eventIds.add(eventId);
            ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.USER_EVENTS, 0, eventIds.size(),
                    userId(change.user()).toString(), EventJson.write(data));
            Map<String, String> headers = TestEvents.headers(eventId, EventType.of(data).ceType(), "/directory-service");
            headers.put(CloudEventHeaders.TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(change.at().atOffset(ZoneOffset.UTC)));
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            return record;
        }

        /** The change's event data for this run's tenant and users. */
        public Record event(Change c) {
            UUID id = userId(c.user());
            return switch (c.kind()) {
                case CREATED -> new UserCreated(tenantId, id, c.userPrincipalName(), c.displayName(),
                        c.userPrincipalName().substring(0, c.userPrincipalName().indexOf('@')), c.usageLocation(),
                        c.accountEnabled(), c.at());
                case UPDATED -> new UserUpdated(tenantId, id, c.userPrincipalName(), c.displayName(), c.usageLocation(),
                        c.accountEnabled(), null, c.at());
                case DELETED -> new UserDeleted(tenantId, id, c.userPrincipalName(),
                        c.manager() == null ? null : userId(c.manager()), admin, c.at(), c.at().plus(Duration.ofDays(30)));
                case RESTORED -> new UserRestored(tenantId, id, c.userPrincipalName(), admin, c.at());
                case PURGED -> new UserPurged(tenantId, id, c.userPrincipalName(), admin, c.at());
            };
        }
    }

    /**
     * Histories of up to {@link #USERS} users and 30 attempted changes, a second to an hour apart.
     *
     * @param lateDelivery whether one event of a user (with a newer one) is delivered after newer ones of its user
     */
    public static Arbitrary<History> histories(boolean lateDelivery) {
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.frequency(Tuple.of(4, OpKind.CREATE), Tuple.of(3, OpKind.RENAME), Tuple.of(2, OpKind.EDIT),
                        Tuple.of(3, OpKind.DELETE), Tuple.of(3, OpKind.RESTORE), Tuple.of(1, OpKind.PURGE)),
                Arbitraries.integers().between(0, USERS - 1),
                Arbitraries.integers().between(0, PRINCIPAL_NAMES.size() - 1),
                Arbitraries.integers().between(0, 99),
                Arbitraries.longs().between(1, Duration.ofHours(1).toMillis())).as(Op::new);
        return Combinators.combine(op.list().ofMinSize(1).ofMaxSize(30), Arbitraries.longs())
                .as((ops, seed) -> play(ops, new Random(seed), lateDelivery));
    }

    private enum OpKind { CREATE, RENAME, EDIT, DELETE, RESTORE, PURGE }

    /** An attempted change; one the directory would refuse (a name taken, a user not deleted) is skipped. */
    private record Op(OpKind kind, int user, int name, int detail, long gapMillis) {
    }

    /** One user as the simulated directory holds them. */
    private static final class User {
        final int number;
        String name;
        String displayName;
        String usageLocation;
        boolean accountEnabled;
        Instant createdAt;
        Instant deletedAt;
        boolean purged;

        User(int number) {
            this.number = number;
        }

        boolean active() {
            return deletedAt == null && !purged;
        }
    }

    private static History play(List<Op> ops, Random random, boolean lateDelivery) {
        Map<Integer, User> users = new HashMap<>();
        List<Change> changes = new ArrayList<>();
        Instant now = START;
        for (Op op : ops) {
            now = now.plusMillis(op.gapMillis());
            String name = PRINCIPAL_NAMES.get(op.name());
            User user = users.get(op.user());
            boolean nameFree = users.values().stream().noneMatch(u -> u.active() && u.name.equals(name));
            Change change = switch (op.kind()) {
                case CREATE -> {
                    if (user != null || !nameFree) {
                        yield null;
                    }
                    user = new User(op.user());
                    users.put(op.user(), user);
                    user.name = name;
                    edit(user, op.detail());
                    user.createdAt = now;
                    yield change(user, Kind.CREATED, now, null);
                }
                case RENAME -> user != null && user.active() && nameFree ? renamed(user, name, now) : null;
                case EDIT -> {
                    if (user == null || !user.active()) {
                        yield null;
                    }
                    edit(user, op.detail());
                    yield change(user, Kind.UPDATED, now, null);
                }
                case DELETE -> {
                    if (user == null || !user.active()) {
                        yield null;
                    }
                    user.deletedAt = now;
                    User manager = users.get(op.detail() % USERS);
                    yield change(user, Kind.DELETED, now, manager != null && manager != user && manager.active()
                            ? manager.number : null);
                }
                case RESTORE -> {
                    User restored = user;
                    if (user == null || user.active() || user.purged
                            || users.values().stream().anyMatch(u -> u.active() && u.name.equals(restored.name))) {
                        yield null;
                    }
                    user.deletedAt = null;
                    yield change(user, Kind.RESTORED, now, null);
                }
                case PURGE -> {
                    if (user == null || user.active() || user.purged) {
                        yield null;
                    }
                    user.purged = true;
                    yield change(user, Kind.PURGED, now, null);
                }
            };
            if (change != null) {
                changes.add(change);
            }
        }
        List<FinalUser> finals = users.values().stream()
                .sorted((a, b) -> Integer.compare(a.number, b.number))
                .map(u -> new FinalUser(u.number, u.name, u.displayName, u.usageLocation, u.accountEnabled, u.createdAt,
                        u.deletedAt, u.purged))
                .toList();
        return new History(List.copyOf(changes), deliver(changes, random, lateDelivery), finals);
    }

    private static Change renamed(User user, String name, Instant now) {
        user.name = name;
        return change(user, Kind.UPDATED, now, null);
    }

    private static void edit(User user, int detail) {
        user.displayName = "User " + detail;
        user.usageLocation = detail % 4 == 3 ? null : COUNTRIES.get(detail % 3);
        user.accountEnabled = detail % 5 != 0;
    }

    private static Change change(User user, Kind kind, Instant at, Integer manager) {
        return new Change(user.number, kind, at, user.name, user.displayName, user.usageLocation, user.accountEnabled,
                manager);
    }

    /** Each user's changes in order, users interleaved at random; one of a user's changes late if asked. */
    private static List<Change> deliver(List<Change> changes, Random random, boolean lateDelivery) {
        Map<Integer, List<Change>> byUser = new HashMap<>();
        changes.forEach(c -> byUser.computeIfAbsent(c.user(), u -> new ArrayList<>()).add(c));
        if (lateDelivery) {
            List<List<Change>> candidates = byUser.values().stream().filter(list -> list.size() > 1).toList();
            if (!candidates.isEmpty()) {
                List<Change> own = candidates.get(random.nextInt(candidates.size()));
                int late = random.nextInt(own.size() - 1);
                int after = late + 1 + random.nextInt(own.size() - late - 1);
                own.add(after, own.remove(late));
            }
        }
        List<List<Change>> queues = new ArrayList<>(byUser.values().stream().map(ArrayList::new).toList());
        List<Change> delivered = new ArrayList<>();
        while (!queues.isEmpty()) {
            List<Change> queue = queues.get(random.nextInt(queues.size()));
            delivered.add(queue.remove(0));
            if (queue.isEmpty()) {
                queues.remove(queue);
            }
        }
        return List.copyOf(delivered);
    }
}
