package org.licenselifecycle.lifecycle.onedrive;

/** Where a OneDrive stands in its lifecycle. */
public enum OneDriveState {
    /** In use. A license removal leaves it so: files are deleted only when the user is. */
    ACTIVE
}
