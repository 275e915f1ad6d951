package org.licenselifecycle.licensing.graph;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.licensing.subscriptions.ProductSubscriptions;
import org.licenselifecycle.licensing.subscriptions.ProvisioningStatus;
import org.licenselifecycle.licensing.subscriptions.SubscriptionService;
import org.licenselifecycle.licensing.users.DirectoryUser;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.licenselifecycle.support.graph.ODataQuery;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Graph v1.0's {@code GET /subscribedSkus} and {@code GET /subscribedSkus/{tenantId}_{skuId}}: the products the
 * tenant has subscribed to, with their units by their subscriptions' states, and their plans.
 */
@Path("/v1.0/subscribedSkus")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Microsoft Graph v1.0")
public class SubscribedSkusResource {

    private final SubscriptionService subscriptions;
    private final GraphQuery query;
    private final GraphEntity entity;
    private final Caller caller;

    SubscribedSkusResource(SubscriptionService subscriptions, GraphQuery query, GraphEntity entity, Caller caller) {
        this.subscriptions = subscriptions;
        this.query = query;
        this.entity = entity;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Operations.READ_SUBSCRIBED_SKUS)
    public ODataCollection<Object> subscribedSkus(@Context UriInfo uri) {
        UUID tenantId = caller.tenantId();
        return query.page(uri, "subscribedSkus",
                subscriptions.productSubscriptions(tenantId).stream().map(p -> sku(tenantId, p)).toList(), SubscribedSku.class);
    }

    @GET
    @Path("/{id}")
    @PermissionsAllowed(Operations.READ_SUBSCRIBED_SKUS)
    public Map<String, Object> subscribedSku(@PathParam("id") String id, @Context UriInfo uri) {
        ODataQuery.read(uri); // no query option is supported here: any is a 400, never ignored
        UUID tenantId = caller.tenantId();
        UUID skuId = skuIdOf(tenantId, id);
        ProductSubscriptions owned = skuId == null ? null
                : subscriptions.productSubscriptions(tenantId, skuId).orElse(null);
        if (owned == null) {
            throw GraphException.notFound(id);
        }
        return entity.of(uri, "subscribedSkus", sku(tenantId, owned));
    }

    /** The product of a {@code {tenantId}_{skuId}} key, or null when it is malformed or another tenant's. */
    private static UUID skuIdOf(UUID tenantId, String id) {
        String prefix = tenantId + "_";
        if (id.length() <= prefix.length() || !id.substring(0, prefix.length()).equalsIgnoreCase(prefix)) {
            return null;
        }
        return ObjectIds.of(id.substring(prefix.length())).orElse(null);
    }

    private static SubscribedSku sku(UUID tenantId, ProductSubscriptions owned) {
        var product = owned.product();
        var units = owned.prepaidUnits();
        var status = owned.capabilityStatus();
        return new SubscribedSku(tenantId + "_" + product.skuId(), tenantId.toString(), null, product.skuId(),
                product.skuPartNumber(), "User", status.name(), owned.consumedUnits(),
                new SubscribedSku.LicenseUnits(units.enabled(), units.suspended(), units.warning(), units.lockedOut()),
                product.servicePlans().stream()
                        .map(plan -> new ServicePlanInfo(plan.servicePlanId(), plan.servicePlanName(),
                                ProvisioningStatus.of(plan, status).name(), "User"))
                        .toList(),
                owned.subscriptionIds().stream().map(UUID::toString).toList());
    }
}
