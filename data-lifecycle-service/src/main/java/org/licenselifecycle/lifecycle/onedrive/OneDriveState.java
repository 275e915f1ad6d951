package org.licenselifecycle.lifecycle.onedrive;

/** Where a OneDrive stands in its lifecycle. */
public enum OneDriveState {
    /** In use. A license removal leaves it so: files are deleted only when the user is. */
    ACTIVE,
    /** The user was deleted: kept for the tenant's OneDrive retention, open to the manager or secondary owner. */
    RETAINED,
    /** The retention is over: the files were deleted. */
    DELETED
}
