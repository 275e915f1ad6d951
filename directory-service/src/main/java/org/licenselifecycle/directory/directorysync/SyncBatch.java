package org.licenselifecycle.directory.directorysync;

import java.util.List;

/**
 * What the sync agent sends in one call: the users on-premises AD added, changed or removed since its last run,
 * each keyed by its anchor. Groups' memberships would come as a {@code groups} list beside {@code users}, keyed by
 * the group's anchor (not built yet).
 */
public record SyncBatch(List<SyncedUser> users) {
}
