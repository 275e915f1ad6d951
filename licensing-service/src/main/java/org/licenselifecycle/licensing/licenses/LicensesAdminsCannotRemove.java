package org.licenselifecycle.licensing.licenses;

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

    LicensesAdminsCannotRemove(ProductCatalog catalog, GroupProducts groups) {
        this.catalog = catalog;
        this.groups = groups;
    }

    /** Whether an admin can remove the license from the user directly. */
    static boolean removableByAdmin(LicenseRow license) {
        return license.assignedByGroup() == null && license.selfServiceSubscriptionId() == null;
    }

    /** Of the licenses a user of {@code tenantId} holds, those an admin cannot remove, each with why; in their order. */
    List<KeptLicense> among(UUID tenantId, List<LicenseRow> held) {
        List<LicenseRow> kept = held.stream().filter(license -> !removableByAdmin(license)).toList();
        Map<UUID, String> groupNames = groups.names(tenantId,
                kept.stream().map(LicenseRow::assignedByGroup).filter(Objects::nonNull).toList());
        return kept.stream().map(license -> why(license, groupNames)).toList();
    }

    private KeptLicense why(LicenseRow license, Map<UUID, String> groupNames) {
        Product product = catalog.find(license.skuId()).orElseThrow();
        if (license.assignedByGroup() != null) {
            UUID group = license.assignedByGroup();
            String name = groupNames.get(group);
            return new KeptLicense(product.skuId(), product.skuPartNumber(), product.productName(),
                    KeptLicense.Reason.INHERITED_FROM_GROUP, group, name, null,
                    "Inherited from the group " + (name == null ? group : name) + ": an admin can't unassign it from "
                            + "the user directly; it goes when the user leaves the group or the group no longer gives "
                            + product.productName() + ".");
        }
        Subscription purchase = Subscription.findById(license.selfServiceSubscriptionId());
        return new KeptLicense(product.skuId(), product.skuPartNumber(), product.productName(),
                KeptLicense.Reason.SELF_SERVICE_PURCHASE, null, null, purchase.id,
                "From a self-service purchase bought by " + purchase.purchaserName + ": an admin can't unassign it "
                        + "until taking the subscription over.");
    }
}
