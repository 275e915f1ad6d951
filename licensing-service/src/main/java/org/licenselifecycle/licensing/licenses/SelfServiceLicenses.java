package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.subscriptions.Subscription;
import org.licenselifecycle.licensing.users.DirectoryUser;
import org.licenselifecycle.support.graph.GraphException;

/**
 * Licenses of self-service purchases: the purchaser gives them out (at purchase here, standing in for the
 * purchaser's own portal) and they stay the purchaser's until an admin takes the subscription over.
 */
@ApplicationScoped
public class SelfServiceLicenses {

    private final ProductCatalog catalog;
    private final LicenseEvents events;
    private final Clock clock;

    SelfServiceLicenses(ProductCatalog catalog, LicenseEvents events, Clock clock) {
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /** The purchaser gives the purchase's licenses to {@code users} (announced as LicenseAssigned by them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assignFromPurchase(Subscription purchase, List<UUID> users) {
        if (users.size() > purchase.licenses) {
            throw GraphException.badRequest("The purchase has " + purchase.licenses + " licenses for " + users.size()
                    + " users.");
        }
        Product product = catalog.find(purchase.skuId).orElseThrow();
        Instant now = clock.instant();
        Set<UUID> seen = new HashSet<>();
        for (UUID userId : users) {
            if (userId == null || !seen.add(userId)) {
                throw GraphException.badRequest("assignTo names an empty or repeated user.");
            }
            DirectoryUser user = DirectoryUser.lockInTenant(purchase.tenantId, userId.toString())
                    .orElseThrow(() -> GraphException.badRequest("User " + userId + " does not exist in this tenant."));
            if (!user.hasValidUsageLocation()) {
                throw LicenseAssignmentRefused.invalidUsageLocation();
            }
            if (LicensesPageService.held(userId, purchase.skuId) != null) {
                throw GraphException.badRequest("User " + userId + " already has a license of " + product.productName() + ".");
            }
            LicenseAssignment assignment = LicenseAssignment.give(purchase.tenantId, userId, purchase.skuId, List.of(), now,
                    purchase.purchaserId);
            assignment.selfServiceSubscriptionId = purchase.id;
            assignment.persist();
            purchase.selfServiceAssigned++;
            events.assigned(user.ref(), new HeldLicense(product, List.of()), purchase.purchaserId, now);
        }
    }

    /** The purchase's licenses become ordinary ones, counted in the product's seats by the caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void takeOver(Subscription purchase) {
        LicenseAssignment.update("selfServiceSubscriptionId = null where selfServiceSubscriptionId = ?1", purchase.id);
    }
}
