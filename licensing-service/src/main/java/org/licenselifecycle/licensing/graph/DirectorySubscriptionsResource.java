package org.licenselifecycle.licensing.graph;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.subscriptions.PurchaseChannel;
import org.licenselifecycle.licensing.subscriptions.SubscriptionService;
import org.licenselifecycle.licensing.subscriptions.SubscriptionView;
import org.licenselifecycle.support.graph.ODataCollection;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/** Graph v1.0's {@code GET /directory/subscriptions}: the tenant's subscriptions as companySubscription. */
@Path("/v1.0/directory/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Microsoft Graph v1.0")
public class DirectorySubscriptionsResource {

    private final SubscriptionService subscriptions;
    private final ProductCatalog catalog;
    private final GraphQuery query;
    private final Caller caller;

    DirectorySubscriptionsResource(SubscriptionService subscriptions, ProductCatalog catalog, GraphQuery query,
            Caller caller) {
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.query = query;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Operations.READ_DIRECTORY_SUBSCRIPTIONS)
    public ODataCollection<Object> list(@Context UriInfo uri) {
        UUID tenantId = caller.tenantId();
        List<CompanySubscription> all = subscriptions.subscriptions(tenantId).stream().map(s -> of(tenantId, s)).toList();
        return query.page(uri, "directory/subscriptions", all, CompanySubscription.class);
    }

    private CompanySubscription of(UUID tenantId, SubscriptionView s) {
        var plans = catalog.find(s.skuId()).orElseThrow().servicePlans().stream()
                .map(p -> new ServicePlanInfo(p.servicePlanId(), p.servicePlanName(), "Success", "User"))
                .toList();
        boolean selfService = s.boughtBy() == PurchaseChannel.SELF_SERVICE && s.takenOverDateTime() == null;
        return new CompanySubscription(s.id().toString(), s.id().toString(), s.createdDateTime(), s.trial(),
                s.nextLifecycleDateTime(), selfService ? s.purchaser().id().toString() : tenantId.toString(),
                tenantId.toString(), selfService ? "User" : "Company", plans, s.skuId(), s.skuPartNumber(),
                s.status().name(), s.licenses());
    }
}
