package org.licenselifecycle.licensing.graph;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.licensing.subscriptions.SubscribedProduct;
import org.licenselifecycle.licensing.subscriptions.SubscriptionService;
import org.licenselifecycle.support.graph.ODataCollection;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/** Graph v1.0's {@code GET /subscribedSkus}: the products the tenant owns, with their seats and plans. */
@Path("/v1.0/subscribedSkus")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Microsoft Graph v1.0")
public class SubscribedSkusResource {

    private final SubscriptionService subscriptions;
    private final GraphQuery query;
    private final Caller caller;

    SubscribedSkusResource(SubscriptionService subscriptions, GraphQuery query, Caller caller) {
        this.subscriptions = subscriptions;
        this.query = query;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Operations.READ_SUBSCRIBED_SKUS)
    public ODataCollection<Object> subscribedSkus(@Context UriInfo uri) {
        UUID tenantId = caller.tenantId();
        return query.page(uri, "subscribedSkus",
                subscriptions.subscribedProducts(tenantId).stream().map(p -> sku(tenantId, p)).toList(), SubscribedSku.class);
    }

    private static SubscribedSku sku(UUID tenantId, SubscribedProduct owned) {
        var product = owned.product();
        return new SubscribedSku(tenantId + "_" + product.skuId(), product.skuId(), product.skuPartNumber(), "User",
                "Enabled", owned.assigned(), new SubscribedSku.LicenseUnits(owned.total(), 0, 0, 0),
                product.servicePlans().stream()
                        .map(plan -> new ServicePlanInfo(plan.servicePlanId(), plan.servicePlanName(), "Success", "User"))
                        .toList());
    }
}
