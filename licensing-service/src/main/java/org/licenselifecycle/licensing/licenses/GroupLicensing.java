package org.licenselifecycle.licensing.licenses;

import org.licenselifecycle.licensing.subscriptions.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.licenselifecycle.events.GroupLicensesChanged;
import org.licenselifecycle.events.GroupMembershipChanged;
import org.licenselifecycle.licensing.licenses.GroupProducts.Inheritance;
import org.licenselifecycle.licensing.licenses.Holder.LicenseRow;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.subscriptions.Seats;
import org.licenselifecycle.licensing.subscriptions.Subscription;
import org.licenselifecycle.support.outbox.Outbox;
import org.licenselifecycle.support.sql.Sql;

/**
 * Group-based licensing, with Entra ID's rules: every member of a group inherits each product the group gives. The
 * same product from a direct assignment and groups, or from several groups, is one license and one seat, which
 * remembers each source; it leaves the user ({@code LicenseRemoved}, cause NO_LONGER_INHERITED) only when no source
 * is left. A member the seats (or the catalog's rules) cannot give it to gets state Error and no license, never an
 * oversold seat: CountViolation, MutuallyExclusiveViolation ({@link HeldLicense#excludes}),
 * ProhibitedInUsageLocationViolation. A license no source gives any more stays while another license of the user depends on
 * it (DependencyViolation, {@link KeptForDependents}); a group gives an add-on only with its prerequisite
 * ({@link AddOnPrerequisites}). A group gives a member all its products or none of those it did not give yet
 * ({@link #finish}): one product in Error puts the group's others in Error too, with no seat taken. Reprocessing tries
 * those again. A license from several sources turns off only the plans every source turns off
 * ({@link OverlappingLicenses}), merged again in {@link #finish} as sources join, leave or change their plans.
 *
 * <p>Every change here (but a restore, {@link #restored}) first takes the tenant's group-licensing lock (a transaction-scoped advisory lock), so that
 * memberships, a group's products and reprocessing apply one after the other and each sees what the previous wrote;
 * then it locks the users it settles in id order and moves seats product by product ({@link #settle}), as every other
 * change of licenses does. Direct changes of licenses do not take the tenant's lock.
 */
@ApplicationScoped
public class GroupLicensing {

    /** The first key of the tenants' group-licensing advisory locks (the second: the tenant id's hash). */
    private static final int GROUP_LICENSING_LOCKS = 0x67727073; // "grps"

    private final GroupMembers members;
    private final GroupProducts groups;
    private final InheritedLicenses inherited;
    private final LicenseAssignmentRepository rows;
    private final LicenseAssignmentStates states;
    private final ProductCatalog catalog;
    private final Seats seats;
    private final LicenseEvents events;
    private final LicenseAudit audit;
    private final Outbox outbox;
    private final Sql sql;
    private final Clock clock;
    private final AddOnPrerequisites prerequisites;
    private final KeptForDependents dependents;
    private final SubscriptionRepository subscriptions;

    GroupLicensing(GroupMembers members, GroupProducts groups, InheritedLicenses inherited,
            LicenseAssignmentRepository rows, LicenseAssignmentStates states, ProductCatalog catalog, Seats seats,
            LicenseEvents events, LicenseAudit audit, Outbox outbox, Sql sql, Clock clock,
            AddOnPrerequisites prerequisites, KeptForDependents dependents, SubscriptionRepository subscriptions) {
        this.subscriptions = subscriptions;
        this.prerequisites = prerequisites;
        this.dependents = dependents;
        this.members = members;
        this.groups = groups;
        this.inherited = inherited;
        this.rows = rows;
        this.states = states;
        this.catalog = catalog;
        this.seats = seats;
        this.events = events;
        this.audit = audit;
        this.outbox = outbox;
        this.sql = sql;
        this.clock = clock;
    }

