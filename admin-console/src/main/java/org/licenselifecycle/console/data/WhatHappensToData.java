package org.licenselifecycle.console.data;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.ConsoleConfig;
import org.licenselifecycle.console.TemplateExtensions;
import org.licenselifecycle.console.services.LicensingClient;
import org.licenselifecycle.console.services.LicensingClient.LicenseDetail;
import org.licenselifecycle.console.services.LifecycleClient;
import org.licenselifecycle.console.services.ServiceError;

/**
 * The source document's "What happens to a user's data when you remove their license?", worked out for
 * each selected user before the admin confirms: from the user's licenses (does the removal take their last
 * Exchange Online plan?) and their mailbox (is it under a hold?). The purge date is today plus the grace
 * period data-lifecycle-service is configured with.
 */
@ApplicationScoped
public class WhatHappensToData {

    /** The service plans that give a mailbox (Exchange Online Plan 1, Plan 2, Kiosk). */
    private static final Set<String> EXCHANGE_ONLINE = Set.of("EXCHANGE_S_STANDARD", "EXCHANGE_S_ENTERPRISE",
            "EXCHANGE_S_DESKLESS");

    private final LicensingClient licensing;
    private final LifecycleClient lifecycle;
    private final ConsoleConfig config;
    private final Clock clock;

    WhatHappensToData(@RestClient LicensingClient licensing, @RestClient LifecycleClient lifecycle, ConsoleConfig config,
            Clock clock) {
        this.licensing = licensing;
        this.lifecycle = lifecycle;
        this.config = config;
        this.clock = clock;
    }

    /** The day a mailbox disconnected now is purged, unless the license returns: "27 December 2026". */
    public String purgeDate() {
        return TemplateExtensions.day(clock.instant().plus(config.gracePeriod()));
    }

    /**
     * @param removedSkuIds the products to unassign; null for all of the user's licenses
     */
    public DataOutcome of(String bearer, String userId, String displayName, String userPrincipalName,
            Collection<String> removedSkuIds, Map<String, String> productNames) {
        List<LicenseDetail> held = licensing.licenseDetails(bearer, userId).value();
        Predicate<LicenseDetail> removed = d -> removedSkuIds == null || removedSkuIds.contains(d.skuId());
        Function<LicenseDetail, String> name = d -> productNames.getOrDefault(d.skuId(), d.skuPartNumber());
        List<LicenseDetail> going = held.stream().filter(removed).toList();
        List<LicenseDetail> staying = held.stream().filter(removed.negate()).toList();
        String removedNames = going.isEmpty() ? "nothing (the user holds none of them)"
                : going.stream().map(name).collect(Collectors.joining(", "));
        String oneDrive = "OneDrive left in place: removing a license never deletes it.";
        String retention = "Items under retention labels are kept for discovery.";
        if (going.stream().noneMatch(WhatHappensToData::givesMailbox)) {
            return new DataOutcome(userId, displayName, userPrincipalName, removedNames,
                    "No Exchange Online in what is removed: the mailbox stays as it is.", retention, oneDrive, false);
        }
        List<LicenseDetail> keepsMailbox = staying.stream().filter(WhatHappensToData::givesMailbox).toList();
        if (!keepsMailbox.isEmpty()) {
            return new DataOutcome(userId, displayName, userPrincipalName, removedNames,
                    "Keeps Exchange Online through " + name.apply(keepsMailbox.get(0)) + ": the mailbox stays as it is.",
                    retention, oneDrive, false);
        }
        LifecycleClient.Mailbox mailbox = ServiceError.nullWhenNotFound(() -> lifecycle.mailbox(bearer, userId));
        if (mailbox != null && mailbox.holds() != null && !mailbox.holds().isEmpty()) {
            return new DataOutcome(userId, displayName, userPrincipalName, removedNames,
                    "Mailbox under " + holds(mailbox.holds()) + ": kept and still searchable while the hold lasts, "
                            + "not purged.", retention, oneDrive, false);
        }
        return new DataOutcome(userId, displayName, userPrincipalName, removedNames,
                "Mailbox disconnected and no longer searchable by eDiscovery; purged on " + purgeDate()
                        + " unless the license returns.", retention, oneDrive, true);
    }

    private static boolean givesMailbox(LicenseDetail license) {
        return license.servicePlans() != null && license.servicePlans().stream()
                .anyMatch(plan -> EXCHANGE_ONLINE.contains(plan.servicePlanName())
                        && !"Disabled".equalsIgnoreCase(plan.provisioningStatus()));
    }

    private static String holds(List<String> holds) {
        return holds.stream().map(h -> switch (h) {
            case "LITIGATION_HOLD" -> "Litigation Hold";
            case "EDISCOVERY_HOLD" -> "an eDiscovery hold";
            case "RETENTION_POLICY" -> "a retention policy";
            default -> h;
        }).collect(Collectors.joining(" and "));
    }
}
