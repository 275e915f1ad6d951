package org.licenselifecycle.directory.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.licenselifecycle.events.DirectoryAuditRecorded.ModifiedProperty;
import org.licenselifecycle.support.audit.AuditTargets;

/**
 * Applies validated {@link UserChanges} to a user and tells what actually changed, as the audit log's modified
 * properties (Entra's names: DisplayName, AccountEnabled...; none when nothing changed).
 */
final class UserChangesApplied {

    private UserChangesApplied() {
    }

    static List<ModifiedProperty> apply(UserChanges changes, User user) {
        List<ModifiedProperty> changed = new ArrayList<>();
        set(changed, "DisplayName", changes.displayName(), () -> user.displayName, v -> user.displayName = v);
        set(changed, "GivenName", changes.givenName(), () -> user.givenName, v -> user.givenName = v);
        set(changed, "Surname", changes.surname(), () -> user.surname, v -> user.surname = v);
        set(changed, "Mail", changes.mail(), () -> user.mail, v -> user.mail = v);
        set(changed, "UserPrincipalName", changes.userPrincipalName(), () -> user.userPrincipalName,
                v -> user.userPrincipalName = v);
        set(changed, "UsageLocation", changes.usageLocation(), () -> user.usageLocation, v -> user.usageLocation = v);
        set(changed, "AccountEnabled", changes.accountEnabled(), () -> user.accountEnabled, v -> user.accountEnabled = v);
        set(changed, "JobTitle", changes.jobTitle(), () -> user.jobTitle, v -> user.jobTitle = v);
        set(changed, "Department", changes.department(), () -> user.department, v -> user.department = v);
        return changed;
    }

    private static <T> void set(List<ModifiedProperty> changed, String name, Optional<T> change, Supplier<T> current,
            Consumer<T> setter) {
        if (change == null) {
            return;
        }
        T value = change.orElse(null);
        T before = current.get();
        if (Objects.equals(value, before)) {
            return;
        }
        setter.accept(value);
        changed.add(AuditTargets.changed(name, before, value));
    }
}
