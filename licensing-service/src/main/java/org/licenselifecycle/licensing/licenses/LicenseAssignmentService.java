package org.licenselifecycle.licensing.licenses;

import org.licenselifecycle.licensing.subscriptions.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.licensing.licenses.Holder.LicenseRow;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.subscriptions.Seats;
import org.licenselifecycle.licensing.users.AsksDirectoryWhenUnheard;
import org.licenselifecycle.licensing.users.UserNotHeardOf;
import org.licenselifecycle.licensing.users.UserRef;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * Assigns and removes a user's licenses with Graph's rules. One call is all or nothing: every check runs
 * and every seat moves inside one transaction, and any refusal rolls all of it back. Each license added
 * announces LicenseAssigned and each removed LicenseRemoved, through the outbox of that transaction.
 */
@ApplicationScoped
public class LicenseAssignmentService {

    private final LicenseAssignmentRepository rows;
    private final ProductCatalog catalog;
    private final Seats seats;
    private final LicenseEvents events;
    private final LicenseAudit audit;
    private final Clock clock;
    private final LicenseChangeMetrics metrics;
    private final LicenseAssignmentStates states;
    private final AddOnPrerequisites prerequisites;
    private final KeptForDependents dependents;
    private final InheritedLicenses inherited;
    private final SubscriptionRepository subscriptions;

