package org.licenselifecycle.licensing.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.licenselifecycle.contract.audit.Activity;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.users.DirectoryUser;
import org.licenselifecycle.licensing.users.DirectoryUserRepository;
import org.licenselifecycle.licensing.users.UserRows;
import org.licenselifecycle.support.audit.AuditTargets;

/**
 * Buying, changing and cancelling subscriptions, and reading what a tenant owns. A subscription admins can
 * assign from adds its licenses to its product's seats; reducing or cancelling never goes below what is
 * assigned.
 */
@ApplicationScoped
public class SubscriptionService {

    /** Upper bound per subscription, far above any real purchase, so totals stay within Graph's int32. */
    static final int MAX_LICENSES = 1_000_000;

    private final ProductCatalog catalog;
    private final Seats seats;
    private final PurchaseLicenses purchaseLicenses;
    private final SubscriptionsConfig config;
    private final Clock clock;
    private final UserRows users;
    private final SubscriptionLife life;
    private final SubscriptionAudit audit;
    private final SubscriptionRepository subscriptions;
    private final DirectoryUserRepository directoryUsers;

    SubscriptionService(ProductCatalog catalog, Seats seats, PurchaseLicenses purchaseLicenses, SubscriptionsConfig config,
            Clock clock, UserRows users, SubscriptionLife life, SubscriptionAudit audit, SubscriptionRepository subscriptions,
            DirectoryUserRepository directoryUsers) {
        this.subscriptions = subscriptions;
        this.directoryUsers = directoryUsers;
        this.users = users;
        this.life = life;
        this.audit = audit;
        this.catalog = catalog;
        this.seats = seats;
        this.purchaseLicenses = purchaseLicenses;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Buys for the tenant, or, for a self-service purchase, as the buyer themselves (see {@link Buyer}); a
     * caller who may not make the purchase is refused before anything else is looked at.
     */
    @Transactional
    public SubscriptionView buy(UUID tenantId, Buyer buyer, NewSubscription request) {
        PurchaseChannel channel = request == null || request.boughtBy() == null ? PurchaseChannel.ADMIN : request.boughtBy();
        DirectoryUser purchaser = null;
        if (channel == PurchaseChannel.SELF_SERVICE) {
            buyer.requireBuysForThemselves(request.purchaser());
            purchaser = users.find(tenantId, buyer.objectId().toString())
                    .flatMap(directoryUsers::find).orElseThrow(GraphException::forbidden);
        } else {
            buyer.requireMayBuyForTheTenant();
        }
        if (request == null) {
            throw GraphException.badRequest("The request body must be a subscription: {\"skuId\": GUID, \"licenses\": number}.");
        }
        if (request.skuId() == null) {
            throw GraphException.badRequest("Property 'skuId' is required.");
        }
        if (request.licenses() == null || request.licenses() < 1 || request.licenses() > MAX_LICENSES) {
            throw GraphException.badRequest("Property 'licenses' must be a whole number from 1 to " + MAX_LICENSES + ".");
        }
        Product product = catalog.find(request.skuId()).orElseThrow(() -> GraphException.badRequest(
                "Product " + request.skuId() + " is not in the catalog."));
        if (channel != PurchaseChannel.SELF_SERVICE && (request.purchaser() != null || request.assignTo() != null)) {
            throw GraphException.badRequest("Only a self-service purchase has a purchaser who assigns its licenses.");
        }
        Instant now = clock.instant();
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.tenantId = tenantId;
        subscription.skuId = product.skuId();
        subscription.licenses = request.licenses();
        subscription.status = request.status() == null ? SubscriptionStatus.Enabled : request.status();
        subscription.createdAt = now;
        subscription.trial = Boolean.TRUE.equals(request.trial());
        subscription.boughtBy = channel;
        if (purchaser != null) {
            subscription.purchaserId = purchaser.userId;
            subscription.purchaserName = purchaser.displayName;
        }
        subscription.productKind = request.productKind() == null ? ProductKind.SUBSCRIPTION : request.productKind();
        if (subscription.productKind == ProductKind.PERPETUAL_SOFTWARE) {
            // bought once: nothing renews, nothing to bill again, nothing to cancel
            subscription.recurringBilling = false;
            subscription.nextLifecycleAt = null;
            subscription.cancellationWindowEndsAt = null;
        } else {
            subscription.recurringBilling = request.recurringBilling() == null || request.recurringBilling();
            subscription.nextLifecycleAt = now.plus(subscription.trial ? config.trialTerm() : config.term());
            subscription.cancellationWindowEndsAt = now.plus(config.cancellationWindow());
        }
        // queued: written with the seats' statement below
        subscriptions.insert(subscription);
        if (subscription.assignable() && !seats.addLicenses(tenantId, product.skuId(), request.licenses())) {
            throw GraphException.badRequest("The tenant cannot hold more licenses of " + product.skuPartNumber() + ".");
        }
        audit.record(subscription, Activity.ADD_SUBSCRIPTION, AuditTargets.only(
                AuditTargets.changed("Licenses", null, subscription.licenses),
                AuditTargets.changed("Status", null, subscription.status),
                AuditTargets.changed("BoughtBy", null, subscription.boughtBy)));
        if (request.assignTo() != null) {
            // the licenses it gives reference this row, written (queued) before them
            purchaseLicenses.assignFromPurchase(subscription, request.assignTo());
            subscriptions.save(subscription);
        }
        return view(subscription);
    }

    /** Reduces the licenses (never below what is assigned) or turns recurring billing on or off. */
    @Transactional
    public SubscriptionView change(UUID tenantId, UUID id, SubscriptionChange change) {
        Subscription subscription = owned(tenantId, id);
        if (change == null || (change.licenses() == null && change.recurringBilling() == null)) {
            throw GraphException.badRequest("Nothing to change: send 'licenses' (fewer) and/or 'recurringBilling'.");
        }
        if (subscription.status == SubscriptionStatus.Deleted) {
            throw deleted(subscription);
        }
        if (change.licenses() != null && change.licenses() != subscription.licenses && subscription.reactivatable()) {
            throw GraphException.badRequest("The subscription has " + (subscription.disabledAt != null ? "been disabled" : "expired")
                    + "; reactivate it (turn recurring billing on) before changing its licenses.");
        }
        int licensesBefore = subscription.licenses;
        boolean recurringBillingBefore = subscription.recurringBilling;
        SubscriptionStatus statusBefore = subscription.status;
        if (change.licenses() != null && change.licenses() != subscription.licenses) {
            reduce(subscription, change.licenses());
        }
        if (change.recurringBilling() != null) {
            if (subscription.productKind == ProductKind.PERPETUAL_SOFTWARE && change.recurringBilling()) {
                throw GraphException.badRequest("Perpetual software is bought once; it has no recurring billing.");
            }
            if (change.recurringBilling() && subscription.reactivatable()) {
                reactivate(subscription);
            } else {
                subscription.recurringBilling = change.recurringBilling();
            }
        }
        subscriptions.save(subscription);
        audit.record(subscription, Activity.UPDATE_SUBSCRIPTION, AuditTargets.only(
                AuditTargets.changed("Licenses", licensesBefore, subscription.licenses),
                AuditTargets.changed("RecurringBilling", recurringBillingBefore, subscription.recurringBilling),
                AuditTargets.changed("Status", statusBefore, subscription.status)));
        return view(subscription);
    }

    /** Cancels inside the cancellation window only; its licenses leave the product's total. */
    @Transactional
    public SubscriptionView cancel(UUID tenantId, UUID id) {
        Subscription subscription = owned(tenantId, id);
        if (subscription.status == SubscriptionStatus.Deleted) {
            return view(subscription);
        }
        Instant now = clock.instant();
        if (subscription.cancellationWindowEndsAt == null || !now.isBefore(subscription.cancellationWindowEndsAt)) {
            throw GraphException.badRequest("This subscription can no longer be cancelled: "
                    + (subscription.cancellationWindowEndsAt == null ? "it has no cancellation window"
                            : "its cancellation window ended on " + subscription.cancellationWindowEndsAt)
                    + ". Turn off recurring billing instead, to cancel it at the end of its term"
                    + (subscription.nextLifecycleAt == null ? "." : " (" + subscription.nextLifecycleAt + ")."));
        }
        if (subscription.managedByPurchaser() && subscription.selfServiceAssigned > 0) {
            throw GraphException.badRequest(subscription.selfServiceAssigned + " licenses of this subscription are "
                    + "assigned; they must be unassigned before it is cancelled.");
        }
        if (subscription.assignable()) {
            takeFromTotal(subscription, subscription.licenses);
        }
        SubscriptionStatus before = subscription.status;
        subscription.cancel(now);
        subscriptions.save(subscription);
        audit.record(subscription, Activity.CANCEL_SUBSCRIPTION,
                AuditTargets.only(AuditTargets.changed("Status", before, subscription.status)));
        return view(subscription);
    }

    /**
     * "If your subscription expires ... you can reactivate it": an Expired or Disabled subscription is Enabled again,
     * billed for another term, and a Disabled one's licenses are the product's to assign again (its users never lost
     * them; they regain access).
     */
    private void reactivate(Subscription subscription) {
        boolean licensesWereDisabled = subscription.licensesHeldWhileDisabled();
        subscription.reactivate(clock.instant(), config.term());
        if (licensesWereDisabled) {
            seats.reactivate(subscription.tenantId, subscription.skuId, subscription.licenses);
        }
    }

    /**
     * "Take over a purchase or trial subscription", after which admins assign and unassign its licenses. Its seats
     * count from then on as if it had been the tenant's in its state all along: an Enabled or Expired one's licenses in
     * the product's total, a Disabled one's out of it ({@link Seats#disable}), where its reactivation or deletion finds
     * them; the licenses its holders keep as assigned. A Deleted one (also one the life job deleted while this waited
     * for its row) has nothing left to take over and is refused as every change of it is.
     */
    @Transactional
    public SubscriptionView takeOver(UUID tenantId, UUID id) {
        Subscription subscription = owned(tenantId, id);
        if (subscription.boughtBy != PurchaseChannel.SELF_SERVICE) {
            throw GraphException.badRequest("Only a self-service purchase can be taken over; this one was bought by "
                    + subscription.boughtBy + ".");
        }
        if (subscription.status == SubscriptionStatus.Deleted) {
            throw deleted(subscription);
        }
        if (subscription.takenOverAt != null) {
            return view(subscription);
        }
        int given = subscription.takeOver(clock.instant());
        subscriptions.save(subscription);
        boolean disabled = subscription.licensesHeldWhileDisabled();
        if (subscription.assignable() || disabled) {
            if (!seats.addLicenses(tenantId, subscription.skuId, subscription.licenses)) {
                throw GraphException.badRequest("The tenant cannot hold more licenses of this product.");
            }
            seats.addAssigned(tenantId, subscription.skuId, given);
            if (disabled) {
                seats.disable(tenantId, subscription.skuId, subscription.licenses);
            }
        }
        purchaseLicenses.takenOver(subscription);
        audit.record(subscription, Activity.UPDATE_SUBSCRIPTION,
                AuditTargets.only(AuditTargets.changed("TakenOver", false, true)));
        return view(subscription);
    }

    @Transactional
    public List<SubscriptionView> subscriptions(UUID tenantId) {
        return subscriptions.ofTenant(tenantId).stream().map(this::view).toList();
    }

    /** The products the tenant owns with total, assigned and available seats (the Licenses page, subscribedSkus). */
    @Transactional
    public List<SubscribedProduct> subscribedProducts(UUID tenantId) {
        List<SeatCount> counts = seats.ofTenant(tenantId);
        Map<UUID, SubscriptionStatus> statuses = new HashMap<>();
        productSubscriptions(tenantId, counts).forEach(p -> statuses.put(p.product().skuId(), p.capabilityStatus()));
        return counts.stream()
                .map(count -> new SubscribedProduct(catalog.find(count.skuId()).orElseThrow(), count.total(), count.assigned(),
                        statuses.getOrDefault(count.skuId(), SubscriptionStatus.Deleted)))
                .sorted(Comparator.comparing((SubscribedProduct p) -> p.product().productName())
                        .thenComparing(p -> p.product().skuId()))
                .toList();
    }

    /**
     * The products the tenant has subscribed to, with their subscriptions' units by state (Graph's
     * subscribedSkus): every product with a subscription that counts towards it, in any state.
     */
    @Transactional
    public List<ProductSubscriptions> productSubscriptions(UUID tenantId) {
        return productSubscriptions(tenantId, seats.ofTenant(tenantId));
    }

    /** {@link #productSubscriptions(UUID)} with the tenant's seat counts already read (the Licenses page reads them once). */
    private List<ProductSubscriptions> productSubscriptions(UUID tenantId, List<SeatCount> counts) {
        Map<UUID, List<Subscription>> bySku = new LinkedHashMap<>();
        for (Subscription subscription : subscriptions.ofTenant(tenantId)) {
            if (subscription.countsTowardsProduct()) {
                bySku.computeIfAbsent(subscription.skuId, sku -> new ArrayList<>()).add(subscription);
            }
        }
        Map<UUID, Integer> assigned = new HashMap<>();
        counts.forEach(count -> assigned.put(count.skuId(), count.assigned()));
        return bySku.entrySet().stream()
                .map(entry -> new ProductSubscriptions(catalog.find(entry.getKey()).orElseThrow(),
                        assigned.getOrDefault(entry.getKey(), 0), PrepaidUnits.of(entry.getValue()),
                        entry.getValue().stream().filter(s -> s.status != SubscriptionStatus.Deleted).map(s -> s.id).toList()))
                .sorted(Comparator.comparing((ProductSubscriptions p) -> p.product().productName())
                        .thenComparing(p -> p.product().skuId()))
                .toList();
    }

    /**
     * The products whose users have lost access to the licenses they hold: the product's capabilityStatus no longer
     * gives access ({@link SubscriptionStatus#givesAccess}), its subscriptions Disabled at the end of their life.
     */
    @Transactional
    public Set<UUID> productsWithoutAccess(UUID tenantId) {
        return productSubscriptions(tenantId).stream().filter(p -> !p.capabilityStatus().givesAccess())
                .map(p -> p.product().skuId()).collect(Collectors.toSet());
    }

    /** One product of {@link #productSubscriptions}, if the tenant has subscribed to it. */
    @Transactional
    public Optional<ProductSubscriptions> productSubscriptions(UUID tenantId, UUID skuId) {
        return productSubscriptions(tenantId).stream().filter(p -> p.product().skuId().equals(skuId)).findFirst();
    }

    /** One of the tenant's subscriptions; none when it is another tenant's or does not exist. */
    @Transactional
    public Optional<SubscriptionView> subscription(UUID tenantId, UUID id) {
        return subscriptions.ofTenant(tenantId, id).map(this::view);
    }

    private void reduce(Subscription subscription, int licenses) {
        if (licenses > subscription.licenses) {
            throw GraphException.badRequest("To add licenses, buy them; 'licenses' can only go down from "
                    + subscription.licenses + ".");
        }
        if (licenses < 1) {
            throw GraphException.badRequest("A subscription keeps at least 1 license; cancel it to end it.");
        }
        int removed = subscription.licenses - licenses;
        if (subscription.assignable()) {
            takeFromTotal(subscription, removed);
        } else if (subscription.managedByPurchaser() && licenses < subscription.selfServiceAssigned) {
            throw GraphException.badRequest("You can't remove licenses that are assigned: " + subscription.selfServiceAssigned
                    + " licenses of this subscription are assigned.");
        }
        subscription.reduceTo(licenses);
    }

    private void takeFromTotal(Subscription subscription, int licenses) {
        if (!seats.removeLicenses(subscription.tenantId, subscription.skuId, licenses)) {
            SeatCount count = seats.of(subscription.tenantId, subscription.skuId).orElseThrow();
            Product product = catalog.find(subscription.skuId).orElseThrow();
            throw GraphException.badRequest("You can't remove licenses that are assigned: " + count.assigned() + " of "
                    + count.total() + " licenses of " + product.productName() + " are assigned, so at most "
                    + count.available() + " can be removed. Unassign licenses first.");
        }
    }

    /** The refusal of every change of a Deleted subscription: Deleted is final. */
    private static GraphException deleted(Subscription subscription) {
        return GraphException.badRequest("The subscription is deleted (" + (subscription.expiredAt != null
                ? "at the end of its life" : "cancelled") + "); it can no longer be changed or reactivated. Buy a new one.");
    }

    private Subscription owned(UUID tenantId, UUID id) {
        Subscription subscription = subscriptions.findInTenant(tenantId, id);
        if (subscription == null) {
            throw GraphException.notFound(String.valueOf(id));
        }
        return subscription;
    }

    private SubscriptionView view(Subscription subscription) {
        Product product = catalog.find(subscription.skuId).orElseThrow();
        return SubscriptionView.of(subscription, product.skuPartNumber(), product.productName(),
                life.dates(subscription).orElse(null));
    }
}
