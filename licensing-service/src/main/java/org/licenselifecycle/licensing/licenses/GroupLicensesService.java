package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.subscriptions.Seats;
import org.licenselifecycle.licensing.users.DirectoryUser;
import org.licenselifecycle.support.graph.GraphException;

/**
 * Licenses inherited from a group membership: recorded and removed per member, all or nothing, one seat
 * and one LicenseAssigned / LicenseRemoved each.
 */
@ApplicationScoped
public class GroupLicensesService {

    private static final int MAX_MEMBERS = 100;

    private final ProductCatalog catalog;
    private final Seats seats;
    private final LicenseEvents events;
    private final Clock clock;

    GroupLicensesService(ProductCatalog catalog, Seats seats, LicenseEvents events, Clock clock) {
        this.catalog = catalog;
        this.seats = seats;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public GroupLicenses record(UUID tenantId, UUID actor, GroupLicenses request) {
        if (request == null || request.groupId() == null || request.skuId() == null) {
            throw GraphException.badRequest("Properties 'groupId' and 'skuId' are required.");
        }
        List<UUID> users = BulkUnassign.selected(new UnassignRequest(request.userIds()), MAX_MEMBERS,
                "Group licenses are changed for up to " + MAX_MEMBERS + " members at a time");
        Product product = catalog.find(request.skuId()).filter(p -> seats.owns(tenantId, p.skuId()))
                .orElseThrow(() -> LicenseAssignmentRefused.invalidLicense(request.skuId()));
        Instant now = clock.instant();
        for (UUID userId : users) {
            DirectoryUser user = DirectoryUser.lockInTenant(tenantId, userId.toString())
                    .orElseThrow(() -> GraphException.badRequest("User " + userId + " does not exist in this tenant."));
            if (!user.hasValidUsageLocation()) {
                throw LicenseAssignmentRefused.invalidUsageLocation();
            }
            if (LicensesPageService.held(userId, product.skuId()) != null) {
                throw GraphException.badRequest("User " + user.userPrincipalName + " already has a license of "
                        + product.productName() + ".");
            }
            if (!seats.take(tenantId, product.skuId())) {
                throw LicenseAssignmentRefused.noAvailableLicenses(product.skuId());
            }
            LicenseAssignment assignment = LicenseAssignment.give(tenantId, userId, product.skuId(), List.of(), now, actor);
            assignment.assignedByGroup = request.groupId();
            assignment.persist();
            events.assigned(user.ref(), new HeldLicense(product, List.of()), actor, now);
        }
        return new GroupLicenses(request.groupId(), product.skuId(), users);
    }

    /**
     * Removes the group's license from the members named (they left the group, or the group lost the
     * license): the only way such a license leaves a user while the user exists. All or nothing.
     */
    @Transactional
    public GroupLicenses remove(UUID tenantId, UUID actor, GroupLicenses request) {
        if (request == null || request.groupId() == null || request.skuId() == null) {
            throw GraphException.badRequest("Properties 'groupId' and 'skuId' are required.");
        }
        List<UUID> users = BulkUnassign.selected(new UnassignRequest(request.userIds()), MAX_MEMBERS,
                "Group licenses are changed for up to " + MAX_MEMBERS + " members at a time");
        Product product = catalog.find(request.skuId())
                .orElseThrow(() -> LicenseAssignmentRefused.invalidLicense(request.skuId()));
        Instant now = clock.instant();
        for (UUID userId : users) {
            DirectoryUser user = DirectoryUser.lockInTenant(tenantId, userId.toString())
                    .orElseThrow(() -> GraphException.badRequest("User " + userId + " does not exist in this tenant."));
            LicenseAssignment assignment = LicensesPageService.held(userId, product.skuId());
            if (assignment == null || !request.groupId().equals(assignment.assignedByGroup)) {
                throw GraphException.badRequest("User " + user.userPrincipalName + " does not inherit a license of "
                        + product.productName() + " from group " + request.groupId() + ".");
            }
            seats.release(tenantId, product.skuId());
            HeldLicense removed = new HeldLicense(product, assignment.disabledPlanList());
            assignment.delete();
            boolean exchangeRetained = LicenseAssignment.heldBy(userId).stream()
                    .filter(other -> !other.skuId.equals(product.skuId()))
                    .map(other -> new HeldLicense(catalog.find(other.skuId).orElseThrow(), other.disabledPlanList()))
                    .anyMatch(HeldLicense::grantsExchangeOnline);
            events.removed(user.ref(), removed, exchangeRetained, RemovalReason.UNASSIGNED, actor, now);
        }
        return new GroupLicenses(request.groupId(), product.skuId(), users);
    }
}
