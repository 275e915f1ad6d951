package org.licenselifecycle.directory.groups;

import java.util.Optional;

/**
 * The properties a PATCH of a group sets: null for a property the body leaves out, empty for one it sets to null.
 */
public record GroupChanges(Optional<String> displayName, Optional<String> description, Optional<String> mailNickname) {
}
