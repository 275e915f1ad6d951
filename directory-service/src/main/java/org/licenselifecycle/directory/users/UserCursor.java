package org.licenselifecycle.directory.users;

import java.util.UUID;

/**
 * Where a page of users ends, so that the next one starts after it whatever was created or deleted meanwhile.
 *
 * @param name the display name or userPrincipalName of the last user when the list is ordered by it; null
 *     when ordered by id
 */
public record UserCursor(UUID id, String name) {
}
