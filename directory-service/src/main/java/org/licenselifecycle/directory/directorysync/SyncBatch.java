package org.licenselifecycle.directory.directorysync;

import java.util.List;

/**
 * What the sync agent sends in one call: the users and the security groups on-premises AD added, changed or removed
 * since its last run, each keyed by its anchor. Either list may be left out; the batch's size counts both.
 */
public record SyncBatch(List<SyncedUser> users, List<SyncedGroup> groups) {

    List<SyncedUser> usersOrNone() {
        return users == null ? List.of() : users;
    }

    List<SyncedGroup> groupsOrNone() {
        return groups == null ? List.of() : groups;
    }
}
