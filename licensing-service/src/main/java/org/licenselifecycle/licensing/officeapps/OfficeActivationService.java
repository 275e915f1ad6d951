package org.licenselifecycle.licensing.officeapps;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.licensing.licenses.HeldLicense;
import org.licenselifecycle.licensing.licenses.LicenseAssignmentService;
import org.licenselifecycle.licensing.licenses.UserLicenses;
import org.licenselifecycle.licensing.products.ServicePlan;
import org.licenselifecycle.licensing.products.Workload;
import org.licenselifecycle.licensing.subscriptions.SubscriptionService;

/**
 * Answers the Office apps' activation check: licensed when a held license has a Microsoft 365 Apps plan
 * (OFFICESUBSCRIPTION, OFFICE_BUSINESS) enabled. "If you remove a user's license and they still have
 * Microsoft 365 apps installed, they see Unlicensed Product and activation errors." The same rule answers the
 * Unassign box's question before the licenses go ({@link #check(UUID, String, Set)}).
 */
@ApplicationScoped
public class OfficeActivationService {

    public static final String LICENSED = "Licensed";
    public static final String UNLICENSED_PRODUCT = "Unlicensed Product";

    private final LicenseAssignmentService licenses;
    private final SubscriptionService subscriptions;

    OfficeActivationService(LicenseAssignmentService licenses, SubscriptionService subscriptions) {
        this.licenses = licenses;
        this.subscriptions = subscriptions;
    }

    public OfficeActivation check(UUID tenantId, String user) {
        return check(tenantId, user, Set.of());
    }

    /**
     * Whether the apps would still activate once the products {@code removed} are unassigned from the user (none: as
     * things are now).
     */
    public OfficeActivation check(UUID tenantId, String user, Set<UUID> removed) {
        UserLicenses held = licenses.licensesOf(tenantId, user);
        List<HeldLicense> withApps = held.licenses().stream()
                .filter(l -> !removed.contains(l.product().skuId()))
                .filter(l -> l.enabledPlans().stream().anyMatch(p -> p.workload() == Workload.MICROSOFT_365_APPS))
                .toList();
        // a Disabled subscription's license is still held, but "apps ... display Unlicensed Product notifications"
        Set<UUID> withoutAccess = withApps.isEmpty() ? Set.of() : subscriptions.productsWithoutAccess(tenantId);
        List<HeldLicense> granting = withApps.stream().filter(l -> !withoutAccess.contains(l.product().skuId())).toList();
        if (granting.isEmpty() && !withApps.isEmpty()) {
            return new OfficeActivation(held.userId(), false, UNLICENSED_PRODUCT, true, List.of(), List.of(),
                    "Unlicensed Product: the subscription of " + withApps.get(0).product().productName() + " is disabled. "
                            + "Most features of the apps are unavailable (reduced functionality) until it is reactivated.");
        }
        if (granting.isEmpty()) {
            return new OfficeActivation(held.userId(), false, UNLICENSED_PRODUCT, true, List.of(), List.of(),
                    "Unlicensed Product: the user has no license for Microsoft 365 Apps. Most features of the apps are "
                            + "unavailable (reduced functionality) until a license that includes them is assigned.");
        }
        List<String> plans = granting.stream().flatMap(l -> l.enabledPlans().stream())
                .filter(p -> p.workload() == Workload.MICROSOFT_365_APPS).map(ServicePlan::servicePlanName).distinct().toList();
        return new OfficeActivation(held.userId(), true, LICENSED, false,
                granting.stream().map(l -> l.product().skuPartNumber()).toList(), plans,
                "Microsoft 365 Apps are licensed.");
    }
}
