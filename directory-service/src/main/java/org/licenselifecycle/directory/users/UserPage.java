package org.licenselifecycle.directory.users;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One page of a tenant's users.
 *
 * @param continueAfter the last id of this page when more users follow: the next page starts after it
 */
public record UserPage(List<User> users, Optional<UUID> continueAfter) {
}
