package org.licenselifecycle.licensing.licenses;

import org.licenselifecycle.licensing.subscriptions.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import org.licenselifecycle.licensing.subscriptions.SubscriptionStatus;
import org.licenselifecycle.licensing.users.DirectoryUser;
import org.licenselifecycle.licensing.users.UserDeletionEffects;

/**
 * What deleting, restoring and purging a user does to their licenses. "When you delete a user account,
 * their license is immediately available to assign to someone else": every seat is given back in the
 * consumer's transaction, with one LicenseRemoved (reason USER_DELETED, removed by the system) per product.
 * A restore gives each license back the way it came (its purchase, the seats) as they allow, in the order the user got
 * them, makes the user inherit again what their groups give now, and records what it could not give back, with why.
 * Seat rows move in the order every change takes them ({@link SeatMoves}).
 */
@ApplicationScoped
public class UserDeletionService implements UserDeletionEffects {

    private static final Logger LOG = Logger.getLogger(UserDeletionService.class);

    private final ProductCatalog catalog;
    private final Seats seats;
    private final LicenseAssignmentRepository rows;
    private final LicenseEvents events;
    private final GroupProducts groups;
    private final InheritedLicenses inherited;
    private final LicenseAssignmentStates states;
    private final LicenseAudit audit;
    private final GroupLicensing groupLicensing;
    private final KeptForDependents dependents;
    private final Clock clock;
    private final SubscriptionRepository subscriptions;
    private final DeletedUserRows deletedUsers;

