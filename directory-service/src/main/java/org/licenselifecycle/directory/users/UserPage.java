package org.licenselifecycle.directory.users;

import java.util.List;
import java.util.Optional;

/**
 * One page of a tenant's users (active or deleted).
 *
 * @param continueAfter the last user of this page when more users follow: the next page starts after it
 */
public record UserPage(List<User> users, Optional<User> continueAfter) {

    /** The page of {@code size} from {@code rows}, read with one row more than the page to know whether more follow. */
    public static UserPage of(List<User> rows, int size) {
        if (rows.size() <= size) {
            return new UserPage(List.copyOf(rows), Optional.empty());
        }
        List<User> page = rows.subList(0, size);
        return new UserPage(List.copyOf(page), Optional.of(page.get(size - 1)));
    }
}
