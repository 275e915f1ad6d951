package org.licenselifecycle.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How a consumer folds one user's {@code directory.user-events} into what it keeps of that user, whatever
 * order they arrive in. Events of one user are published in order, but a delayed retry or a replayed dead
 * letter may bring an older one after a newer one; events of different users come in any order.
 *
 * <p>Each event says what the user was at its time ({@code ce_time}): UserCreated, UserUpdated and
 * UserRestored an active user, UserDeleted a user deleted since its {@code deletedAt}. (UserPurged ends the
 * user; what it leaves is each consumer's business.) A consumer keeps the time of the latest event it applied
 * and asks {@link #change} what a newly arrived one does: nothing when it is older (it would undo something
 * newer), otherwise it moves the user to what the event says. Events of one user with the same time are
 * applied in the order they arrive.
 *
 * <p>A user is never deleted twice without a restore in between, nor updated while deleted: an event saying
 * "active" about a user known as deleted, or "deleted since another date", means that the UserRestored in
 * between is still on its way (or lost), and the consumer restores the user now.
 */
public final class UserLifecycle {

    private UserLifecycle() {
    }

    /**
     * What a consumer knew of the user before an event.
     *
     * @param changedAt the time of the latest event applied; null when nothing was heard of the user yet
     * @param deletedAt when the user was deleted, null while active (or never heard of)
     */
    public record Known(Instant changedAt, Instant deletedAt) {

        /** A user the consumer never heard of. */
        public static final Known NOTHING = new Known(null, null);
    }

    /**
     * What an event does to the user.
     *
     * @param stale the event is older than what the consumer applied: it changes nothing
     * @param restores the user, known as deleted, is active again (before {@code deletes} when both hold)
     * @param deletes the user is deleted (again)
     */
    public record Change(boolean stale, boolean restores, boolean deletes) {

        static final Change STALE = new Change(true, false, false);
    }

    /**
     * A time as consumers keep and compare it: to the microsecond, as PostgreSQL stores it. A consumer that
     * stores an event's time stores this, so that the same deletion heard twice compares equal.
     */
    public static Instant kept(Instant time) {
        return time == null ? null : time.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * @param time the event's time ({@code ce_time})
     * @param deletedAt the deletion the event states (UserDeleted's {@code deletedAt}); null for an event that
     *        says the user is active
     */
    public static Change change(Known known, Instant time, Instant deletedAt) {
        Objects.requireNonNull(time, "time");
        if (known.changedAt() != null && kept(time).isBefore(kept(known.changedAt()))) {
            return Change.STALE;
        }
        boolean sameDeletion = known.deletedAt() != null && kept(known.deletedAt()).equals(kept(deletedAt));
        return new Change(false, known.deletedAt() != null && !sameDeletion, deletedAt != null && !sameDeletion);
    }
}