    LicenseAssignmentService(LicenseAssignmentRepository rows, ProductCatalog catalog, Seats seats, LicenseEvents events,
            LicenseAudit audit, Clock clock, LicenseChangeMetrics metrics, LicenseAssignmentStates states,
            AddOnPrerequisites prerequisites, KeptForDependents dependents, InheritedLicenses inherited, SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
        this.prerequisites = prerequisites;
        this.dependents = dependents;
        this.states = states;
        this.inherited = inherited;
        this.metrics = metrics;
        this.rows = rows;
        this.catalog = catalog;
        this.seats = seats;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Graph's assignLicense: adds {@code add} and removes {@code remove} for the user of {@code tenantId}
     * named by id or userPrincipalName. A user created a moment ago, whose UserCreated has not arrived yet, is
     * asked of directory-service first ({@link AsksDirectoryWhenUnheard}).
     *
     * @param actor the admin's object id, recorded as who assigned or removed
     */
    @Transactional
    @AsksDirectoryWhenUnheard
    public UserLicenses assignLicense(UUID tenantId, UUID actor, String user, List<AssignedLicense> add,
            List<UUID> remove) {
        LicenseChange change = LicenseChange.of(add, remove);
        Set<LicenseChangeMetrics.Operation> operations = LicenseChangeMetrics.of(change);
        try {
            Holder holder = rows.lock(tenantId, user).orElseThrow(() -> new UserNotHeardOf(tenantId, user));
            SeatMoves seatMoves = new SeatMoves();
            UserLicenses changed = apply(holder, actor, change, seatMoves);
            metrics.succeededAtCommit(operations);
            finish(tenantId, seatMoves);
            return changed;
        } catch (UserNotHeardOf unheard) {
            throw unheard; // not refused yet: directory-service is asked, and the change tried again
        } catch (GraphException refused) {
            metrics.refused(operations);
            throw refused;
        }
    }

    /**
     * Removes from each of {@code users} of {@code tenantId}, which the caller locked together
     * ({@link LicenseAssignmentRepository#lockAll}) and checked with its own rules, the products {@code remove}
     * names for them, with assignLicense's rules. The seats move once, at the end, in product order.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void unassign(UUID tenantId, Collection<Holder> users, UUID actor, Function<Holder, List<UUID>> remove) {
        change(tenantId, users, actor, user -> LicenseChange.of(List.of(), remove.apply(user)));
    }

    /**
     * Gives each of {@code users} of {@code tenantId}, locked together and checked by the caller as for
     * {@link #unassign}, the licenses {@code add}, with assignLicense's rules: seats taken at the end, in product
     * order, all of them or none (a product with fewer seats available than users refuses the whole change).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void assign(UUID tenantId, Collection<Holder> users, UUID actor, List<AssignedLicense> add) {
        change(tenantId, users, actor, user -> LicenseChange.of(add, List.of()));
    }

    /** The one way a change of several users' licenses runs: each user's change, then every seat at once. */
    private void change(UUID tenantId, Collection<Holder> users, UUID actor, Function<Holder, LicenseChange> change) {
        SeatMoves seatMoves = new SeatMoves();
        Set<LicenseChangeMetrics.Operation> operations = EnumSet.noneOf(LicenseChangeMetrics.Operation.class);
        try {
            for (Holder user : users) {
                LicenseChange userChange = change.apply(user);
                operations.addAll(LicenseChangeMetrics.of(userChange));
                try {
                    apply(user, actor, userChange, seatMoves);
                } catch (PrerequisiteMissing refused) {
                    throw refused.of(user); // one of several users: the refusal names them
                }
            }
            metrics.succeededAtCommit(operations);
            finish(tenantId, seatMoves);
        } catch (GraphException refused) {
            metrics.refused(operations);
            throw refused;
        }
    }

    /**
     * Seats last: a product's seat row is shared by every assignment of it in the tenant and stays locked
     * until commit, so everything else is written first and the lock is held only until the commit after.
     * The writes queued before travel in the seat move's round trip; a change of disabled plans alone moves
     * no seat, and its write goes with the commit. Callers do all their other work (the answer, the success
     * counted at commit) before, so that only the return to the commit lies between the seat move and the commit.
     */
    private void finish(UUID tenantId, SeatMoves seatMoves) {
        seatMoves.make(seats, tenantId);
    }

    private UserLicenses apply(Holder holder, UUID actor, LicenseChange change, SeatMoves seatMoves) {
        UUID tenantId = holder.tenantId();
        // the user's states from groups, read once for the whole change (a user without groups has none: no read)
        List<InheritedState> groupStates = holder.hasGroupStates() ? new ArrayList<>(inherited.of(holder.userId()))
                : new ArrayList<>();
        Map<UUID, LicenseRow> held = new LinkedHashMap<>();
        holder.licenses().forEach(row -> held.put(row.skuId(), row));

        List<HeldLicense> added = new ArrayList<>();
        for (AssignedLicense license : change.add()) {
            Product product = catalog.find(license.skuId())
                    .orElseThrow(() -> LicenseAssignmentRefused.invalidLicense(license.skuId()));
            if (!seats.owns(tenantId, product.skuId())) {
                throw subscriptions.managedByPurchaser(tenantId, product.skuId()).stream().findFirst()
                        .<GraphException>map(purchase -> new SelfServicePurchaseRefused(product, purchase))
                        .orElseGet(() -> LicenseAssignmentRefused.invalidLicense(license.skuId()));
            }
            LicenseRow existing = held.get(product.skuId());
            if (existing != null && existing.selfServiceSubscriptionId() != null) {
                throw new SelfServicePurchaseRefused(product, subscriptions.find(existing.selfServiceSubscriptionId()));
            }
            license.disabledPlans().stream()
                    .filter(plan -> !product.hasPlan(plan))
                    .findFirst()
                    .ifPresent(plan -> {
                        throw LicenseAssignmentRefused.planNotInLicense(plan, product.skuId());
                    });
            added.add(new HeldLicense(product, license.disabledPlans()));
        }
        if (!added.isEmpty() && !holder.hasValidUsageLocation()) {
            throw LicenseAssignmentRefused.invalidUsageLocation();
        }
        List<HeldLicense> removed = new ArrayList<>();
        List<UUID> undirected = new ArrayList<>();
        for (UUID skuId : change.remove()) {
            LicenseRow assignment = held.get(skuId);
            if (assignment == null) {
                throw LicenseAssignmentRefused.userLacksLicense();
            }
            if (assignment.selfServiceSubscriptionId() != null) {
                throw new SelfServicePurchaseRefused(catalog.find(skuId).orElseThrow(),
                        subscriptions.find(assignment.selfServiceSubscriptionId()));
            }
            if (assignment.assignedByGroup() != null) {
                if (!assignment.direct()) {
                    throw LicenseAssignmentRefused.inheritedFromGroup();
                }
                // assigned directly and inherited: the direct assignment goes, the license stays with its group
                undirected.add(skuId);
                continue;
            }
            removed.add(held(assignment));
        }

        Instant now = clock.instant();
        removed.forEach(license -> {
            held.remove(license.product().skuId());
            seatMoves.release(license.product().skuId());
        });
        rows.remove(holder.userId(), removed.stream().map(license -> license.product().skuId()).toList());
        // each product whose sources change: the license's plans are merged again from what is left
        List<UUID> replanned = new ArrayList<>();
        for (UUID skuId : undirected) {
            LicenseRow existing = held.get(skuId);
            LicenseRow groupsOnly = plansOf(groupStates, existing.undirected());
            rows.update(holder.userId(), groupsOnly);
            held.put(skuId, groupsOnly);
            if (!OverlappingLicenses.same(existing.disabledPlans(), groupsOnly.disabledPlans())) {
                replanned.add(skuId);
            }
        }
        for (HeldLicense license : added) {
            UUID skuId = license.product().skuId();
            LicenseRow existing = held.get(skuId);
            if (existing == null) {
                LicenseRow given = new LicenseRow(skuId, license.disabledPlans(), null, null);
                rows.give(tenantId, holder.userId(), given, now, actor);
                held.put(skuId, given);
                seatMoves.take(skuId);
                replanned.add(skuId);
                continue;
            }
            // a license the user already has (directly, or inherited only: a direct assignment joins the group's on
            // the same license and seat): no seat is taken, and only a change of its plans is announced
            LicenseRow changed = plansOf(groupStates, existing.asDirect(license.disabledPlans()));
            if (changed.direct() != existing.direct()
                    || !OverlappingLicenses.same(changed.directDisabledPlans(), existing.directDisabledPlans())
                    || !OverlappingLicenses.same(changed.disabledPlans(), existing.disabledPlans())) {
                rows.update(holder.userId(), changed);
                held.put(skuId, changed);
            }
            if (!OverlappingLicenses.same(existing.disabledPlans(), changed.disabledPlans())) {
                replanned.add(skuId);
            }
        }
        // a license kept from a group only because another depended on it goes once nothing does (the users with groups)
        List<KeptForDependents.Released> released = holder.hasGroupStates()
                ? dependents.noLongerNeeded(holder.userId(), held, groupStates) : List.of();
        released.forEach(kept -> {
            held.remove(kept.license().skuId());
            seatMoves.release(kept.license().skuId());
        });
        rows.remove(holder.userId(), released.stream().map(kept -> kept.license().skuId()).toList());
        // so does a plan a group turns off but that stayed on for a dependent: the group's plans apply, its state Active
        List<LicenseRow> plansReleased = holder.hasGroupStates() ? dependents.plansNoLongerNeeded(tenantId,
                holder.userId(), held, groupStates, row -> plansOf(groupStates, row), now) : List.of();
        plansReleased.forEach(row -> {
            rows.update(holder.userId(), row);
            replanned.add(row.skuId());
        });

        List<HeldLicense> before = audit.held(holder.licenses());
        List<HeldLicense> after = held.values().stream().map(this::held).toList();
        prerequisites.checkUser(before, after);
        boolean exchangeRetained = after.stream().anyMatch(HeldLicense::grantsExchangeOnline);
        UserRef user = holder.ref();
        removed.forEach(license -> events.removed(user, license, exchangeRetained, RemovalReason.UNASSIGNED, actor, now));
        released.forEach(kept -> events.noLongerInherited(user, held(kept.license()), exchangeRetained, kept.groupId(),
                actor, now));
        // a group's license whose disabled plans changed stays the group's
        replanned.stream().distinct().map(held::get).forEach(row -> events.assigned(user, held(row),
                row.assignedByGroup(), exchangeRetained, actor, now));
        audit.changed(holder, before, after);
        if (holder.hasGroupStates() || held.values().stream().anyMatch(row -> row.assignedByGroup() != null)) {
            // only users with groups: the others' states are their direct assignments, and cost no read here
            states.announce(tenantId, holder.userId(), now, groupStates);
        }
        return licenses(holder, after);
    }

    /** The licenses a user of {@code tenantId} holds (Graph's licenseDetails). */
    @Transactional
    @AsksDirectoryWhenUnheard
    public UserLicenses licensesOf(UUID tenantId, String user) {
        Holder holder = rows.find(tenantId, user).orElseThrow(() -> new UserNotHeardOf(tenantId, user));
        return licenses(holder, holder.licenses().stream().map(this::held).toList());
    }

    /**
     * The license with the plans its sources leave turned off ({@link OverlappingLicenses}): its direct assignment's
     * and those of the groups it is inherited from ({@code groupStates}: the user's, as the change read them).
     */
    private static LicenseRow plansOf(List<InheritedState> groupStates, LicenseRow license) {
        List<List<UUID>> sources = new ArrayList<>();
        if (license.direct()) {
            sources.add(license.directDisabledPlans());
        }
        if (license.assignedByGroup() != null) {
            groupStates.stream().filter(s -> s.active() && s.skuId().equals(license.skuId()))
                    .forEach(s -> sources.add(s.disabledPlans()));
        }
        return sources.isEmpty() ? license : license.withDisabledPlans(OverlappingLicenses.disabledPlans(sources));
    }

    private HeldLicense held(LicenseRow assignment) {
        return new HeldLicense(catalog.find(assignment.skuId()).orElseThrow(), assignment.disabledPlans());
    }

    private static UserLicenses licenses(Holder user, List<HeldLicense> held) {
        return new UserLicenses(user.userId(), user.displayName(), user.userPrincipalName(), user.usageLocation(), held);
    }
}
