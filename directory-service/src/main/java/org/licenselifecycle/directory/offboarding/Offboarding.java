package org.licenselifecycle.directory.offboarding;

/**
 * What an admin asks when removing a former employee: block their sign-in, unassign their licenses,
 * delete the account. Any field may be missing (null) until checked.
 */
public record Offboarding(Boolean blockSignIn, Boolean unassignLicenses, Boolean deleteUser) {
}
