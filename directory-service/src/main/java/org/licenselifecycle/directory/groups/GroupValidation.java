package org.licenselifecycle.directory.groups;

import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.directory.users.UserValidation;

/**
 * Entra ID's rules for a new security group and for changes to one, with Graph's messages. Nothing is stored before
 * every rule has passed.
 */
public final class GroupValidation {

    private static final int MAX_DISPLAY_NAME_LENGTH = 256;
    private static final int MAX_DESCRIPTION_LENGTH = 1024;

    private GroupValidation() {
    }

    static void validate(NewGroup group) {
        if (group == null) {
            throw GraphException.badRequest("The request body is empty; a group to create is required.");
        }
        if (group.onPremisesSyncEnabled() != null) {
            throw UserValidation.readOnly(UserValidation.ON_PREMISES_SYNC_ENABLED);
        }
        displayName(required(group.displayName(), "displayName"));
        mailNickname(required(group.mailNickname(), "mailNickname"));
        if (group.mailEnabled() == null) {
            throw missing("mailEnabled");
        }
        if (group.securityEnabled() == null) {
            throw missing("securityEnabled");
        }
        // Microsoft 365 groups (groupTypes Unified), mail-enabled security groups and distribution lists are
        // Exchange's: only security groups are created here
        if (group.mailEnabled() || !group.securityEnabled()
                || (group.groupTypes() != null && !group.groupTypes().isEmpty())) {
            throw GraphException.badRequest("Only security groups (mailEnabled false, securityEnabled true, no"
                    + " groupTypes) can be created here.");
        }
        description(group.description());
    }

    /** Checks the values a change of a group sets (a PATCH, or the directory synchronization's entry). */
    public static void validate(GroupChanges changes) {
        if (changes.displayName() != null) {
            displayName(changes.displayName().orElseThrow(() -> invalid("displayName")));
        }
        if (changes.mailNickname() != null) {
            mailNickname(changes.mailNickname().orElseThrow(() -> invalid("mailNickname")));
        }
        if (changes.description() != null) {
            description(changes.description().orElse(null));
        }
    }

    private static void displayName(String value) {
        if (value.isBlank() || value.length() > MAX_DISPLAY_NAME_LENGTH) {
            throw invalid("displayName");
        }
    }

    private static void mailNickname(String value) {
        if (!UserValidation.isMailNickname(value)) {
            throw invalid("mailNickname");
        }
    }

    private static void description(String value) {
        if (value != null && value.length() > MAX_DESCRIPTION_LENGTH) {
            throw invalid("description");
        }
    }

    private static String required(String value, String property) {
        if (value == null) {
            throw missing(property);
        }
        if (value.isEmpty()) {
            throw invalid(property);
        }
        return value;
    }

    private static GraphException missing(String property) {
        return GraphException.badRequest("A value is required for property '" + property + "' of resource 'Group'.");
    }

    static GraphException invalid(String property) {
        return GraphException.badRequest("Invalid value specified for property '" + property + "' of resource 'Group'.");
    }
}
