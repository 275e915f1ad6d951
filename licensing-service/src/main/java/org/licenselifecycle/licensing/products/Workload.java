package org.licenselifecycle.licensing.products;

/**
 * What a service plan gives the user, as far as the lifecycle of their data is concerned: an Exchange
 * Online plan means a mailbox, a SharePoint/OneDrive plan a OneDrive, Microsoft 365 Apps the Office apps.
 */
public enum Workload {
    EXCHANGE_ONLINE,
    SHAREPOINT_ONEDRIVE,
    MICROSOFT_365_APPS,
    TEAMS,
    OTHER
}
