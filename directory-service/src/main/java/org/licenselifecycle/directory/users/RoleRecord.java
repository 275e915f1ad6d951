package org.licenselifecycle.directory.users;

import java.util.List;
import java.util.UUID;

/**
 * The directory's own record of the admin roles a user holds (Graph's roleAssignments), as
 * {@link PrivilegedTargets} reads it. The record is kept by the {@code roles} package, which implements
 * this, so that users need not depend on roles (roles already depends on users).
 */
public interface RoleRecord {

    /**
     * The role template ids ({@code roleDefinitionId}) assigned to the user, whether the user is active or
     * deleted: a deleted user keeps their assignments until the purge, and gets them back on a restore.
     */
    List<UUID> roleTemplateIdsOf(User user);
}
