package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.licensing.licenses.Holder.LicenseRow;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.subscriptions.PurchaseLicenses;
import org.licenselifecycle.licensing.subscriptions.Subscription;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * Licenses of self-service purchases: the purchaser gives them out (at purchase here, standing in for the
 * purchaser's own portal) and they stay the purchaser's until an admin takes the subscription over.
 */
@ApplicationScoped
public class SelfServiceLicenses implements PurchaseLicenses {

    private final ProductCatalog catalog;
    private final LicenseAssignmentRepository rows;
    private final LicenseEvents events;
    private final LicenseAudit audit;
    private final Clock clock;

    SelfServiceLicenses(ProductCatalog catalog, LicenseAssignmentRepository rows, LicenseEvents events, LicenseAudit audit,
            Clock clock) {
        this.catalog = catalog;
        this.rows = rows;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The purchaser gives the purchase's licenses to {@code users} (announced as LicenseAssigned by them),
     * locked together first. They take no seat: the purchase is not in its product's total until taken over.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void assignFromPurchase(Subscription purchase, List<UUID> users) {
        if (users.size() > purchase.licenses) {
            throw GraphException.badRequest("The purchase has " + purchase.licenses + " licenses for " + users.size()
                    + " users.");
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID userId : users) {
            if (userId == null || !seen.add(userId)) {
                throw GraphException.badRequest("assignTo names an empty or repeated user.");
            }
        }
        Product product = catalog.find(purchase.skuId).orElseThrow();
        Instant now = clock.instant();
        for (Holder user : BulkUnassign.lock(rows, purchase.tenantId, users.stream().sorted().toList())) {
            if (!user.hasValidUsageLocation()) {
                throw LicenseAssignmentRefused.invalidUsageLocation();
            }
            if (user.skuIds().contains(purchase.skuId)) {
                throw GraphException.badRequest("User " + user.userId() + " already has a license of " + product.productName()
                        + ".");
            }
            rows.give(purchase.tenantId, user.userId(), new LicenseRow(purchase.skuId, List.of(), purchase.id, null), now,
                    purchase.purchaserId);
            HeldLicense given = new HeldLicense(product, List.of());
            boolean exchangeRetained = given.grantsExchangeOnline() || user.licenses().stream()
                    .map(other -> new HeldLicense(catalog.find(other.skuId()).orElseThrow(), other.disabledPlans()))
                    .anyMatch(HeldLicense::grantsExchangeOnline);
            events.assigned(user.ref(), given, exchangeRetained, purchase.purchaserId, now);
            audit.given(user, given);
        }
        purchase.selfServiceLicensesGiven(users.size());
    }

    /** The purchase's licenses become ordinary ones, counted in the product's seats by the caller. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void takenOver(Subscription purchase) {
        rows.takenOver(purchase.id);
    }
}