    /**
     * directory says the user joined or left the group (a snapshot: the latest wins): the user inherits what the group
     * gives, or loses what only it gave. A membership older than the one recorded changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void membershipChanged(GroupMembershipChanged event) {
        lockTenant(event.tenantId());
        groups.named(event.tenantId(), event.groupId(), event.groupDisplayName());
        if (members.record(event.tenantId(), event.groupId(), event.userId(), event.member(), event.changedAt())) {
            settle(event.tenantId(), List.of(event.userId()), event.changedBy());
        }
    }

    /**
     * Graph's group assignLicense: the group gives {@code add} (with the plans turned off for its members) and no
     * longer gives {@code remove}; every member inherits or loses them at once, each as seats allow. All or nothing for
     * the group's products; a member without a seat is left in Error, as in Entra. Announces GroupLicensesChanged.
     *
     * @param groupName the group's name as licensing heard it ({@link UnheardGroups#learn})
     */
    @Transactional
    public GroupLicenses assignLicense(UUID tenantId, UUID actor, UUID groupId, String groupName,
            List<AssignedLicense> add, List<UUID> remove) {
        LicenseChange change = LicenseChange.of(add, remove);
        lockTenant(tenantId);
        List<AssignedLicense> before = groups.givenBy(tenantId, groupId);
        Set<UUID> given = before.stream().map(AssignedLicense::skuId).collect(Collectors.toSet());
        for (AssignedLicense license : change.add()) {
            Product product = catalog.find(license.skuId()).filter(p -> seats.owns(tenantId, p.skuId()))
                    .orElseThrow(() -> LicenseAssignmentRefused.invalidLicense(license.skuId()));
            license.disabledPlans().stream().filter(plan -> !product.hasPlan(plan)).findFirst().ifPresent(plan -> {
                throw LicenseAssignmentRefused.planNotInLicense(plan, product.skuId());
            });
        }
        for (UUID skuId : change.remove()) {
            if (!given.contains(skuId)) {
                throw LicenseAssignmentRefused.groupLacksLicense(skuId);
            }
        }
        prerequisites.checkGroup(before, after(before, change));
        change.add().forEach(license -> groups.give(tenantId, groupId, license));
        change.remove().forEach(skuId -> groups.withdraw(tenantId, groupId, skuId));
        settle(tenantId, members.of(tenantId, groupId), actor);
        List<AssignedLicense> now = groups.givenBy(tenantId, groupId);
        outbox.add(groupId, new GroupLicensesChanged(tenantId, groupId,
                now.stream().map(l -> new GroupLicensesChanged.GroupLicense(l.skuId(), l.disabledPlans())).toList(),
                actor, clock.instant()));
        return new GroupLicenses(groupId, groupName, now);
    }

    /**
     * Graph's reprocessLicenseAssignment on a group: every member's inheritance is decided again, those in Error
     * (e.g. after seats were added) taking a license as seats now allow.
     */
    @Transactional
    public GroupLicenses reprocessGroup(UUID tenantId, UUID actor, UUID groupId, String groupName) {
        lockTenant(tenantId);
        settle(tenantId, members.of(tenantId, groupId), actor);
        return new GroupLicenses(groupId, groupName, groups.givenBy(tenantId, groupId));
    }

    /** Graph's reprocessLicenseAssignment on a user; empty when the tenant has no such active user. */
    @Transactional
    public Optional<UUID> reprocessUser(UUID tenantId, UUID actor, String user) {
        lockTenant(tenantId);
        Optional<UUID> userId = rows.find(tenantId, user).map(Holder::userId);
        userId.ifPresent(id -> settle(tenantId, List.of(id), actor));
        return userId;
    }

    /** The group's products once {@code change} applies. */
    private static List<AssignedLicense> after(List<AssignedLicense> before, LicenseChange change) {
        Map<UUID, AssignedLicense> after = new LinkedHashMap<>();
        before.forEach(license -> after.put(license.skuId(), license));
        change.add().forEach(license -> after.put(license.skuId(), license));
        change.remove().forEach(after::remove);
        return List.copyOf(after.values());
    }

    /** A group's products and name, as Graph's group answers them. */
    public record GroupLicenses(UUID groupId, String displayName, List<AssignedLicense> assignedLicenses) {
    }

    private void lockTenant(UUID tenantId) {
        sql.first("SELECT 1 FROM pg_advisory_xact_lock(?, ?)", row -> 1, GROUP_LICENSING_LOCKS, tenantId.hashCode());
    }

