package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.subscriptions.SeatCount;
import org.licenselifecycle.licensing.subscriptions.Seats;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * The Licenses page beyond its product list: who holds a product (paged), and assigning that product to, or
 * unassigning it from, up to 20 selected users at a time, all or nothing.
 */
@ApplicationScoped
public class LicensesPageService {

    /** "The Licenses page lets you assign or unassign licenses for up to 20 users at a time." */
    public static final int MAX_USERS_PER_UNASSIGN = 20;

    /** The same limit for assigning: the source document states one number for both. */
    public static final int MAX_USERS_PER_ASSIGN = MAX_USERS_PER_UNASSIGN;

    private final ProductCatalog catalog;
    private final Seats seats;
    private final LicenseAssignmentService assignments;
    private final LicenseAssignmentRepository rows;
    private final GroupProducts groups;

    LicensesPageService(ProductCatalog catalog, Seats seats, LicenseAssignmentService assignments,
            LicenseAssignmentRepository rows, GroupProducts groups) {
        this.rows = rows;
        this.groups = groups;
        this.catalog = catalog;
        this.seats = seats;
        this.assignments = assignments;
    }

    /**
     * The users of the tenant holding {@code skuId}, by user id after {@code after}, each inherited one with its
     * group's name; one more row than asked tells whether there is a next page.
     */
    @Transactional
    public List<LicenseHolder> holders(UUID tenantId, UUID skuId, int top, UUID after) {
        ownedProduct(tenantId, skuId);
        List<LicenseHolder> holders = rows.holders(tenantId, skuId, after, top + 1);
        Map<UUID, String> names = groups.names(tenantId, holders.stream().map(LicenseHolder::assignedByGroup)
                .filter(Objects::nonNull).toList());
        return holders.stream().map(holder -> holder.named(names)).toList();
    }

    /** Unassigns {@code skuId} from every selected user in one transaction, or from none of them. */
    @Transactional
    public UnassignResult unassign(UUID tenantId, UUID actor, UUID skuId, UnassignRequest request) {
        List<UUID> users = BulkUnassign.selected(request, MAX_USERS_PER_UNASSIGN,
                "The Licenses page unassigns licenses for up to " + MAX_USERS_PER_UNASSIGN + " users at a time");
        Product product = ownedProduct(tenantId, skuId);
        List<Holder> holders = BulkUnassign.lock(rows, tenantId, users);
        for (Holder user : holders) {
            if (!user.skuIds().contains(skuId)) {
                throw GraphException.badRequest("User " + user.userPrincipalName() + " (" + user.userId()
                        + ") does not have a license of " + product.productName() + " to unassign.");
            }
        }
        assignments.unassign(tenantId, holders, actor, user -> List.of(skuId));
        return new UnassignResult(holders.stream()
                .map(user -> new UnassignResult.Unassigned(user.userId(), user.userPrincipalName(), List.of(skuId)))
                .toList());
    }

    /**
     * Assigns {@code skuId} (every plan on) to every selected user in one transaction, or to none of them: a user
     * who already holds it, has no valid usage location or is not an active user of the tenant refuses the whole
     * change, and so do too few available licenses (never more assigned than bought).
     */
    @Transactional
    public AssignResult assign(UUID tenantId, UUID actor, UUID skuId, AssignRequest request) {
        List<UUID> users = BulkUnassign.selected(request == null ? null : request.userIds(), MAX_USERS_PER_ASSIGN,
                "The Licenses page assigns licenses for up to " + MAX_USERS_PER_ASSIGN + " users at a time");
        Product product = ownedProduct(tenantId, skuId);
        List<Holder> holders = BulkUnassign.lock(rows, tenantId, users);
        for (Holder user : holders) {
            if (user.skuIds().contains(skuId)) {
                throw GraphException.badRequest("User " + user.userPrincipalName() + " (" + user.userId()
                        + ") already has a license of " + product.productName() + ".");
            }
            if (!user.hasValidUsageLocation()) {
                throw GraphException.badRequest("User " + user.userPrincipalName() + " (" + user.userId()
                        + ") has no valid usage location: set one on Active users, then assign the license.");
            }
        }
        // for the message only: the seat move (Seats.take, one conditional UPDATE) is what never oversells
        int available = seats.of(tenantId, skuId).map(SeatCount::available).orElse(0);
        if (available < holders.size()) {
            throw GraphException.badRequest("Only " + Math.max(available, 0) + " " + product.productName()
                    + " licenses are available and " + holders.size() + " users were selected: buy more licenses or "
                    + "select fewer users.");
        }
        assignments.assign(tenantId, holders, actor, List.of(new AssignedLicense(skuId, List.of())));
        return new AssignResult(holders.stream()
                .map(user -> new AssignResult.Assigned(user.userId(), user.userPrincipalName(), List.of(skuId)))
                .toList());
    }

    private Product ownedProduct(UUID tenantId, UUID skuId) {
        return catalog.find(skuId).filter(p -> seats.owns(tenantId, p.skuId()))
                .orElseThrow(() -> GraphException.notFound(String.valueOf(skuId)));
    }
}
