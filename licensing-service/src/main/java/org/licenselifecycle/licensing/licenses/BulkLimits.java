package org.licenselifecycle.licensing.licenses;

/**
 * How many users one bulk change takes, as licensing enforces it, for the console to refuse more before it asks:
 * the Licenses page's assign and unassign ({@link LicensesPageService#MAX_USERS_PER_UNASSIGN}) and Active users' unassignAll
 * ({@link ActiveUsersService#MAX_USERS_PER_UNASSIGN_ALL}).
 */
public record BulkLimits(int licensesPage, int activeUsers) {

    static final BulkLimits ENFORCED = new BulkLimits(LicensesPageService.MAX_USERS_PER_UNASSIGN,
            ActiveUsersService.MAX_USERS_PER_UNASSIGN_ALL);
}