    /**
     * Decides again what each of the users (active ones of the tenant; others are left out) inherits, against what
     * their groups give now: new and Error inheritances are tried, those no group gives any more dropped. Users are
     * locked in id order; products are decided one after the other in product order, each user's seat taken or given
     * back as it is decided, so that seat rows are taken in the one order every change takes them.
     */
    private void settle(UUID tenantId, List<UUID> userIds, UUID actor) {
        if (userIds.isEmpty()) {
            return;
        }
        settle(rows.lockAll(tenantId, userIds).values().stream().map(holder -> new Member(holder, List.of(), actor))
                .toList(), clock.instant());
    }

    /**
     * A restored user (locked by the caller) is a member of their groups again, as Entra ID restores them: they
     * inherit what those groups give now, with the states and errors of any inheritance (all or none per group, never
     * an oversold seat), beside the licenses the restore gives back (direct ones and purchases), which are given and
     * announced here first, in their order. The seats of those given back from the products' seats ({@code fromSeats})
     * are taken here with the groups' seats, in the one product order every change takes them ({@link #settle}); one
     * without a seat left does not come back ({@link Restored#noSeat}). One audit entry for the whole restore.
     *
     * <p>Unlike the other changes here, it does not take the tenant's group-licensing lock: the user's lock, taken
     * before (directory's events lock the user first), is the one every group change also takes to settle them, so
     * they take turns on it; taking the tenant's lock after the user's would wait in a cycle with a group change.
     *
     * @param user the user as before the restore, holding nothing
     * @param givenBack what the restore gives back, each with its direct plans
     * @param fromSeats the products of {@code givenBack} that take a seat of the product (not a purchase's license)
     * @return the licenses the user holds now, by product, and those of {@code fromSeats} that found no seat
     */
    @Transactional(Transactional.TxType.MANDATORY)
    Restored restored(Holder user, List<LicenseRow> givenBack, Set<UUID> fromSeats, Instant now) {
        Member member = new Member(user, givenBack, null);
        member.backFromSeats.addAll(fromSeats);
        settle(List.of(member), now);
        return new Restored(member.held, Set.copyOf(member.noSeat));
    }

    /**
     * A subscription's deletion took licenses (their seats gone with it) from these users, locked by the caller: each is
     * settled again, as Entra ID processes a group whose product has no licenses left: the group still gives it, the
     * member's state Error with CountViolation (the group's other products they hold ActiveWithError, an add-on left
     * without its prerequisite ActiveWithError with DependencyViolation), Active again once licenses exist and the
     * member is reprocessed. Like a restore it takes no tenant lock: the users' locks, taken first, are the ones a group
     * change also takes to settle them.
     *
     * <p>Settling them may take or give back seats of their groups' other products, some of which come before the
     * deleted one in product order, whose seat row the deletion moved first; so the caller locks every seat row of the
     * tenant in product order before it moves any ({@link SeatMoves#lockAll}), and the order is the one of every
     * change: users in id order, then seat rows by product. A deletion that loses a deadlock all the same is rolled
     * back whole, and the subscription life job deletes the subscription on its next run.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void licensesTaken(UUID tenantId, List<UUID> userIds, Instant now) {
        if (!userIds.isEmpty()) {
            settle(rows.lockAll(tenantId, userIds).values().stream().map(user -> new Member(user, List.of(), null))
                    .toList(), now);
        }
    }

    /** What a restore left the user holding, by product, and the products given back directly that found no seat. */
    record Restored(Map<UUID, LicenseRow> held, Set<UUID> noSeat) {
    }

    private void settle(List<Member> all, Instant now) {
        TreeMap<UUID, List<Member>> byProduct = new TreeMap<>(SeatMoves.PRODUCT_ORDER);
        for (Member member : all) {
            member.products().forEach(skuId -> byProduct.computeIfAbsent(skuId, s -> new ArrayList<>()).add(member));
        }
        byProduct.forEach((skuId, affected) -> affected.forEach(member -> decide(member, skuId, now)));
        for (Member member : all) {
            finish(member, now);
            Holder user = member.original;
            if (member.changed || !member.givenBack.isEmpty()) {
                audit.changed(user, audit.held(user.licenses()), audit.held(member.held.values()));
            }
            if (member.changed || user.hasGroupStates() || !member.meant.isEmpty()) {
                states.announce(user.tenantId(), user.userId(), now);
            }
        }
    }

