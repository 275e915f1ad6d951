package org.licenselifecycle.licensing.users;

import java.time.Instant;

/**
 * What else happens, in the same transaction, when the read model learns that a user was deleted, restored or
 * purged: licensing frees and gives back their licenses ({@code licenses.UserDeletionService}). Declared here so
 * that the users read model does not depend on the licenses that follow it.
 */
public interface UserDeletionEffects {

    /** The user (locked by the caller) was deleted at {@code deletedAt}. */
    void userDeleted(DirectoryUser user, Instant deletedAt);

    /** The user (locked by the caller) was restored. */
    void userRestored(DirectoryUser user);

    /** The user (locked by the caller) was purged at {@code purgedAt}. */
    void userPurged(DirectoryUser user, Instant purgedAt);
}
