package org.licenselifecycle.contract.audit;

/**
 * The activities this system records in a tenant's audit log, with the names, categories and operation types
 * Microsoft Entra ID's audit log gives them ("Microsoft Entra audit log categories and activities", Core
 * Directory), so that a script filtering Graph's {@code directoryAudits} by {@code activityDisplayName} finds them
 * under the same words. The services record them (service-support's {@code AuditLog}); the console's Audit log page
 * offers them as its activity filter.
 */
public enum Activity {
    /** Licenses assigned, removed, or their plans turned on or off: one entry per user per change. */
    CHANGE_USER_LICENSE("Change user license", Category.USER_MANAGEMENT, "Update"),
    ADD_USER("Add user", Category.USER_MANAGEMENT, "Add"),
    UPDATE_USER("Update user", Category.USER_MANAGEMENT, "Update"),
    DELETE_USER("Delete user", Category.USER_MANAGEMENT, "Delete"),
    RESTORE_USER("Restore user", Category.USER_MANAGEMENT, "Update"),
    HARD_DELETE_USER("Hard Delete user", Category.USER_MANAGEMENT, "Delete"),
    SET_USER_MANAGER("Set user manager", Category.USER_MANAGEMENT, "Assign"),
    REMOVE_USER_MANAGER("Remove user manager", Category.USER_MANAGEMENT, "Unassign"),
    /** A security group created, by an admin or by the directory synchronization. */
    ADD_GROUP("Add group", Category.GROUP_MANAGEMENT, "Add"),
    /** Its displayName, description or mailNickname changed. */
    UPDATE_GROUP("Update group", Category.GROUP_MANAGEMENT, "Update"),
    DELETE_GROUP("Delete group", Category.GROUP_MANAGEMENT, "Delete"),
    /** One entry per member: the user and the group are its targets. */
    ADD_MEMBER_TO_GROUP("Add member to group", Category.GROUP_MANAGEMENT, "Assign"),
    REMOVE_MEMBER_FROM_GROUP("Remove member from group", Category.GROUP_MANAGEMENT, "Unassign"),
    /** A subscription bought (for the tenant, or self-service by a user). */
    ADD_SUBSCRIPTION("Add subscription", Category.DIRECTORY_MANAGEMENT, "Add"),
    /** Seats reduced, recurring billing turned off or on, taken over, or its state changed (expired, disabled...). */
    UPDATE_SUBSCRIPTION("Update subscription", Category.DIRECTORY_MANAGEMENT, "Update"),
    /** Cancelled inside the cancellation window. */
    CANCEL_SUBSCRIPTION("Cancel subscription", Category.DIRECTORY_MANAGEMENT, "Delete");

    /** Entra's audit categories used here. */
    public static final class Category {
        public static final String USER_MANAGEMENT = "UserManagement";
        public static final String GROUP_MANAGEMENT = "GroupManagement";
        public static final String DIRECTORY_MANAGEMENT = "DirectoryManagement";

        private Category() {
        }
    }

    /** Where Entra says the entries come from: the directory itself. */
    public static final String LOGGED_BY_SERVICE = "Core Directory";

    private final String displayName;
    private final String category;
    private final String operationType;

    Activity(String displayName, String category, String operationType) {
        this.displayName = displayName;
        this.category = category;
        this.operationType = operationType;
    }

    /** Graph's {@code activityDisplayName}. */
    public String displayName() {
        return displayName;
    }

    public String category() {
        return category;
    }

    public String operationType() {
        return operationType;
    }

    /** Every activity's display name, in this order (the console's filter). */
    public static java.util.List<String> displayNames() {
        return java.util.Arrays.stream(values()).map(Activity::displayName).toList();
    }
}
