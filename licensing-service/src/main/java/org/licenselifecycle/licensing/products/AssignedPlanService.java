package org.licenselifecycle.licensing.products;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service a plan belongs to as Entra ID names it in a user's {@code assignedPlans} ({@code exchange},
 * {@code SharePoint}, {@code MicrosoftOffice}...), which Microsoft's catalog of plans does not give: known by the
 * plan's name, and the plan's own name for a plan not listed here.
 */
public final class AssignedPlanService {

    /** Name prefixes, the most specific first, as Entra ID reports them on users holding those plans. */
    private static final List<Map.Entry<String, String>> BY_NAME_PREFIX = List.of(
            Map.entry("EXCHANGE", "exchange"),
            Map.entry("ATP_ENTERPRISE", "exchange"),
            Map.entry("THREAT_INTELLIGENCE", "exchange"),
            Map.entry("EOP_ENTERPRISE", "exchange"),
            Map.entry("SHAREPOINT", "SharePoint"),
            Map.entry("ONEDRIVE", "SharePoint"),
            Map.entry("OFFICESUBSCRIPTION", "MicrosoftOffice"),
            Map.entry("OFFICE_BUSINESS", "MicrosoftOffice"),
            Map.entry("TEAMS", "TeamspaceAPI"),
            Map.entry("MCO", "MicrosoftCommunicationsOnline"),
            Map.entry("PROJECTWORKMANAGEMENT", "ProjectWorkManagement"),
            Map.entry("SWAY", "Sway"),
            Map.entry("YAMMER", "YammerEnterprise"),
            Map.entry("STREAM", "MicrosoftStream"),
            Map.entry("FORMS_PLAN", "OfficeForms"),
            Map.entry("RMS_S_", "RMSOnline"),
            Map.entry("INTUNE", "SCO"),
            Map.entry("AAD_PREMIUM", "AADPremiumService"),
            Map.entry("MFA_PREMIUM", "MultiFactorService"),
            Map.entry("MDE_", "WindowsDefenderATP"),
            Map.entry("WINDEFATP", "WindowsDefenderATP"),
            Map.entry("WIN", "Windows"));

    private AssignedPlanService() {
    }

    /** Each plan name's service, found once: every LicenseAssigned and LicenseRemoved names its product's plans. */
    private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

    public static String of(ServicePlan plan) {
        return KNOWN.computeIfAbsent(plan.servicePlanName(), name -> BY_NAME_PREFIX.stream()
                .filter(entry -> name.startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(name));
    }
}