    /**
     * What the member inherits of one product, decided from what they hold and what their groups give. A product the
     * member does not hold yet is only tried here (its seat taken, or its error noted against each group giving it);
     * {@link #finish} gives it once every product is decided, since a group gives a member all its products or none.
     */
    private void decide(Member member, UUID skuId, Instant now) {
        Holder user = member.original;
        List<Inheritance> meant = member.meant.stream().filter(i -> i.license().skuId().equals(skuId)).toList();
        Set<UUID> meantGroups = meant.stream().map(Inheritance::groupId).collect(Collectors.toSet());
        List<InheritedState> was = member.was.stream().filter(s -> s.skuId().equals(skuId)).toList();
        if (member.backFromSeats.contains(skuId) && !seats.take(user.tenantId(), skuId, 1)) {
            // a restore's direct license takes its seat here, in product order with the groups' seats
            member.held.remove(skuId);
            member.noSeat.add(skuId);
        }
        LicenseRow held = member.held.get(skuId);
        if (held != null && meant.isEmpty() && member.keptForDependents().contains(skuId)) {
            // Entra does not remove it while a license from another source depends on it: held, its groups in Error
            was.forEach(s -> {
                if (s.active() || s.keepsLicense()) {
                    member.mark(s.groupId(), skuId, InheritedState.ERROR, InheritedState.DEPENDENCY_VIOLATION, now);
                } else {
                    inherited.drop(user.userId(), s.groupId(), skuId);
                }
            });
            return;
        }
        was.stream().filter(s -> !meantGroups.contains(s.groupId()))
                .forEach(s -> inherited.drop(user.userId(), s.groupId(), skuId));
        Map<UUID, InheritedState> wasByGroup = was.stream()
                .collect(Collectors.toMap(InheritedState::groupId, s -> s));

        if (held != null) {
            if (meant.isEmpty() && !held.direct()) {
                // the last group that gave it is gone, and no direct assignment holds it: the license goes
                Product product = catalog.find(skuId).orElseThrow();
                HeldLicense lost = new HeldLicense(product, held.disabledPlans());
                member.held.remove(skuId);
                rows.remove(user.userId(), List.of(skuId));
                seats.release(user.tenantId(), skuId, 1);
                UUID group = was.stream().filter(InheritedState::active).map(InheritedState::groupId).findFirst()
                        .orElse(held.assignedByGroup());
                events.noLongerInherited(user.ref(), lost, member.holdsExchangeOnline(), group, member.actor, now);
                member.changed = true;
                return;
            }
            // held already (directly, or from another group): each group giving it is one more source, no seat; a new
            // source becomes Active in finish, unless its group fails the member on another product
            for (Inheritance inheritance : meant) {
                InheritedState before = wasByGroup.get(inheritance.groupId());
                if (before == null || !before.active()) {
                    member.newSources.add(inheritance);
                }
            }
            // its plans are merged again from its sources in finish, once their states are known
            return;
        }
        if (meant.isEmpty()) {
            return;
        }
        Inheritance first = meant.get(0);
        Product product = catalog.find(skuId).orElseThrow();
        HeldLicense license = new HeldLicense(product,
                OverlappingLicenses.disabledPlans(meant.stream().map(i -> i.license().disabledPlans()).toList()));
        String error = whyNot(member, license);
        if (error == null && !seats.take(user.tenantId(), skuId, 1)) {
            error = InheritedState.COUNT_VIOLATION;
        }
        if (error != null) {
            for (Inheritance inheritance : meant) {
                member.failed.putIfAbsent(inheritance.groupId(), error);
                member.errors.add(new Failure(inheritance.groupId(), skuId, error));
            }
            return;
        }
        // tried: the seat is the member's until finish, and the mutual exclusion of later products sees it
        member.held.put(skuId, new LicenseRow(skuId, license.disabledPlans(), null, first.groupId(), false));
        member.tried.put(skuId, meant);
    }