    UserDeletionService(ProductCatalog catalog, Seats seats, LicenseAssignmentRepository rows, LicenseEvents events,
            GroupProducts groups, InheritedLicenses inherited, LicenseAssignmentStates states, LicenseAudit audit,
            GroupLicensing groupLicensing, KeptForDependents dependents, Clock clock, SubscriptionRepository subscriptions, DeletedUserRows deletedUsers) {
        this.deletedUsers = deletedUsers;
        this.subscriptions = subscriptions;
        this.groupLicensing = groupLicensing;
        this.dependents = dependents;
        this.inherited = inherited;
        this.states = states;
        this.catalog = catalog;
        this.seats = seats;
        this.rows = rows;
        this.events = events;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Locks the user's self-service purchases, whose licenses a deletion frees and a restore gives back, before the
     * user-events path locks the user: a purchase's deletion locks it, then its holders ({@link SeatMoves}).
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockBeforeUser(UUID userId) {
        rows.lockPurchasesOf(userId, true);
    }

    /** The user (locked by the caller) was deleted: every license is freed at once and remembered for a restore. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void userDeleted(DirectoryUser user, Instant deletedAt) {
        freeAll(user, deletedAt, true);
    }

    /**
     * The user (locked by the caller) was restored: what they held directly or bought comes back as it came, in the
     * order the user got them, and they are members of their groups again, inheriting what those groups give now as any
     * member does ({@link GroupLicensing#restored}); what could not come back is recorded with why
     * ({@link RestoreFailure.Reason}). A direct license takes a seat of its product; one of a self-service purchase
     * comes back to that purchase while it is active and has a license left (from the product's seats once an admin
     * took it over); an inherited one comes back while one of the user's groups gives the product and can.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void userRestored(DirectoryUser user) {
        purchasesLockedBeforeUser(user);
        deletedUsers.forgetFailures(user.userId);
        Instant now = clock.instant();
        List<DeletedUserLicense> remembered = deletedUsers.of(user.userId);
        Map<UUID, RestoreFailure.Reason> failed = new HashMap<>();
        Map<UUID, LicenseRow> back = new HashMap<>();
        List<UUID> fromSeats = new ArrayList<>();
        // purchases locked first, seats last; inherited ones come with the user's groups
        for (DeletedUserLicense license : remembered) {
            LicenseRow held = license.asHeld();
            if (catalog.find(license.skuId).isEmpty()) {
                failed.put(license.skuId, RestoreFailure.Reason.PRODUCT_NOT_OWNED);
            } else if (held.selfServiceSubscriptionId() != null) {
                Subscription purchase = subscriptions.findInTenant(user.tenantId, held.selfServiceSubscriptionId());
                Optional<RestoreFailure.Reason> refused = purchaseRefuses(purchase);
                if (refused.isPresent()) {
                    failed.put(license.skuId, refused.get());
                } else if (purchase.managedByPurchaser()) {
                    purchase.selfServiceLicensesGiven(1);
                    subscriptions.save(purchase);
                    back.put(license.skuId, held);
                } else {
                    // taken over since: its licenses are the tenant's, counted in the product's seats
                    back.put(license.skuId, new LicenseRow(license.skuId, held.disabledPlans(), null, null));
                    fromSeats.add(license.skuId);
                }
            } else if (held.assignedByGroup() == null) {
                back.put(license.skuId, held);
                fromSeats.add(license.skuId);
            }
        }
        List<LicenseRow> givenBack = remembered.stream().map(license -> back.get(license.skuId))
                .filter(Objects::nonNull).toList();
        Holder restored = new Holder(user.tenantId, user.userId, user.userPrincipalName, user.displayName,
                user.usageLocation, List.of(), false);
        // the direct licenses' seats are taken with the groups' ones, in one pass in product order
        GroupLicensing.Restored outcome = groupLicensing.restored(restored, givenBack, Set.copyOf(fromSeats), now);
        Map<UUID, LicenseRow> held = outcome.held();
        outcome.noSeat().forEach(skuId -> failed.put(skuId, seats.owns(user.tenantId, skuId)
                ? RestoreFailure.Reason.NO_AVAILABLE_LICENSES : RestoreFailure.Reason.PRODUCT_NOT_OWNED));
        List<InheritedState> inheritedNow = inherited.of(user.userId);
        for (DeletedUserLicense license : remembered) {
            if (!held.containsKey(license.skuId)) {
                RestoreFailure.Reason reason = failed.get(license.skuId);
                if (reason == null && back.containsKey(license.skuId)) {
                    reason = RestoreFailure.Reason.PREREQUISITE_MISSING; // given back, then left out by the restore
                }
                notRestored(user, license, reason != null ? reason : notInherited(user, license, inheritedNow), now);
            }
        }
        deletedUsers.forget(user.userId, remembered.stream().map(license -> license.skuId).toList());
    }

    /** Why an inherited license did not come back with the user's groups. */
    private RestoreFailure.Reason notInherited(DirectoryUser user, DeletedUserLicense license,
            List<InheritedState> inheritedNow) {
        List<String> errors = inheritedNow.stream().filter(s -> s.skuId().equals(license.skuId))
                .map(InheritedState::error).toList();
        if (errors.isEmpty()) {
            return RestoreFailure.Reason.GROUP_NO_LONGER_GIVES_PRODUCT;
        }
        if (errors.contains(InheritedState.COUNT_VIOLATION)) {
            return seats.owns(user.tenantId, license.skuId) ? RestoreFailure.Reason.NO_AVAILABLE_LICENSES
                    : RestoreFailure.Reason.PRODUCT_NOT_OWNED;
        }
        return RestoreFailure.Reason.GROUP_COULD_NOT_GIVE_PRODUCT;
    }

    /** Why a self-service purchase can't take its license back; empty when it can. */
    private static Optional<RestoreFailure.Reason> purchaseRefuses(Subscription purchase) {
        if (purchase == null || purchase.status == SubscriptionStatus.Deleted) {
            return Optional.of(RestoreFailure.Reason.PURCHASE_CANCELLED);
        }
        if (!purchase.status.assignable()) {
            return Optional.of(RestoreFailure.Reason.PURCHASE_EXPIRED);
        }
        if (purchase.managedByPurchaser() && purchase.selfServiceAssigned >= purchase.licenses) {
            return Optional.of(RestoreFailure.Reason.PURCHASE_HAS_NO_LICENSES_LEFT);
        }
        return Optional.empty();
    }

    /** Records, for admins to read on the user, why a remembered license did not come back. */
    private void notRestored(DirectoryUser user, DeletedUserLicense license, RestoreFailure.Reason reason, Instant now) {
        UUID skuId = license.skuId;
        String product = catalog.find(skuId).map(p -> p.productName()).orElse(skuId.toString());
        String words = switch (reason) {
            case NO_AVAILABLE_LICENSES -> LicenseAssignmentRefused.noAvailableLicenses(skuId).getMessage();
            case PRODUCT_NOT_OWNED -> LicenseAssignmentRefused.invalidLicense(skuId).getMessage();
            case GROUP_COULD_NOT_GIVE_PRODUCT -> "None of the user's groups could give " + product
                    + "; the user's license assignment states say why, and reprocessing tries again.";
            case GROUP_NO_LONGER_GIVES_PRODUCT -> "The group "
                    + groups.names(user.tenantId, List.of(license.assignedByGroup)).getOrDefault(license.assignedByGroup,
                            license.assignedByGroup.toString())
                    + " no longer gives " + product + ", so the user no longer inherits it.";
            case PURCHASE_CANCELLED -> "The self-service purchase of " + product + " it came from" + purchaser(license)
                    + " was cancelled.";
            case PURCHASE_EXPIRED -> "The self-service purchase of " + product + " it came from" + purchaser(license)
                    + " has expired and gives no licenses.";
            case PURCHASE_HAS_NO_LICENSES_LEFT -> "Every license of the self-service purchase of " + product
                    + " it came from" + purchaser(license) + " is given out.";
            case PREREQUISITE_MISSING -> product + " depends on a service plan that did not come back with it, so it "
                    + "was not given back; assign the license that gives that plan, then " + product + ".";
        };
        deletedUsers.failed(user.tenantId, user.userId, skuId, reason, words, now);
    }

    private String purchaser(DeletedUserLicense license) {
        Subscription purchase = subscriptions.find(license.selfServiceSubscriptionId);
        return purchase == null || purchase.purchaserName == null ? "" : " (bought by " + purchase.purchaserName + ")";
    }

    /**
     * The user (locked by the caller) was purged: a license still held (no UserDeleted heard first) is freed
     * like a deletion, and nothing is remembered for a restore any more.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void userPurged(DirectoryUser user, Instant purgedAt) {
        freeAll(user, purgedAt, false);
        deletedUsers.forgetFailures(user.userId);
        deletedUsers.forgetAll(user.userId);
    }

    /**
     * "Remove a former employee" with "unassign licenses" but no deletion: every license the user holds
     * directly goes, as an unassign by the admin who asked. Licenses inherited from a group, and those of a
     * self-service purchase the admin has not taken over, are not the admin's to remove and stay, and so does a direct
     * license whose plan one of them depends on ({@link KeptForDependents#keep}): it is not released without the add-on.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void licensesReleaseRequested(UserLicensesReleaseRequested request) {
        Optional<Holder> found = rows.lockAll(request.tenantId(), List.of(request.userId())).values().stream().findFirst();
        if (found.isEmpty()) {
            LOG.warnf("Licenses of user %s asked to be released, but licensing has no active such user", request.userId());
            return;
        }
        Holder user = found.get();
        // what the licenses that stay (inherited, purchases) depend on stays too, as Entra keeps a plan another needs
        Set<UUID> needed = dependents.keep(user.licenses(), user.licenses().stream()
                .filter(LicensesAdminsCannotRemove::removableByAdmin).map(LicenseRow::skuId).collect(Collectors.toSet()));
        Map<Boolean, List<LicenseRow>> byAdminRemovable = user.licenses().stream()
                .collect(Collectors.partitioningBy(row -> LicensesAdminsCannotRemove.removableByAdmin(row)
                        && !needed.contains(row.skuId())));
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

    /**
     * The user's purchases, locked before the user ({@link #lockBeforeUser}); one the user got from a purchaser in
     * between is taken without waiting, or the event fails and is tried again, so that no user lock waits for a purchase.
     */
    private void purchasesLockedBeforeUser(DirectoryUser user) {
        rows.lockPurchasesOf(user.userId, false);
    }

    private void freeAll(DirectoryUser user, Instant at, boolean remember) {
        purchasesLockedBeforeUser(user);
        List<LicenseAssignmentRepository.Given> held = rows.heldBy(user.userId);
        rows.remove(user.userId, held.stream().map(given -> given.license().skuId()).toList());
        if (inherited.any(user.userId)) {
            // a deleted user inherits nothing; restored, they inherit again through their groups
            inherited.dropAll(user.userId);
            states.announce(user.tenantId, user.userId, at);
        }
        SeatMoves seatMoves = new SeatMoves();
        for (LicenseAssignmentRepository.Given given : held) {
            LicenseRow assignment = given.license();
            if (assignment.selfServiceSubscriptionId() != null) {
                Subscription purchase = subscriptions.find(assignment.selfServiceSubscriptionId());
                purchase.selfServiceLicenseFreed();
                subscriptions.save(purchase);
            } else {
                seatMoves.release(assignment.skuId());
            }
            if (remember) {
                deletedUsers.remember(DeletedUserLicense.of(user.tenantId, user.userId, assignment, given.assignedAt()));
            }
            // every license goes at once, so no other license keeps Exchange Online for the user
            events.removed(user.ref(), held(assignment), false, RemovalReason.USER_DELETED, null, at);
        }
        audit.changed(user.tenantId, user.userId, user.displayName, user.userPrincipalName,
                audit.held(held.stream().map(LicenseAssignmentRepository.Given::license).toList()), List.of());
        seatMoves.make(seats, user.tenantId);
    }
}
