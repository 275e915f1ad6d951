package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.events.UserLicensesReleaseRequested;
import org.licenselifecycle.licensing.licenses.Holder.LicenseRow;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.subscriptions.Seats;
import org.licenselifecycle.licensing.subscriptions.Subscription;
import org.licenselifecycle.licensing.users.DirectoryUser;
import org.licenselifecycle.licensing.users.UserDeletionEffects;

/**
 * What deleting, restoring and purging a user does to their licenses. "When you delete a user account,
 * their license is immediately available to assign to someone else": every seat is given back in the
 * consumer's transaction, with one LicenseRemoved (reason USER_DELETED, removed by the system) per product.
 * A restore gives back what seats allow, in the order the user got them, and records what it could not.
 * Seat rows move in the order every change takes them ({@link SeatMoves}).
 */
@ApplicationScoped
public class UserDeletionService implements UserDeletionEffects {

    private static final Logger LOG = Logger.getLogger(UserDeletionService.class);

    private final ProductCatalog catalog;
    private final Seats seats;
    private final LicenseAssignmentRepository rows;
    private final LicenseEvents events;
    private final LicenseAudit audit;
    private final Clock clock;

    UserDeletionService(ProductCatalog catalog, Seats seats, LicenseAssignmentRepository rows, LicenseEvents events,
            LicenseAudit audit, Clock clock) {
        this.catalog = catalog;
        this.seats = seats;
        this.rows = rows;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** The user (locked by the caller) was deleted: every license is freed at once and remembered for a restore. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void userDeleted(DirectoryUser user, Instant deletedAt) {
        freeAll(user, deletedAt, true);
    }

    /**
     * The user (locked by the caller) was restored: what they held when deleted comes back as seats allow, in the
     * order the user got them, and what could not is recorded.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void userRestored(DirectoryUser user) {
        RestoreFailure.delete("userId", user.userId);
        Instant now = clock.instant();
        List<DeletedUserLicense> remembered = DeletedUserLicense.of(user.userId);
        // seats first, taken in the order every change takes seat rows; each product's seat is decided alone,
        // so that order changes no outcome, and the licenses come back in the order the user got them
        Set<UUID> seated = remembered.stream().map(license -> license.skuId).sorted(SeatMoves.PRODUCT_ORDER)
                .filter(skuId -> catalog.find(skuId).isPresent() && seats.take(user.tenantId, skuId, 1))
                .collect(Collectors.toSet());
        // each event says whether Exchange Online is held once the whole restore is done
        boolean exchangeRetained = remembered.stream().filter(license -> seated.contains(license.skuId))
                .map(license -> new HeldLicense(catalog.find(license.skuId).orElseThrow(), List.of(license.disabledPlans)))
                .anyMatch(HeldLicense::grantsExchangeOnline);
        List<HeldLicense> restored = new ArrayList<>();
        for (DeletedUserLicense license : remembered) {
            if (seated.contains(license.skuId)) {
                HeldLicense held = new HeldLicense(catalog.find(license.skuId).orElseThrow(), List.of(license.disabledPlans));
                rows.give(user.tenantId, user.userId, new LicenseRow(license.skuId, held.disabledPlans(), null, null), now, null);
                events.assigned(user.ref(), held, exchangeRetained, null, now);
                restored.add(held);
            } else {
                notRestored(user, license.skuId, now);
            }
            license.delete();
        }
        audit.changed(user.tenantId, user.userId, user.displayName, user.userPrincipalName, List.of(), restored);
    }

    /** Records, for admins to read on the user, why a remembered license did not come back. */
    private void notRestored(DirectoryUser user, UUID skuId, Instant now) {
        RestoreFailure.record(user.tenantId, user.userId, skuId, seats.owns(user.tenantId, skuId)
                ? LicenseAssignmentRefused.noAvailableLicenses(skuId).getMessage()
                : LicenseAssignmentRefused.invalidLicense(skuId).getMessage(), now);
    }

    /**
     * The user (locked by the caller) was purged: a license still held (no UserDeleted heard first) is freed
     * like a deletion, and nothing is remembered for a restore any more.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void userPurged(DirectoryUser user, Instant purgedAt) {
        freeAll(user, purgedAt, false);
        RestoreFailure.delete("userId", user.userId);
        DeletedUserLicense.delete("userId", user.userId);
    }

    /**
     * "Remove a former employee" with "unassign licenses" but no deletion: every license the user holds
     * directly goes, as an unassign by the admin who asked. Licenses inherited from a group, and those of a
     * self-service purchase the admin has not taken over, are not the admin's to remove and stay.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void licensesReleaseRequested(UserLicensesReleaseRequested request) {
        Optional<Holder> found = rows.lockAll(request.tenantId(), List.of(request.userId())).values().stream().findFirst();
        if (found.isEmpty()) {
            LOG.warnf("Licenses of user %s asked to be released, but licensing has no active such user", request.userId());
            return;
        }
        Holder user = found.get();
        Map<Boolean, List<LicenseRow>> byAdminRemovable = user.licenses().stream()
                .collect(Collectors.partitioningBy(a -> a.assignedByGroup() == null && a.selfServiceSubscriptionId() == null));
        boolean exchangeOnlineRetained = byAdminRemovable.get(false).stream().anyMatch(a -> held(a).grantsExchangeOnline());
        SeatMoves seatMoves = new SeatMoves();
        List<LicenseRow> released = byAdminRemovable.get(true);
        rows.remove(user.userId(), released.stream().map(LicenseRow::skuId).toList());
        for (LicenseRow assignment : released) {
            seatMoves.release(assignment.skuId());
            events.removed(user.ref(), held(assignment), exchangeOnlineRetained, RemovalReason.UNASSIGNED,
                    request.requestedBy(), request.requestedAt());
        }
        audit.changed(user, audit.held(user.licenses()), audit.held(byAdminRemovable.get(false)));
        seatMoves.make(seats, user.tenantId());
    }

    private HeldLicense held(LicenseRow assignment) {
        return new HeldLicense(catalog.find(assignment.skuId()).orElseThrow(), assignment.disabledPlans());
    }

    private void freeAll(DirectoryUser user, Instant at, boolean remember) {
        List<LicenseAssignmentRepository.Given> held = rows.heldBy(user.userId);
        rows.remove(user.userId, held.stream().map(given -> given.license().skuId()).toList());
        SeatMoves seatMoves = new SeatMoves();
        for (LicenseAssignmentRepository.Given given : held) {
            LicenseRow assignment = given.license();
            if (assignment.selfServiceSubscriptionId() != null) {
                Subscription.<Subscription>findById(assignment.selfServiceSubscriptionId()).selfServiceLicenseFreed();
            } else {
                seatMoves.release(assignment.skuId());
            }
            if (remember) {
                DeletedUserLicense.remember(user.tenantId, user.userId, assignment.skuId(), assignment.disabledPlans(),
                        given.assignedAt());
            }
            // every license goes at once, so no other license keeps Exchange Online for the user
            events.removed(user.ref(), held(assignment), false, RemovalReason.USER_DELETED, null, at);
        }
        audit.changed(user.tenantId, user.userId, user.displayName, user.userPrincipalName,
                audit.held(held.stream().map(LicenseAssignmentRepository.Given::license).toList()), List.of());
        seatMoves.make(seats, user.tenantId);
    }
}