    /**
     * Applies, once every product is decided, Entra's all-or-nothing rule: "If Microsoft Entra ID can't assign one of
     * the products because of business logic problems, it won't assign the other licenses in the group either." A
     * group that failed the member on one product gives them none it did not give before: each of its products is in
     * Error with the failing product's error (Entra reports the problem per user and group, so every product of the
     * group says why the group could not be applied; the first failing product's error, in product order, when several
     * fail). A tried product no other group gives is not given and its seat goes back; one another group gives is
     * given from that group. What a group already gave the member stays, ActiveWithError with the group's error (a new
     * product of the group that the member cannot get takes no working license away), and what they hold directly or
     * from other groups stays as it was. Reprocessing tries the whole group again.
     */
    private void finish(Member member, Instant now) {
        Holder user = member.original;
        for (Failure failure : member.errors) {
            member.mark(failure.groupId(), failure.skuId(), InheritedState.ERROR, failure.error(), now);
        }
        for (Inheritance source : member.newSources) {
            String error = member.failed.get(source.groupId());
            member.mark(source.groupId(), source.license().skuId(), error == null ? InheritedState.ACTIVE
                    : InheritedState.ERROR, error == null ? InheritedState.NONE : error, now);
        }
        Map<UUID, UUID> giving = new LinkedHashMap<>();
        member.tried.forEach((skuId, from) -> {
            from.stream().filter(i -> member.failed.containsKey(i.groupId())).forEach(i -> member.mark(i.groupId(),
                    skuId, InheritedState.ERROR, member.failed.get(i.groupId()), now));
            List<Inheritance> left = from.stream().filter(i -> !member.failed.containsKey(i.groupId())).toList();
            left.forEach(i -> member.mark(i.groupId(), skuId, InheritedState.ACTIVE, InheritedState.NONE, now));
            if (left.isEmpty()) {
                member.held.remove(skuId);
                seats.release(user.tenantId(), skuId, 1);
            } else {
                giving.put(skuId, left.get(0).groupId());
            }
        });
        // each license held turns off what all its sources (direct, groups holding it) turn off, as they are now
        Map<UUID, LicenseRow> replans = new LinkedHashMap<>();
        for (LicenseRow row : List.copyOf(member.held.values())) {
            List<List<UUID>> sources = new ArrayList<>();
            if (row.direct()) {
                sources.add(row.directDisabledPlans());
            }
            member.activeSources(row.skuId()).forEach(i -> sources.add(i.license().disabledPlans()));
            List<UUID> plans = sources.isEmpty() ? row.disabledPlans() : OverlappingLicenses.disabledPlans(sources);
            member.held.put(row.skuId(), row.withDisabledPlans(plans));
            if (!giving.containsKey(row.skuId()) && !member.givesBack(row.skuId())
                    && !OverlappingLicenses.same(plans, row.disabledPlans())) {
                replans.put(row.skuId(), row);
            }
        }
        // a plan another license of the user still needs is not turned off (Entra's DependencyViolation): the license
        // keeps its plans, and the groups holding it say ActiveWithError until the member is reprocessed
        Set<UUID> keptPlans = dependents.keepPlans(member.held.values(), replans);
        keptPlans.forEach(skuId -> member.held.put(skuId, replans.remove(skuId)));
        List<UUID> replanned = new ArrayList<>();
        replans.keySet().forEach(skuId -> {
            // a change of plans is announced as a direct one is (turning Exchange off takes the mailbox's license)
            rows.update(user.userId(), member.held.get(skuId));
            replanned.add(skuId);
            member.changed = true;
        });
        // an add-on held from a group whose prerequisite is gone (a subscription's deletion took it) says so; a group
        // gives an add-on only with its prerequisite, so only a group that failed the member can hold one without it
        Set<UUID> withoutPrerequisite = Set.of();
        if (!member.failed.isEmpty()) {
            Map<UUID, HeldLicense> heldNowByProduct = new LinkedHashMap<>();
            member.held.values().forEach(row -> heldNowByProduct.put(row.skuId(), held(row)));
            withoutPrerequisite = prerequisites.lacking(heldNowByProduct, member.held.keySet().stream()
                    .filter(sku -> !member.activeSources(sku).isEmpty()).toList());
        }
        markHolding(member, keptPlans, withoutPrerequisite, now);
        // what the restore would give back without a prerequisite it needs does not come back, as a direct
        // assignment of it would be refused: its seat (or its purchase's license) is given back
        Map<UUID, HeldLicense> heldNow = new LinkedHashMap<>();
        member.held.values().forEach(row -> heldNow.put(row.skuId(), held(row)));
        Set<UUID> lacking = member.givenBack.isEmpty() ? Set.of() : prerequisites.lacking(heldNow,
                member.givenBack.stream().map(LicenseRow::skuId).filter(sku -> member.activeSources(sku).isEmpty())
                        .toList());
        for (UUID skuId : lacking) {
            LicenseRow notBack = member.held.remove(skuId);
            if (notBack.selfServiceSubscriptionId() != null) {
                Subscription purchase = subscriptions.find(notBack.selfServiceSubscriptionId());
                purchase.selfServiceLicenseFreed();
                subscriptions.save(purchase);
            } else {
                seats.release(user.tenantId(), skuId, 1);
            }
        }
        // given once the seats of those not given are back and every plan is known, so that each LicenseAssigned
        // says what the user holds: what the restore gives back first, then the plans changed, then the groups' new
        for (LicenseRow back : member.givenBack) {
            LicenseRow given = member.held.get(back.skuId());
            if (given == null) {
                continue; // not given back: no seat, or lacking its prerequisite
            }
            rows.give(user.tenantId(), user.userId(), given, now, member.actor);
            events.assigned(user.ref(), held(given), given.assignedByGroup(), member.holdsExchangeOnline(),
                    member.actor, now);
        }
        for (UUID skuId : replanned) {
            LicenseRow changed = member.held.get(skuId);
            // the group it is inherited from now (the first, as assignedByGroup shows it); none once only direct
            UUID group = member.activeSources(skuId).stream().map(Inheritance::groupId).findFirst().orElse(null);
            events.assigned(user.ref(), held(changed), group, member.holdsExchangeOnline(), member.actor, now);
        }
        giving.forEach((skuId, group) -> {
            LicenseRow given = member.held.get(skuId);
            rows.give(user.tenantId(), user.userId(), given, now, member.actor);
            events.assigned(user.ref(), held(given), group, member.holdsExchangeOnline(), member.actor, now);
            member.changed = true;
        });
    }

