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
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.subscriptions.Seats;
import org.licenselifecycle.licensing.subscriptions.Subscription;
import org.licenselifecycle.licensing.users.DirectoryUser;

/**
 * What deleting, restoring and purging a user does to their licenses. "When you delete a user account,
 * their license is immediately available to assign to someone else": every seat is given back in the
 * consumer's transaction, with one LicenseRemoved (reason USER_DELETED, removed by the system) per product.
 * A restore gives back what seats allow, in the order the user got them, and records what it could not.
 * Seat rows move in the order every change takes them ({@link SeatMoves}).
 */
@ApplicationScoped
public class UserDeletionService {

    private static final Logger LOG = Logger.getLogger(UserDeletionService.class);

    private final ProductCatalog catalog;
    private final Seats seats;
    private final LicenseEvents events;
    private final Clock clock;

    UserDeletionService(ProductCatalog catalog, Seats seats, LicenseEvents events, Clock clock) {
        this.catalog = catalog;
        this.seats = seats;
        this.events = events;
        this.clock = clock;
    }

    /** The user (locked by the caller) was deleted: every license is freed at once and remembered for a restore. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void userDeleted(DirectoryUser user, Instant deletedAt) {
        freeAll(user, deletedAt, true);
    }

    /**
     * The user (locked by the caller) was restored: what they held when deleted comes back as seats allow, in the
     * order the user got them, and what could not is recorded.
     */
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
        for (DeletedUserLicense license : remembered) {
            if (seated.contains(license.skuId)) {
                HeldLicense held = new HeldLicense(catalog.find(license.skuId).orElseThrow(), List.of(license.disabledPlans));
                LicenseAssignment.give(user.tenantId, user.userId, license.skuId, held.disabledPlans(), now, null).persist();
                events.assigned(user.ref(), held, null, now);
            } else {
                notRestored(user, license.skuId, now);
            }
            license.delete();
        }
    }

    /** Records, for admins to read on the user, why a remembered license did not come back. */
    private void notRestored(DirectoryUser user, UUID skuId, Instant now) {
        RestoreFailure failure = new RestoreFailure();
        failure.userId = user.userId;
        failure.skuId = skuId;
        failure.tenantId = user.tenantId;
        failure.reason = seats.owns(user.tenantId, skuId)
                ? LicenseAssignmentRefused.noAvailableLicenses(skuId).getMessage()
                : LicenseAssignmentRefused.invalidLicense(skuId).getMessage();
        failure.recordedAt = now;
        failure.persist();
    }

    /**
     * The user (locked by the caller) was purged: a license still held (no UserDeleted heard first) is freed
     * like a deletion, and nothing is remembered for a restore any more.
     */
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
        Optional<DirectoryUser> found = DirectoryUser.lockById(request.tenantId(), request.userId());
        if (found.isEmpty() || found.get().deletedAt != null) {
            LOG.warnf("Licenses of user %s asked to be released, but licensing has no active such user", request.userId());
            return;
        }
        DirectoryUser user = found.get();
        Map<Boolean, List<LicenseAssignment>> byAdminRemovable = LicenseAssignment.heldBy(user.userId).stream()
                .collect(Collectors.partitioningBy(a -> a.assignedByGroup == null && a.selfServiceSubscriptionId == null));
        boolean exchangeOnlineRetained = byAdminRemovable.get(false).stream().anyMatch(a -> held(a).grantsExchangeOnline());
        SeatMoves seatMoves = new SeatMoves();
        for (LicenseAssignment assignment : byAdminRemovable.get(true)) {
            seatMoves.release(assignment.skuId);
            assignment.delete();
            events.removed(user.ref(), held(assignment), exchangeOnlineRetained, RemovalReason.UNASSIGNED,
                    request.requestedBy(), request.requestedAt());
        }
        seatMoves.make(seats, user.tenantId);
    }

    private HeldLicense held(LicenseAssignment assignment) {
        return new HeldLicense(catalog.find(assignment.skuId).orElseThrow(), assignment.disabledPlanList());
    }

    private void freeAll(DirectoryUser user, Instant at, boolean remember) {
        List<LicenseAssignment> held = new ArrayList<>(LicenseAssignment.heldBy(user.userId));
        SeatMoves seatMoves = new SeatMoves();
        for (LicenseAssignment assignment : held) {
            if (assignment.selfServiceSubscriptionId != null) {
                Subscription purchase = Subscription.findById(assignment.selfServiceSubscriptionId);
                purchase.selfServiceAssigned--;
            } else {
                seatMoves.release(assignment.skuId);
            }
            if (remember) {
                DeletedUserLicense kept = new DeletedUserLicense();
                kept.userId = user.userId;
                kept.skuId = assignment.skuId;
                kept.tenantId = user.tenantId;
                kept.disabledPlans = assignment.disabledPlans;
                kept.assignedAt = assignment.assignedAt;
                kept.persist();
            }
            assignment.delete();
            // every license goes at once, so no other license keeps Exchange Online for the user
            events.removed(user.ref(), held(assignment), false, RemovalReason.USER_DELETED, null, at);
        }
        seatMoves.make(seats, user.tenantId);
    }
}
