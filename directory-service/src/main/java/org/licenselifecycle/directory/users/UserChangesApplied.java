package org.licenselifecycle.directory.users;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Applies validated {@link UserChanges} to a user and tells whether anything actually changed. */
final class UserChangesApplied {

    private UserChangesApplied() {
    }

    static boolean apply(UserChanges changes, User user) {
        boolean changed = false;
        changed |= set(changes.displayName(), () -> user.displayName, v -> user.displayName = v);
        changed |= set(changes.givenName(), () -> user.givenName, v -> user.givenName = v);
        changed |= set(changes.surname(), () -> user.surname, v -> user.surname = v);
        changed |= set(changes.mail(), () -> user.mail, v -> user.mail = v);
        changed |= set(changes.userPrincipalName(), () -> user.userPrincipalName, v -> user.userPrincipalName = v);
        changed |= set(changes.usageLocation(), () -> user.usageLocation, v -> user.usageLocation = v);
        changed |= set(changes.accountEnabled(), () -> user.accountEnabled, v -> user.accountEnabled = v);
        changed |= set(changes.jobTitle(), () -> user.jobTitle, v -> user.jobTitle = v);
        changed |= set(changes.department(), () -> user.department, v -> user.department = v);
        return changed;
    }

    private static <T> boolean set(Optional<T> change, Supplier<T> current, Consumer<T> setter) {
        if (change == null) {
            return false;
        }
        T value = change.orElse(null);
        if (Objects.equals(value, current.get())) {
            return false;
        }
        setter.accept(value);
        return true;
    }
}
