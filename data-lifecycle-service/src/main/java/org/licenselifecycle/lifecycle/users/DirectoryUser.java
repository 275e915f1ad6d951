package org.licenselifecycle.lifecycle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.events.UserLifecycle;

/**
 * A user as directory-service's events last said: deleted or not, and when that was said, so that an older
 * event arriving late changes nothing ({@link UserLifecycle}). Kept also because licensing's and directory's
 * events travel on different topics: a mailbox or OneDrive provisioned after the deletion was heard of must
 * still follow it.
 */
@Entity
@Table(name = "directory_user")
public class DirectoryUser extends PanacheEntityBase {

    @Id
    public UUID userId;
    public UUID tenantId;
    /** When the user was deleted; null while active. */
    public Instant deletedAt;
    /** The manager named by the deletion (who gets the OneDrive), null when none or active. */
    public UUID managerId;
    public UUID deletedBy;
    /** The time ({@code ce_time}) of the latest event applied. */
    public Instant changedAt;

    /** The user, when deleted and not restored. */
    public static Optional<DirectoryUser> deleted(UUID userId) {
        return DirectoryUser.<DirectoryUser>findByIdOptional(userId).filter(user -> user.deletedAt != null);
    }

    /** The user, locked until the transaction ends, so that one user's events apply one after the other. */
    public static Optional<DirectoryUser> locked(UUID userId) {
        return DirectoryUser.<DirectoryUser>findByIdOptional(userId, LockModeType.PESSIMISTIC_WRITE);
    }

    public UserLifecycle.Known known() {
        return new UserLifecycle.Known(changedAt, deletedAt);
    }
}
