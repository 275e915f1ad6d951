package org.licenselifecycle.licensing.users;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.support.sql.Sql;

/**
 * The one way licensing finds a user by a Graph {@code users/{id}} segment ({@link #find}) and the one way it locks
 * users ({@link #lock}): the user-events path (before it writes {@link DirectoryUser}) and every change of licenses
 * (before it reads and changes what users hold) take users through here, so they wait for each other the same way.
 */
@ApplicationScoped
public class UserRows {

    /** The first key of the advisory locks on user ids (the second: the id's hash); any other use picks another. */
    private static final int USER_ID_LOCKS = 0x75736572; // "user"

    private final Sql sql;

    UserRows(Sql sql) {
        this.sql = sql;
    }

    /**
     * The id of the active user of {@code tenantId} named by id or by userPrincipalName in any case, as Graph's
     * {@code users/{id}} segment; a deleted user is not found, as in Graph.
     *
     * <p>For a moment two active users may claim one name: a name freed by a deletion or a rename and taken by
     * another user, when the new holder's event arrives before the old holder's (they travel on different
     * partitions). The user heard of most recently holds it: at that time they held the name, so the other lost it
     * before.
     */
    public Optional<UUID> find(UUID tenantId, String idOrUserPrincipalName) {
        if (idOrUserPrincipalName == null || idOrUserPrincipalName.isBlank()) {
            return Optional.empty();
        }
        Optional<UUID> id = ObjectIds.of(idOrUserPrincipalName);
        return sql.first("SELECT user_id FROM directory_user WHERE tenant_id = ? AND deleted_at IS NULL AND "
                + (id.isPresent() ? "user_id = ?" : "lower(user_principal_name) = lower(?) ORDER BY changed_at DESC, user_id LIMIT 1"),
                row -> Sql.uuid(row, 1), tenantId, id.isPresent() ? id.get() : idOrUserPrincipalName);
    }

    /**
     * Locks the users with these ids, in any tenant and state, until the transaction ends, then runs {@code then}
     * (statements separated by {@code ;}, may be null) in the same round trip and returns what {@code read} reads of
     * its results (null without {@code then}): {@code then} starts once the locks are held, so it sees what the
     * transactions that held them before committed.
     *
     * <p>Rows are locked in id order, the one order every change of several users takes them in before it moves any
     * seat: two such changes, or one and a single user's change, never wait for each other in a cycle. An id no row
     * holds yet is locked instead (a transaction-scoped advisory lock, after the rows), and everything runs again:
     * two writers of a user not held yet, the user's event and directory's answer about them ({@link UnheardUsers}),
     * then take turns, the second finding the row the first wrote instead of inserting it again.
     */
    public <T> T lock(Collection<UUID> userIds, String then, Sql.Results<T> read, Object... parameters) {
        UUID[] ids = userIds.stream().distinct().sorted().toArray(UUID[]::new);
        Locked<T> locked = lockRows(ids, then, read, parameters);
        List<UUID> unheard = List.of(ids).stream().filter(id -> !locked.held().contains(id)).toList();
        if (unheard.isEmpty()) {
            return locked.read();
        }
        for (UUID id : unheard) {
            sql.first("SELECT 1 FROM pg_advisory_xact_lock(?, ?)", row -> 1, USER_ID_LOCKS, id.hashCode());
        }
        return lockRows(ids, then, read, parameters).read();
    }

    private <T> Locked<T> lockRows(UUID[] ids, String then, Sql.Results<T> read, Object[] parameters) {
        Sql.Among among = new Sql.Among(ids);
        Object[] all = new Object[parameters.length + 1];
        all[0] = among.parameter();
        System.arraycopy(parameters, 0, all, 1, parameters.length);
        return sql.multi("SELECT user_id FROM directory_user WHERE " + among.condition("user_id") + " ORDER BY user_id FOR UPDATE"
                + (then == null ? "" : ";\n" + then),
                executed -> {
                    Set<UUID> held = new HashSet<>(Sql.rows(executed, row -> Sql.uuid(row, 1)));
                    if (then == null) {
                        return new Locked<T>(held, null);
                    }
                    executed.getMoreResults();
                    return new Locked<>(held, read.read(executed));
                },
                all);
    }

    private record Locked<T>(Set<UUID> held, T read) {
    }
}