    /**
     * The state of each group that holds a license of the member (Active or ActiveWithError) after this settling:
     * ActiveWithError with DependencyViolation when the license keeps a plan the group turns off ({@code keptPlans}) or
     * lacks the prerequisite its plan needs ({@code withoutPrerequisite}: {@link AddOnPrerequisites#lacking}),
     * ActiveWithError with the group's failure when the group failed the member on another of its products (the licenses
     * it gave before stay: "it won't assign the other licenses in the group either" takes no working one away), else
     * Active. Reprocessing decides them again.
     */
    private static void markHolding(Member member, Set<UUID> keptPlans, Set<UUID> withoutPrerequisite, Instant now) {
        for (Inheritance source : member.meant) {
            UUID skuId = source.license().skuId();
            if (!member.held.containsKey(skuId)
                    || !InheritedState.holds(member.statesNow.get(List.of(source.groupId(), skuId)))) {
                continue;
            }
            String failure = member.failed.get(source.groupId());
            if (keptPlans.contains(skuId) || withoutPrerequisite.contains(skuId)) {
                member.mark(source.groupId(), skuId, InheritedState.ACTIVE_WITH_ERROR,
                        InheritedState.DEPENDENCY_VIOLATION, now);
            } else if (failure != null) {
                member.mark(source.groupId(), skuId, InheritedState.ACTIVE_WITH_ERROR, failure, now);
            } else {
                member.mark(source.groupId(), skuId, InheritedState.ACTIVE, InheritedState.NONE, now);
            }
        }
    }

    /** A product the member could not inherit from a group, and why. */
    private record Failure(UUID groupId, UUID skuId, String error) {
    }

    /** Why the member cannot inherit the license, seats aside; null when they can. */
    private String whyNot(Member member, HeldLicense license) {
        if (!member.original.hasValidUsageLocation()) {
            return InheritedState.USAGE_LOCATION_VIOLATION;
        }
        boolean excluded = member.held.values().stream().map(this::held).anyMatch(license::excludes);
        return excluded ? InheritedState.MUTUALLY_EXCLUSIVE_VIOLATION : null;
    }

    private HeldLicense held(LicenseRow row) {
        return new HeldLicense(catalog.find(row.skuId()).orElseThrow(), row.disabledPlans());
    }

    /** One user being settled: as locked, what their groups mean them to inherit, what they did, what they hold now. */
    private final class Member {

