package org.licenselifecycle.licensing.licenses;

import org.licenselifecycle.licensing.users.DirectoryUserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.licenselifecycle.licensing.licenses.Holder.LicenseRow;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.users.DirectoryUser;
import org.licenselifecycle.licensing.users.UserRows;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * The Active users page: one user's licenses (clear some and save) and unassigning all from many users.
 * Removals go through {@link LicenseAssignmentService}, so they follow Graph's rules and announce one
 * LicenseRemoved per user and product.
 */
@ApplicationScoped
public class ActiveUsersService {

    /** How many users one "Unassign all" may select. */
    public static final int MAX_USERS_PER_UNASSIGN_ALL = 100;

    private final ProductCatalog catalog;
    private final LicenseAssignmentService assignments;
    private final LicenseAssignmentRepository rows;
    private final UserRows users;
    private final LicensesAdminsCannotRemove cannotRemove;
    private final DeletedUserRows deletedUsers;
    private final DirectoryUserRepository directoryUsers;

    ActiveUsersService(ProductCatalog catalog, LicenseAssignmentService assignments, LicenseAssignmentRepository rows,
            UserRows users, LicensesAdminsCannotRemove cannotRemove, DeletedUserRows deletedUsers, DirectoryUserRepository directoryUsers) {
        this.directoryUsers = directoryUsers;
        this.deletedUsers = deletedUsers;
        this.catalog = catalog;
        this.assignments = assignments;
        this.rows = rows;
        this.users = users;
        this.cannotRemove = cannotRemove;
    }

    /**
     * "Clear the boxes for the licenses that you want to unassign, then select Save changes": unassigns
     * every license of the user that is not in {@code kept}. This page only clears: a kept product the
     * user does not hold is refused. A license an admin cannot remove here ({@link LicensesAdminsCannotRemove}) is
     * greyed out on the page, so it is always among those kept: clearing it anyway is refused as Graph refuses
     * removing it, and nothing changes.
     */
    @Transactional
    public UserLicensesView keepOnly(UUID tenantId, UUID actor, String user, KeptLicenses kept) {
        if (kept == null || kept.skuIds() == null) {
            throw GraphException.badRequest("Property 'skuIds' is required: the licenses the user keeps ([] for none).");
        }
        if (kept.skuIds().stream().anyMatch(Objects::isNull)) {
            throw GraphException.badRequest("skuIds contains an empty id.");
        }
        Holder holder = rows.lock(tenantId, user).orElseThrow(() -> GraphException.notFound(user));
        List<UUID> held = holder.skuIds();
        for (UUID skuId : kept.skuIds()) {
            if (!held.contains(skuId)) {
                throw GraphException.badRequest("User " + holder.userPrincipalName() + " does not have license " + skuId
                        + " to keep; assign licenses with assignLicense.");
            }
        }
        List<UUID> cleared = held.stream().filter(sku -> !kept.skuIds().contains(sku)).toList();
        if (!cleared.isEmpty()) {
            assignments.unassign(tenantId, List.of(holder), actor, same -> cleared);
        }
        return licensesOf(tenantId, holder.userId().toString());
    }

    /**
     * "Manage product licenses > Unassign all" for the selected users, in one transaction: from each, every license
     * an admin can remove goes; those an admin cannot remove here stay, and the result says why, per user. A
     * selection the page refuses (an unknown user, too many) changes nothing.
     */
    @Transactional
    public UnassignResult unassignAll(UUID tenantId, UUID actor, UnassignRequest request) {
        List<UUID> users = BulkUnassign.selected(request, MAX_USERS_PER_UNASSIGN_ALL,
                "Unassign all takes up to " + MAX_USERS_PER_UNASSIGN_ALL + " users at a time");
        List<Holder> holders = BulkUnassign.lock(rows, tenantId, users);
        assignments.unassign(tenantId, holders.stream().filter(user -> !removable(user).isEmpty()).toList(), actor,
                ActiveUsersService::removable);
        return new UnassignResult(holders.stream()
                .map(user -> new UnassignResult.Unassigned(user.userId(), user.userPrincipalName(), removable(user),
                        cannotRemove.among(tenantId, user.userId(), user.licenses())))
                .toList());
    }

    private static List<UUID> removable(Holder user) {
        return user.licenses().stream().filter(LicensesAdminsCannotRemove::removableByAdmin).map(LicenseRow::skuId)
                .toList();
    }

    @Transactional
    public UserLicensesView licensesOf(UUID tenantId, String user) {
        DirectoryUser holder = users.find(tenantId, user).flatMap(directoryUsers::find)
                .orElseThrow(() -> GraphException.notFound(user));
        List<LicenseAssignmentRepository.Given> held = rows.heldBy(holder.userId);
        Map<UUID, KeptLicense> kept = cannotRemove.among(tenantId, holder.userId, held.stream().map(LicenseAssignmentRepository.Given::license)
                .toList()).stream().collect(Collectors.toMap(KeptLicense::skuId, Function.identity()));
        List<UserLicensesView.License> licenses = held.stream()
                .map(given -> {
                    LicenseRow a = given.license();
                    Product product = catalog.find(a.skuId()).orElseThrow();
                    return new UserLicensesView.License(a.skuId(), product.skuPartNumber(), product.productName(),
                            a.disabledPlans(), given.assignedAt(), a.assignedByGroup(), kept.get(a.skuId()));
                })
                .toList();
        List<UserLicensesView.NotRestored> failures = deletedUsers.failures(holder.userId).stream()
                .map(f -> {
                    Product product = catalog.find(f.skuId).orElseThrow();
                    return new UserLicensesView.NotRestored(f.skuId, product.skuPartNumber(), product.productName(),
                            f.reason, f.reasonCode, f.recordedAt);
                })
                .toList();
        return new UserLicensesView(holder.userId, holder.displayName, holder.userPrincipalName, holder.usageLocation,
                holder.accountEnabled, licenses, failures);
    }
}
