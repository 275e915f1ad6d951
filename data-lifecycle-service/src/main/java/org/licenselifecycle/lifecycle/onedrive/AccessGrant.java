package org.licenselifecycle.lifecycle.onedrive;

/** Why someone was given access to a deleted user's OneDrive. */
public enum AccessGrant {
    /** The user's manager at deletion. */
    MANAGER,
    /** The tenant's named secondary owner, because the user had no manager. */
    SECONDARY_OWNER
}
