package org.licenselifecycle.support.security;

/** Security role names for {@code @RolesAllowed}; see {@link DirectoryRole} for their template ids. */
public final class Roles {
    public static final String GLOBAL_ADMINISTRATOR = "GlobalAdministrator";
    public static final String LICENSE_ADMINISTRATOR = "LicenseAdministrator";
    public static final String USER_ADMINISTRATOR = "UserAdministrator";
    public static final String GLOBAL_READER = "GlobalReader";
    public static final String BILLING_ADMINISTRATOR = "BillingAdministrator";
    public static final String HELPDESK_ADMINISTRATOR = "HelpdeskAdministrator";

    private Roles() {
    }
}
