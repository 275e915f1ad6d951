package org.licenselifecycle.console.data;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.TemplateExtensions;
import org.licenselifecycle.console.services.LicensingClient;
import org.licenselifecycle.console.services.LicensingClient.LicenseDetail;
import org.licenselifecycle.console.services.LicensingClient.OfficeActivation;
import org.licenselifecycle.console.services.LifecycleClient;

/**
 * The source document's "What happens to a user's data when you remove their license?", shown for each selected user
 * before the admin confirms: which of the user's licenses go (licensing-service) and what that does to their data,
 * as data-lifecycle-service answers from its own rules and grace period ({@code GET /api/v1/users/{id}/dataOutcome}),
 * and whether their Office apps then show "Unlicensed Product", as licensing's Office apps check answers for the
 * licenses about to go ({@code GET /api/v1/users/{id}/officeActivation?ifRemoved=}). The console only puts those
 * answers into words; it states no data or licensing rule of its own.
 */
@ApplicationScoped
public class WhatHappensToData {

    static final String RETENTION = "Items under retention labels are kept for discovery.";
    static final String ONEDRIVE = "OneDrive left in place: removing a license never deletes it.";
    static final String MAILBOX_STAYS = "No Exchange Online in what is removed: the mailbox stays as it is.";
    static final String OFFICE_APPS_UNCHANGED = "Office apps as they are: no license of the user's is removed.";

    private final LicensingClient licensing;
    private final LifecycleClient lifecycle;

    WhatHappensToData(@RestClient LicensingClient licensing, @RestClient LifecycleClient lifecycle) {
        this.licensing = licensing;
        this.lifecycle = lifecycle;
    }

    /**
     * The day a mailbox disconnected now is purged, unless the license returns ("27 December 2026"), as
     * data-lifecycle-service answered for these users.
     */
    public static String purgeDate(List<DataOutcome> outcomes) {
        return outcomes.stream().map(DataOutcome::gracePeriodEnds).filter(java.util.Objects::nonNull).findFirst()
                .map(TemplateExtensions::day).orElse("the end of the grace period");
    }

    /**
     * @param removedSkuIds the products to unassign; null for all of the user's licenses
     */
    public DataOutcome of(String bearer, String userId, String displayName, String userPrincipalName,
            Collection<String> removedSkuIds, Map<String, String> productNames) {
        List<LicenseDetail> held = licensing.licenseDetails(bearer, userId).value();
        Predicate<LicenseDetail> removed = d -> removedSkuIds == null || removedSkuIds.contains(d.skuId());
        List<LicenseDetail> going = held.stream().filter(removed).toList();
        // all of them: lifecycle takes every product that licenses the mailbox, including one licensing has just added
        List<String> asked = removedSkuIds == null ? null : going.stream().map(LicenseDetail::skuId).toList();
        LifecycleClient.DataOutcome answer = asked != null && asked.isEmpty() ? null
                : lifecycle.dataOutcome(bearer, userId, asked);
        OfficeActivation apps = going.isEmpty() ? null
                : licensing.officeActivation(bearer, userId, going.stream().map(LicenseDetail::skuId).toList());
        return inWords(userId, displayName, userPrincipalName, held, going, answer, productNames)
                .withOfficeApps(officeApps(apps, held, productNames));
    }

    /**
     * licensing's answer about the Office apps in the box's words: its own message when they go unlicensed ("Unlicensed
     * Product", reduced functionality), else the products that keep them licensed.
     *
     * @param apps null when none of the user's licenses goes (nothing was asked)
     */
    static String officeApps(OfficeActivation apps, List<LicenseDetail> held, Map<String, String> productNames) {
        if (apps == null) {
            return OFFICE_APPS_UNCHANGED;
        }
        if (!apps.licensed()) {
            return apps.message();
        }
        String through = apps.licensedBy().stream()
                .map(part -> held.stream().filter(d -> d.skuPartNumber().equals(part)).findFirst()
                        .map(d -> productNames.getOrDefault(d.skuId(), part)).orElse(part))
                .collect(Collectors.joining(", "));
        return "Office apps stay licensed through " + through + ".";
    }

    /**
     * Puts data-lifecycle-service's answer into the box's words.
     *
     * @param answer null when none of the user's licenses goes (nothing was asked)
     */
    static DataOutcome inWords(String userId, String displayName, String userPrincipalName, List<LicenseDetail> held,
            List<LicenseDetail> going, LifecycleClient.DataOutcome answer, Map<String, String> productNames) {
        Function<String, String> name = skuId -> productNames.getOrDefault(skuId, held.stream()
                .filter(d -> d.skuId().equals(skuId)).map(LicenseDetail::skuPartNumber).findFirst().orElse(skuId));
        String removedNames = going.isEmpty() ? "nothing (the user holds none of them)"
                : going.stream().map(d -> name.apply(d.skuId())).collect(Collectors.joining(", "));
        if (answer == null) {
            return new DataOutcome(userId, displayName, userPrincipalName, removedNames, MAILBOX_STAYS, RETENTION,
                    ONEDRIVE, false, null);
        }
        String mailbox = switch (answer.mailbox()) {
            case "NO_MAILBOX" -> "No Exchange Online mailbox: nothing to disconnect.";
            case "KEPT_THROUGH_ANOTHER_LICENSE" -> "Keeps Exchange Online through " + name.apply(answer.keptThrough())
                    + ": the mailbox stays as it is.";
            case "HELD" -> "Mailbox under " + holds(answer.holds()) + ": kept and still searchable while the hold lasts, "
                    + "not purged.";
            case "DISCONNECTED" -> "Mailbox disconnected and no longer searchable by eDiscovery; purged on "
                    + TemplateExtensions.day(answer.purgeAfter()) + " unless the license returns.";
            default -> MAILBOX_STAYS;
        };
        String retention = answer.labelledItemsKept() ? RETENTION : "Nothing is kept for discovery.";
        String oneDrive = "UNCHANGED".equals(answer.oneDrive()) ? ONEDRIVE : "OneDrive: " + answer.oneDrive() + ".";
        return new DataOutcome(userId, displayName, userPrincipalName, removedNames, mailbox, retention, oneDrive,
                "DISCONNECTED".equals(answer.mailbox()), answer.gracePeriodEnds());
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
