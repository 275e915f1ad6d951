package org.licenselifecycle.licensing.licenses;

import org.licenselifecycle.licensing.subscriptions.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.licenselifecycle.licensing.licenses.Holder.LicenseRow;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.subscriptions.Subscription;

/**
 * The one statement of which licenses an admin cannot remove from a user directly, and why: one inherited from a
 * group membership (it leaves only through the group) and one of a self-service purchase its purchaser still manages
 * ("As an admin, you can't assign or unassign licenses for a self-service purchase subscription bought by a user in
 * your organization"). "Unassign all" and "Remove a former employee" remove every other license and keep these;
 * the Active users pane greys them out. Graph's assignLicense, asked to remove one, refuses the whole call
 * ({@link LicenseAssignmentService}).
 */
@ApplicationScoped
public class LicensesAdminsCannotRemove {

    private final ProductCatalog catalog;
    private final GroupProducts groups;
    private final InheritedLicenses inherited;
    private final SubscriptionRepository subscriptions;

    LicensesAdminsCannotRemove(ProductCatalog catalog, GroupProducts groups, InheritedLicenses inherited, SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.groups = groups;
        this.inherited = inherited;
    }

    /** Whether an admin can remove the license from the user directly. */
    static boolean removableByAdmin(LicenseRow license) {
        return license.assignedByGroup() == null && license.selfServiceSubscriptionId() == null;
    }

    /**
     * Of the licenses the user of {@code tenantId} holds, those an admin cannot remove, each with why; in their order.
     * The user's states from groups are read only when a license is inherited.
     */
    List<KeptLicense> among(UUID tenantId, UUID userId, List<LicenseRow> held) {
        List<LicenseRow> kept = held.stream().filter(license -> !removableByAdmin(license)).toList();
        List<UUID> fromGroups = kept.stream().map(LicenseRow::assignedByGroup).filter(Objects::nonNull).toList();
        Map<UUID, String> groupNames = groups.names(tenantId, fromGroups);
        List<InheritedState> states = fromGroups.isEmpty() ? List.of() : inherited.of(userId);
        return kept.stream().map(license -> why(license, groupNames, states)).toList();
    }

    private KeptLicense why(LicenseRow license, Map<UUID, String> groupNames, List<InheritedState> states) {
        Product product = catalog.find(license.skuId()).orElseThrow();
        if (license.assignedByGroup() != null) {
            UUID group = license.assignedByGroup();
            String name = groupNames.get(group);
            String named = name == null ? group.toString() : name;
            InheritedState state = states.stream()
                    .filter(s -> s.groupId().equals(group) && s.skuId().equals(license.skuId())).findFirst()
                    .orElse(null);
            String message;
            if (state != null && state.keepsLicense()) {
                message = "Kept from the group " + named + ", which no longer gives it to the user, because another "
                        + "license of the user depends on it (DependencyViolation): it goes when the license that "
                        + "depends on it is removed, or when the user is reprocessed once nothing depends on it.";
            } else if (state != null && InheritedState.ACTIVE_WITH_ERROR.equals(state.state())) {
                message = "Inherited from the group " + named + ", whose last processing of the user failed ("
                        + state.error() + "): an admin can't unassign it from the user directly; fix the problem and "
                        + "reprocess the user, or it goes when the user leaves the group or the group no longer gives "
                        + product.productName() + ".";
            } else {
                message = "Inherited from the group " + named + ": an admin can't unassign it from the user directly; "
                        + "it goes when the user leaves the group or the group no longer gives " + product.productName()
                        + ".";
            }
            return new KeptLicense(product.skuId(), product.skuPartNumber(), product.productName(),
                    KeptLicense.Reason.INHERITED_FROM_GROUP, group, name, null, message,
                    state == null ? null : state.state(), state == null ? null : state.error());
        }
        Subscription purchase = subscriptions.find(license.selfServiceSubscriptionId());
        return new KeptLicense(product.skuId(), product.skuPartNumber(), product.productName(),
                KeptLicense.Reason.SELF_SERVICE_PURCHASE, null, null, purchase.id,
                "From a self-service purchase bought by " + purchase.purchaserName + ": an admin can't unassign it "
                        + "until taking the subscription over.", null, null);
    }
}
