package org.licenselifecycle.directory.users;

import java.util.function.Function;

/**
 * The order of a list of users: by id (Graph's order when none is asked), or by display name or
 * userPrincipalName ({@code $orderby}), ignoring case, with the id between equal names.
 */
public enum UserOrder {
    ID(null, false),
    DISPLAY_NAME(user -> user.displayName, false),
    DISPLAY_NAME_DESCENDING(user -> user.displayName, true),
    USER_PRINCIPAL_NAME(user -> user.userPrincipalName, false),
    USER_PRINCIPAL_NAME_DESCENDING(user -> user.userPrincipalName, true);

    private final Function<User, String> key;
    private final boolean descending;

    UserOrder(Function<User, String> key, boolean descending) {
        this.key = key;
        this.descending = descending;
    }

    public boolean descending() {
        return descending;
    }

    /** Where the next page starts after {@code user}: its id, and its name when the order is by a name. */
    public UserCursor after(User user) {
        return new UserCursor(user.id, key == null ? null : key.apply(user));
    }
}
