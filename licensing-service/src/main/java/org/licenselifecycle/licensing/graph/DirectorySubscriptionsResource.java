package org.licenselifecycle.licensing.graph;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.licensing.products.ProductCatalog;
import org.licenselifecycle.licensing.subscriptions.ProvisioningStatus;
import org.licenselifecycle.licensing.subscriptions.SubscriptionService;
import org.licenselifecycle.licensing.subscriptions.SubscriptionView;
import org.licenselifecycle.licensing.users.DirectoryUser;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.licenselifecycle.support.graph.ODataQuery;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Graph v1.0's {@code GET /directory/subscriptions}, {@code /directory/subscriptions/{id}} and
 * {@code /directory/subscriptions(commerceSubscriptionId='{id}')}: the tenant's subscriptions as
 * companySubscription. A subscription's id here is also its commerce subscription id (the id "Your products"
 * shows), so both keys find the same subscription.
 */
@Path("/v1.0/directory")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Microsoft Graph v1.0")
public class DirectorySubscriptionsResource {

    /** OData's alternate-key segment, the value in single quotes (a quote inside doubled, as OData escapes it). */
    private static final Pattern ALTERNATE_KEY = Pattern.compile("commerceSubscriptionId='((?:[^']|'')*)'");

    private final SubscriptionService subscriptions;
    private final ProductCatalog catalog;
    private final GraphQuery query;
    private final GraphEntity entity;
    private final Caller caller;

    DirectorySubscriptionsResource(SubscriptionService subscriptions, ProductCatalog catalog, GraphQuery query,
            GraphEntity entity, Caller caller) {
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.query = query;
        this.entity = entity;
        this.caller = caller;
    }

    @GET
    @Path("/subscriptions")
    @PermissionsAllowed(Operations.READ_DIRECTORY_SUBSCRIPTIONS)
    public ODataCollection<Object> list(@Context UriInfo uri) {
        UUID tenantId = caller.tenantId();
        List<CompanySubscription> all = subscriptions.subscriptions(tenantId).stream().map(s -> of(tenantId, s)).toList();
        return query.page(uri, "directory/subscriptions", all, CompanySubscription.class);
    }

    @GET
    @Path("/subscriptions/{id}")
    @PermissionsAllowed(Operations.READ_DIRECTORY_SUBSCRIPTIONS)
    public Map<String, Object> byId(@PathParam("id") String id, @Context UriInfo uri) {
        ODataQuery.read(uri); // no query option is supported here: any is a 400, never ignored
        return one(id, uri);
    }

    @GET
    @Path("/subscriptions({alternateKey})")
    @PermissionsAllowed(Operations.READ_DIRECTORY_SUBSCRIPTIONS)
    public Map<String, Object> byCommerceSubscriptionId(@PathParam("alternateKey") String alternateKey, @Context UriInfo uri) {
        ODataQuery.read(uri); // no query option is supported here: any is a 400, never ignored
        Matcher key = ALTERNATE_KEY.matcher(alternateKey);
        if (!key.matches()) {
            throw GraphException.badRequest("Invalid key segment '(" + alternateKey
                    + ")': companySubscription's alternate key is commerceSubscriptionId='{id}'.");
        }
        return one(key.group(1).replace("''", "'"), uri);
    }

    private Map<String, Object> one(String id, UriInfo uri) {
        UUID tenantId = caller.tenantId();
        SubscriptionView subscription = ObjectIds.of(id).flatMap(uuid -> subscriptions.subscription(tenantId, uuid))
                .orElseThrow(() -> GraphException.notFound(id));
        return entity.of(uri, "directory/subscriptions", of(tenantId, subscription));
    }

    private CompanySubscription of(UUID tenantId, SubscriptionView s) {
        var plans = catalog.find(s.skuId()).orElseThrow().servicePlans().stream()
                .map(p -> new ServicePlanInfo(p.servicePlanId(), p.servicePlanName(),
                        ProvisioningStatus.of(p, s.status()).name(), "User"))
                .toList();
        boolean selfService = s.managedByPurchaser();
        return new CompanySubscription(s.id().toString(), s.id().toString(), s.createdDateTime(), s.trial(),
                s.nextLifecycleDateTime(), selfService ? s.purchaser().id().toString() : tenantId.toString(),
                tenantId.toString(), selfService ? "User" : "Company", plans, s.skuId(), s.skuPartNumber(),
                s.status().name(), s.licenses());
    }
}
