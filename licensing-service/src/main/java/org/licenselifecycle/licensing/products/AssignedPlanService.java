package org.licenselifecycle.licensing.products;

import java.util.List;
import java.util.Map;

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

    public static String of(ServicePlan plan) {
        return BY_NAME_PREFIX.stream()
                .filter(entry -> plan.servicePlanName().startsWith(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(plan.servicePlanName());
    }
}