        final Holder original;
        final List<Inheritance> meant;
        final List<InheritedState> was;
        final Map<UUID, LicenseRow> held = new LinkedHashMap<>();
        final UUID actor;
        /** The groups that failed the member in this settling, with the first error. */
        final Map<UUID, String> failed = new LinkedHashMap<>();
        final List<Failure> errors = new ArrayList<>();
        /** Products tried (seat taken, not given yet), with the groups that would give them. */
        final Map<UUID, List<Inheritance>> tried = new LinkedHashMap<>();
        /** Groups becoming one more source of a product the member holds already. */
        final List<Inheritance> newSources = new ArrayList<>();
        /** What a restore gives back (direct, purchases), not written yet; empty otherwise. */
        final List<LicenseRow> givenBack;
        /** The products of {@link #givenBack} that take a seat of the product when decided; those that found none. */
        final Set<UUID> backFromSeats = new TreeSet<>(SeatMoves.PRODUCT_ORDER);
        final Set<UUID> noSeat = new TreeSet<>(SeatMoves.PRODUCT_ORDER);
        /** The member's state of each product from each group, as this settling leaves it. */
        final Map<List<UUID>, String> statesNow = new LinkedHashMap<>();
        /** The states (with their errors) this settling marked, so that each is written once. */
        private final Map<List<UUID>, String> marked = new LinkedHashMap<>();
        boolean changed;
        private Set<UUID> keptForDependents;

        /** The user as locked (with what they hold), and what a restore gives them back besides. */
        Member(Holder original, List<LicenseRow> givenBack, UUID actor) {
            this.original = original;
            this.meant = groups.meantFor(original.userId());
            this.was = inherited.of(original.userId());
            this.givenBack = List.copyOf(givenBack);
            this.actor = actor;
            original.licenses().forEach(row -> held.put(row.skuId(), row));
            givenBack.forEach(row -> held.put(row.skuId(), row));
            was.forEach(s -> statesNow.put(List.of(s.groupId(), s.skuId()), s.state()));
        }

        /** Records the member's state of the product from the group, when it is not that already. */
        void mark(UUID groupId, UUID skuId, String state, String error, Instant now) {
            if ((state + " " + error).equals(marked.put(List.of(groupId, skuId), state + " " + error))) {
                return; // marked so already in this settling
            }
            statesNow.put(List.of(groupId, skuId), state);
            boolean same = was.stream().anyMatch(s -> s.groupId().equals(groupId) && s.skuId().equals(skuId)
                    && s.state().equals(state) && error.equals(s.error()));
            if (!same) {
                inherited.put(original.tenantId(), original.userId(), groupId, skuId, state, error, now);
                changed = true;
            }
        }

        /**
         * The products held from groups alone that no group gives any more but that stay, since another license the
         * member holds depends on them; decided once, from what the member held when locked.
         */
        Set<UUID> keptForDependents() {
            if (keptForDependents == null) {
                Set<UUID> meantProducts = meant.stream().map(i -> i.license().skuId()).collect(Collectors.toSet());
                keptForDependents = dependents.keep(original.licenses(), original.licenses().stream()
                        .filter(row -> !row.direct() && !meantProducts.contains(row.skuId())).map(LicenseRow::skuId)
                        .collect(Collectors.toSet()));
            }
            return keptForDependents;
        }

        boolean givesBack(UUID skuId) {
            return givenBack.stream().anyMatch(row -> row.skuId().equals(skuId));
        }

        /** The groups giving the member the product now that hold it (Active, ActiveWithError): its group sources. */
        List<Inheritance> activeSources(UUID skuId) {
            return meant.stream().filter(i -> i.license().skuId().equals(skuId))
                    .filter(i -> InheritedState.holds(statesNow.get(List.of(i.groupId(), skuId)))).toList();
        }

        /** The products to decide: those meant, those inherited before, and those held only through groups. */
        Set<UUID> products() {
            Set<UUID> products = new TreeSet<>(SeatMoves.PRODUCT_ORDER);
            meant.forEach(i -> products.add(i.license().skuId()));
            was.forEach(s -> products.add(s.skuId()));
            held.values().stream().filter(row -> !row.direct()).forEach(row -> products.add(row.skuId()));
            products.addAll(backFromSeats);
            return products;
        }

        boolean holdsExchangeOnline() {
            return held.values().stream().map(GroupLicensing.this::held).anyMatch(HeldLicense::grantsExchangeOnline);
        }
    }
}
