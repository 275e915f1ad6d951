package org.licenselifecycle.directory.directorysync;

import java.util.List;
import java.util.Optional;
import org.licenselifecycle.directory.groups.GroupChanges;

/**
 * One group entry of a {@link SyncBatch}: an {@code upsert} of the security group on-premises AD holds with this
 * anchor (its whole state: properties, and {@code members} as the anchors of synced users, the full membership), or a
 * {@code delete} of that group (the anchor alone).
 */
public record SyncedGroup(
        String operation,
        String onPremisesImmutableId,
        String displayName,
        String mailNickname,
        String description,
        List<String> members) {

    boolean isUpsert() {
        return SyncedUser.UPSERT.equals(operation);
    }

    /** The group's properties as a change that sets each of them; a description left out is cleared. */
    GroupChanges changes() {
        return new GroupChanges(Optional.ofNullable(displayName), Optional.ofNullable(description),
                Optional.ofNullable(mailNickname));
    }
}
