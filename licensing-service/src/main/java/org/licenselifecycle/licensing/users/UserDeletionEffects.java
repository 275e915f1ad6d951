package org.licenselifecycle.licensing.users;

import java.time.Instant;
import java.util.UUID;

/**
 * What else happens, in the same transaction, when the read model learns that a user was deleted, restored or
 * purged: licensing frees and gives back their licenses ({@code licenses.UserDeletionService}). Declared here so
 * that the users read model does not depend on the licenses that follow it.
 */
public interface UserDeletionEffects {

    /**
     * Locks, before the caller locks the user, the rows these effects may change that other changes lock before users:
     * the self-service purchases the user holds or held (a purchase's deletion locks it, then its holders).
     */
    void lockBeforeUser(UUID userId);

    /** The user (locked by the caller) was deleted at {@code deletedAt}. */
    void userDeleted(DirectoryUser user, Instant deletedAt);

    /** The user (locked by the caller) was restored. */
    void userRestored(DirectoryUser user);

    /** The user (locked by the caller) was purged at {@code purgedAt}. */
    void userPurged(DirectoryUser user, Instant purgedAt);
}
