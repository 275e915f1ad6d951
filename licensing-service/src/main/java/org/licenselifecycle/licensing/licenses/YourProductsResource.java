package org.licenselifecycle.licensing.licenses;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.licensing.subscriptions.SubscriptionsResource;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * The Your products page's unassign (admin API), beside the subscriptions themselves
 * ({@link SubscriptionsResource}): a change of licenses, so it lives with them.
 */
@Path("/api/v1/subscriptions/{id}/unassign")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
public class YourProductsResource {

    private final YourProductsService yourProducts;
    private final Caller caller;

    YourProductsResource(YourProductsService yourProducts, Caller caller) {
        this.yourProducts = yourProducts;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_LICENSES)
    @Operation(summary = "Your products: unassign the subscription's product from up to 20 users",
            description = "Refused for perpetual software bought by a CSP partner: the message points to the Licenses page.")
    public UnassignResult unassign(@PathParam("id") String id, UnassignRequest request) {
        return yourProducts.unassign(caller.tenantId(), caller.objectId(), SubscriptionsResource.id(id), request);
    }
}
