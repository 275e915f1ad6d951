package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.licensing.licenses.Holder.LicenseRow;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.subscriptions.Seats;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * Licenses inherited from a group membership: recorded and removed per member, all or nothing, one seat
 * and one LicenseAssigned / LicenseRemoved each. The members are locked together before any seat moves.
 */
@ApplicationScoped
public class GroupLicensesService {

    private static final int MAX_MEMBERS = 100;

    private final ProductCatalog catalog;
    private final Seats seats;
    private final LicenseAssignmentRepository rows;
    private final LicenseEvents events;
    private final GroupProducts groups;
    private final LicenseAudit audit;
    private final Clock clock;

    GroupLicensesService(ProductCatalog catalog, Seats seats, LicenseAssignmentRepository rows, LicenseEvents events,
            GroupProducts groups, LicenseAudit audit, Clock clock) {
        this.catalog = catalog;
        this.seats = seats;
        this.rows = rows;
        this.events = events;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The group gives the product to the members named: each inherits it, taking a seat. The group is recorded as
     * giving the product (with its name, when given) after its members are locked, as a restore takes them.
     */
    @Transactional
    public GroupLicenses record(UUID tenantId, UUID actor, GroupLicenses request) {
        List<UUID> users = members(request);
        Product product = catalog.find(request.skuId()).filter(p -> seats.owns(tenantId, p.skuId()))
                .orElseThrow(() -> LicenseAssignmentRefused.invalidLicense(request.skuId()));
        Instant now = clock.instant();
        SeatMoves seatMoves = new SeatMoves();
        for (Holder member : BulkUnassign.lock(rows, tenantId, users)) {
            if (!member.hasValidUsageLocation()) {
                throw LicenseAssignmentRefused.invalidUsageLocation();
            }
            if (member.skuIds().contains(product.skuId())) {
                throw GraphException.badRequest("User " + member.userPrincipalName() + " already has a license of "
                        + product.productName() + ".");
            }
            rows.give(tenantId, member.userId(), new LicenseRow(product.skuId(), List.of(), null, request.groupId()), now,
                    actor);
            seatMoves.take(product.skuId());
            HeldLicense inherited = new HeldLicense(product, List.of());
            boolean exchangeRetained = inherited.grantsExchangeOnline() || member.licenses().stream()
                    .map(other -> new HeldLicense(catalog.find(other.skuId()).orElseThrow(), other.disabledPlans()))
                    .anyMatch(HeldLicense::grantsExchangeOnline);
            events.assigned(member.ref(), inherited, request.groupId(), exchangeRetained, actor, now);
            audit.given(member, inherited);
        }
        groups.given(tenantId, request.groupId(), product.skuId(), blankToNull(request.groupName()));
        seatMoves.make(seats, tenantId);
        return new GroupLicenses(request.groupId(), request.groupName(), product.skuId(), users);
    }

    /**
     * The group no longer gives the product ("the group lost the license"): a deleted member restored from now on
     * does not inherit it again. Its members must have lost it first ({@link #remove}); otherwise a 400 naming how
     * many still inherit it, and nothing changes.
     */
    @Transactional
    public GroupLicenses withdraw(UUID tenantId, GroupLicenses request) {
        if (request == null || request.groupId() == null || request.skuId() == null) {
            throw GraphException.badRequest("Properties 'groupId' and 'skuId' are required.");
        }
        Product product = catalog.find(request.skuId())
                .orElseThrow(() -> LicenseAssignmentRefused.invalidLicense(request.skuId()));
        // the group's row is locked first: a restore or a record of the group waits, then sees it gone
        if (!groups.withdrawn(tenantId, request.groupId(), product.skuId())) {
            throw GraphException.badRequest("Group " + request.groupId() + " does not give " + product.productName() + ".");
        }
        long inheriting = rows.inheritors(tenantId, request.groupId(), product.skuId());
        if (inheriting > 0) {
            throw GraphException.badRequest(inheriting + " members still inherit " + product.productName()
                    + " from group " + request.groupId() + ": remove it from them first (POST /api/v1/groupLicenses/remove).");
        }
        return new GroupLicenses(request.groupId(), request.groupName(), product.skuId(), List.of());
    }

    private static String blankToNull(String name) {
        return name == null || name.isBlank() ? null : name.strip();
    }

    /**
     * Removes the group's license from the members named (they left the group, or the group lost the
     * license): the only way such a license leaves a user while the user exists. All or nothing.
     */
    @Transactional
    public GroupLicenses remove(UUID tenantId, UUID actor, GroupLicenses request) {
        List<UUID> users = members(request);
        Product product = catalog.find(request.skuId())
                .orElseThrow(() -> LicenseAssignmentRefused.invalidLicense(request.skuId()));
        Instant now = clock.instant();
        SeatMoves seatMoves = new SeatMoves();
        for (Holder member : BulkUnassign.lock(rows, tenantId, users)) {
            LicenseRow inherited = member.licenses().stream().filter(row -> row.skuId().equals(product.skuId()))
                    .filter(row -> request.groupId().equals(row.assignedByGroup())).findFirst()
                    .orElseThrow(() -> GraphException.badRequest("User " + member.userPrincipalName()
                            + " does not inherit a license of " + product.productName() + " from group " + request.groupId()
                            + "."));
            rows.remove(member.userId(), List.of(product.skuId()));
            seatMoves.release(product.skuId());
            boolean exchangeRetained = member.licenses().stream()
                    .filter(other -> !other.skuId().equals(product.skuId()))
                    .map(other -> new HeldLicense(catalog.find(other.skuId()).orElseThrow(), other.disabledPlans()))
                    .anyMatch(HeldLicense::grantsExchangeOnline);
            events.removed(member.ref(), new HeldLicense(product, inherited.disabledPlans()), exchangeRetained,
                    RemovalReason.UNASSIGNED, actor, now);
            audit.lost(member, product.skuId());
        }
        seatMoves.make(seats, tenantId);
        return new GroupLicenses(request.groupId(), request.groupName(), product.skuId(), users);
    }

    private static List<UUID> members(GroupLicenses request) {
        if (request == null || request.groupId() == null || request.skuId() == null) {
            throw GraphException.badRequest("Properties 'groupId' and 'skuId' are required.");
        }
        return BulkUnassign.selected(new UnassignRequest(request.userIds()), MAX_MEMBERS,
                "Group licenses are changed for up to " + MAX_MEMBERS + " members at a time");
    }
}
