package org.licenselifecycle.licensing.subscriptions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.licensing.products.Product;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.support.graph.GraphException;

/** Buying subscriptions and reading what a tenant owns; every purchase adds its licenses to the seats. */
@ApplicationScoped
public class SubscriptionService {

    /** Upper bound per subscription, far above any real purchase, so totals stay within Graph's int32. */
    static final int MAX_LICENSES = 1_000_000;

    private final ProductCatalog catalog;
    private final Seats seats;
    private final Clock clock;

    SubscriptionService(ProductCatalog catalog, Seats seats, Clock clock) {
        this.catalog = catalog;
        this.seats = seats;
        this.clock = clock;
    }

    @Transactional
    public SubscriptionView buy(UUID tenantId, NewSubscription request) {
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
        Subscription subscription = new Subscription();
        subscription.id = UUID.randomUUID();
        subscription.tenantId = tenantId;
        subscription.skuId = product.skuId();
        subscription.licenses = request.licenses();
        subscription.status = SubscriptionStatus.Enabled;
        subscription.createdAt = clock.instant();
        subscription.persist();
        if (!seats.addLicenses(tenantId, product.skuId(), request.licenses())) {
            throw GraphException.badRequest("The tenant cannot hold more licenses of " + product.skuPartNumber() + ".");
        }
        return view(subscription, product);
    }

    @Transactional
    public List<SubscriptionView> subscriptions(UUID tenantId) {
        return Subscription.ofTenant(tenantId).stream()
                .map(s -> view(s, catalog.find(s.skuId).orElseThrow()))
                .toList();
    }

    /** The products the tenant owns with total, assigned and available seats (the Licenses page, subscribedSkus). */
    @Transactional
    public List<SubscribedProduct> subscribedProducts(UUID tenantId) {
        return seats.ofTenant(tenantId).stream()
                .map(count -> new SubscribedProduct(catalog.find(count.skuId()).orElseThrow(), count.total(), count.assigned()))
                .sorted(Comparator.comparing((SubscribedProduct p) -> p.product().productName())
                        .thenComparing(p -> p.product().skuId()))
                .toList();
    }

    private static SubscriptionView view(Subscription subscription, Product product) {
        return new SubscriptionView(subscription.id, subscription.skuId, product.skuPartNumber(), product.productName(),
                subscription.licenses, subscription.status, subscription.createdAt);
    }
}
