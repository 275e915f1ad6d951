package org.licenselifecycle.licensing.products;

import java.util.Set;

/**
 * What a service plan gives the user, as far as the lifecycle of their data is concerned: an Exchange
 * Online plan means a mailbox, a SharePoint/OneDrive plan a OneDrive, Microsoft 365 Apps the Office apps.
 * Microsoft's catalog says none of this, so it is decided here, once, from the plan's name when the catalog
 * is loaded ({@link ProductCatalogFile}).
 */
public enum Workload {
    EXCHANGE_ONLINE,
    SHAREPOINT_ONEDRIVE,
    MICROSOFT_365_APPS,
    TEAMS,
    OTHER;

    /**
     * The plans that carry an Exchange Online mailbox: Plan 1, Plan 2, Kiosk, Essentials, the small-business
     * and midsize plans and the Government ones. Exchange Foundation, Archiving, Multi-Geo and analytics
     * plans ride on a mailbox but give none.
     */
    private static final Set<String> EXCHANGE_MAILBOX = Set.of("EXCHANGE_S_STANDARD", "EXCHANGE_S_ENTERPRISE",
            "EXCHANGE_S_DESKLESS", "EXCHANGE_S_ESSENTIALS", "EXCHANGE_B_STANDARD", "EXCHANGE_L_STANDARD",
            "EXCHANGE_S_STANDARD_MIDMARKET", "EXCHANGE_S_STANDARD_GOV", "EXCHANGE_S_ENTERPRISE_GOV",
            "EXCHANGE_S_DESKLESS_GOV");

    /** Exchange Online Kiosk, the frontline workers' mailbox plan (commercial and Government). */
    private static final Set<String> EXCHANGE_KIOSK = Set.of("EXCHANGE_S_DESKLESS", "EXCHANGE_S_DESKLESS_GOV");

    /** Exchange Online Plan 2, the Enterprise plan (commercial and Government). */
    private static final Set<String> EXCHANGE_ENTERPRISE = Set.of("EXCHANGE_S_ENTERPRISE", "EXCHANGE_S_ENTERPRISE_GOV");

    /** SharePoint plans that give a user a OneDrive (not Office for the Web, Project Online, storage or Multi-Geo). */
    private static final Set<String> SHAREPOINT = Set.of("SHAREPOINTSTANDARD", "SHAREPOINTSTANDARD_EDU",
            "SHAREPOINTENTERPRISE", "SHAREPOINTENTERPRISE_EDU", "SHAREPOINTENTERPRISE_GOV", "SHAREPOINTENTERPRISE_MIDMARKET",
            "SHAREPOINTDESKLESS", "SHAREPOINTDESKLESS_GOV", "SHAREPOINTLITE", "SHAREPOINT_S_DEVELOPER");

    /** The desktop Office apps licensed per user (not per device, nor unattended). */
    private static final Set<String> OFFICE_APPS = Set.of("OFFICESUBSCRIPTION", "OFFICESUBSCRIPTION_GOV", "OFFICE_BUSINESS",
            "OFFICE_PRO_PLUS_SUBSCRIPTION_SMBIZ");

    private static final Set<String> TEAMS_PLANS = Set.of("TEAMS1", "TEAMS_GOV", "TEAMS_AR_DOD", "TEAMS_AR_GCCHIGH",
            "TEAMS_DESKLESS", "TEAMS_FREE", "TeamsEss");

    public static Workload of(String servicePlanName) {
        if (EXCHANGE_MAILBOX.contains(servicePlanName)) {
            return EXCHANGE_ONLINE;
        }
        if (SHAREPOINT.contains(servicePlanName)
                || (servicePlanName.startsWith("ONEDRIVE") && !servicePlanName.equals("ONEDRIVECLIPCHAMP"))) {
            return SHAREPOINT_ONEDRIVE;
        }
        if (OFFICE_APPS.contains(servicePlanName)) {
            return MICROSOFT_365_APPS;
        }
        return TEAMS_PLANS.contains(servicePlanName) ? TEAMS : OTHER;
    }

    /**
     * Whether the plan is Exchange Online Kiosk, which Entra ID does not assign beside another mailbox plan (Plan 1
     * or Plan 2: MutuallyExclusiveViolation); Plan 1 and Plan 2 may be held together.
     */
    public static boolean isExchangeKiosk(String servicePlanName) {
        return EXCHANGE_KIOSK.contains(servicePlanName);
    }

    /** Whether the plan is Exchange Online Plan 2, whose mailboxes can become inactive mailboxes under a hold. */
    public static boolean isExchangeEnterprise(String servicePlanName) {
        return EXCHANGE_ENTERPRISE.contains(servicePlanName);
    }
}
