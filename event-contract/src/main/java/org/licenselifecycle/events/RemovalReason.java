package org.licenselifecycle.events;

/** Why a license left a user. */
public enum RemovalReason {
    /** An admin unassigned it (Licenses page, Active users, Graph assignLicense). */
    UNASSIGNED,
    /** The user was deleted, which frees every license at once. */
    USER_DELETED
}
