package org.licenselifecycle.licensing.licenses;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.licensing.subscriptions.SubscriptionService;
import org.licenselifecycle.contract.graph.NextLink;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.support.graph.ODataQuery;
import org.licenselifecycle.support.graph.ODataQuery.Option;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * The admin center's Licenses page (admin API): the products the tenant owns, each with the total of all
 * its subscriptions (one of 5 and one of 8 licenses show as 13), how many are assigned and available;
 * who holds a product; assigning it to, or unassigning it from, up to 20 selected users at a time.
 */
@Path("/api/v1/licenses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Licenses page")
public class LicensesPageResource {

    private static final int DEFAULT_PAGE = 100;

    private final SubscriptionService subscriptions;
    private final LicensesPageService licensesPage;
    private final Caller caller;

    LicensesPageResource(SubscriptionService subscriptions, LicensesPageService licensesPage, Caller caller) {
        this.subscriptions = subscriptions;
        this.licensesPage = licensesPage;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Operations.READ_LICENSES)
    @Operation(summary = "List the products the tenant owns with total, assigned and available licenses")
    public List<ProductLicenses> products() {
        return subscriptions.subscribedProducts(caller.tenantId()).stream()
                .map(p -> new ProductLicenses(p.product().skuId(), p.product().skuPartNumber(), p.product().productName(),
                        p.total(), p.assigned(), p.available(), p.capabilityStatus().adminCenterName()))
                .toList();
    }

    @GET
    @Path("/bulkLimits")
    @PermissionsAllowed(Operations.READ_LICENSES)
    @Operation(summary = "How many users one assign or unassign on the Licenses page, and one unassignAll, take")
    public BulkLimits bulkLimits() {
        return BulkLimits.ENFORCED;
    }

    @GET
    @Path("/{skuId}/users")
    @PermissionsAllowed(Operations.READ_LICENSES)
    @Operation(summary = "List the users holding a product, paged",
            description = "$top: 1..999 (default 100); follow nextLink (absolute) for the next page.")
    @Parameter(name = "$top", in = ParameterIn.QUERY, description = "Page size, 1..999 (default 100)")
    @Parameter(name = "$skiptoken", in = ParameterIn.QUERY, description = "From a nextLink")
    public HoldersPage holders(@PathParam("skuId") String skuId, @Context UriInfo uri) {
        ODataQuery query = ODataQuery.read(uri, Option.TOP, Option.SKIP_TOKEN);
        int size = query.top(DEFAULT_PAGE);
        UUID after = query.skipToken().map(token -> ObjectIds.parse(token, "$skiptoken")).orElse(null);
        List<LicenseHolder> rows = licensesPage.holders(caller.tenantId(), product(skuId), size, after);
        if (rows.size() <= size) {
            return new HoldersPage(rows, null);
        }
        List<LicenseHolder> page = rows.subList(0, size);
        String next = NextLink.to(uri.getAbsolutePath()).option("top", size)
                .skipToken(page.get(size - 1).userId().toString());
        return new HoldersPage(page, next);
    }

    @POST
    @Path("/{skuId}/unassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_LICENSES)
    @Operation(summary = "Unassign the product from up to 20 selected users, all or nothing",
            description = "Body {\"userIds\": [GUID, ...]} (1..20). 21 or more, a user who does not hold the product, "
                    + "an unknown user: 400 naming the problem, nothing changes. One LicenseRemoved per user.")
    public UnassignResult unassign(@PathParam("skuId") String skuId, UnassignRequest request) {
        return licensesPage.unassign(caller.tenantId(), caller.objectId(), product(skuId), request);
    }

    @POST
    @Path("/{skuId}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_LICENSES)
    @Operation(summary = "Assign the product to up to 20 selected users, all or nothing",
            description = "Body {\"userIds\": [GUID, ...]} (1..20). 21 or more, fewer licenses available than users, "
                    + "a user who already holds the product or has no usage location, an unknown user: 400 naming the "
                    + "problem, nothing changes. One LicenseAssigned per user.")
    public AssignResult assign(@PathParam("skuId") String skuId, AssignRequest request) {
        return licensesPage.assign(caller.tenantId(), caller.objectId(), product(skuId), request);
    }

    private static UUID product(String skuId) {
        return ObjectIds.resource(skuId);
    }

}
