package org.licenselifecycle.directory.groups;

import java.util.Optional;

/**
 * What {@code GET /groups}' {@code $filter} selects, every condition present holding: the display name (any case),
 * its start (any case), the mailNickname (any case).
 */
public record GroupFilter(Optional<String> displayName, Optional<String> displayNamePrefix,
        Optional<String> mailNickname) {

    public static final GroupFilter NONE = new GroupFilter(Optional.empty(), Optional.empty(), Optional.empty());
}
