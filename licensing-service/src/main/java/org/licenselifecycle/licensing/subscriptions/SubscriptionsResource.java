package org.licenselifecycle.licensing.subscriptions;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Roles;

/** The tenant's subscriptions (admin API): buy one, list them one row per subscription. */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
public class SubscriptionsResource {

    private final SubscriptionService subscriptions;
    private final Caller caller;

    SubscriptionsResource(SubscriptionService subscriptions, Caller caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.GLOBAL_ADMINISTRATOR, Roles.BILLING_ADMINISTRATOR})
    @Operation(summary = "Buy a subscription of a product", description = "Adds its licenses to the product's seats.")
    public Response buy(NewSubscription request) {
        return Response.status(Response.Status.CREATED).entity(subscriptions.buy(caller.tenantId(), request)).build();
    }

    @GET
    @RolesAllowed({Roles.GLOBAL_ADMINISTRATOR, Roles.BILLING_ADMINISTRATOR, Roles.LICENSE_ADMINISTRATOR,
            Roles.USER_ADMINISTRATOR, Roles.GLOBAL_READER})
    @Operation(summary = "List the tenant's subscriptions, one row per subscription")
    public List<SubscriptionView> list() {
        return subscriptions.subscriptions(caller.tenantId());
    }
}
