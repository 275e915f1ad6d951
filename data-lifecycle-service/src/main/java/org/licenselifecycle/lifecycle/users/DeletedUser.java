package org.licenselifecycle.lifecycle.users;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A user deleted in the directory and not restored. Kept because licensing's and directory's events travel
 * on different topics: a mailbox or OneDrive provisioned after the deletion was heard of must still follow it.
 */
@Entity
public class DeletedUser extends PanacheEntityBase {

    @Id
    public UUID userId;
    public UUID tenantId;
    public Instant deletedAt;
    public UUID managerId;
    public UUID deletedBy;

    public static Optional<DeletedUser> of(UUID userId) {
        return findByIdOptional(userId);
    }
}
