package org.licenselifecycle.licensing.subscriptions;

import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Grant;
import org.licenselifecycle.support.security.Operations;

/**
 * The tenant's subscriptions (admin API), the "Your products" page: buy, list one row per subscription,
 * reduce licenses, recurring billing, cancel, take over a self-service purchase (unassigning a subscription's
 * licenses: {@code licenses.YourProductsResource}).
 */
@Path("/api/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
public class SubscriptionsResource {

    private final SubscriptionService subscriptions;
    private final Caller caller;
    private final SecurityIdentity identity;

    SubscriptionsResource(SubscriptionService subscriptions, Caller caller, SecurityIdentity identity) {
        this.subscriptions = subscriptions;
        this.caller = caller;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.BUY_SUBSCRIPTIONS) // who may buy what depends on the channel: Buyer
    @Operation(summary = "Buy a subscription of a product",
            description = "For the tenant (boughtBy ADMIN, the default, or CSP): Global or Billing Administrators; its "
                    + "licenses join the product's seats and nobody gets one. A self-service purchase (boughtBy "
                    + "SELF_SERVICE) is made by a user as themselves: the caller is the purchaser ('purchaser' may be left "
                    + "out, naming anyone else is a 403) and may give its licenses to users with 'assignTo'. A caller "
                    + "holding any admin role is refused a self-service purchase (403): admins buy for the tenant and "
                    + "assign through the admin paths.")
    public Response buy(NewSubscription request) {
        Buyer buyer = new Buyer(caller.objectId(), Grant.of(identity).directoryRoles());
        return Response.status(Response.Status.CREATED).entity(subscriptions.buy(caller.tenantId(), buyer, request)).build();
    }

    @GET
    @PermissionsAllowed(Operations.READ_SUBSCRIPTIONS)
    @Operation(summary = "List the tenant's subscriptions, one row per subscription")
    public List<SubscriptionView> list() {
        return subscriptions.subscriptions(caller.tenantId());
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.MANAGE_SUBSCRIPTIONS)
    @Operation(summary = "Reduce the licenses of a subscription and/or turn recurring billing on or off",
            description = "Body {\"licenses\": fewer, \"recurringBilling\": false}. Never below what is assigned "
                    + "(400 saying how many are assigned). Turning recurring billing off ends it at nextLifecycleDateTime: "
                    + "Expired (users keep access), then Disabled (users lose access), then Deleted (its licenses leave "
                    + "their users); the rows' expiredDateTime, disabledDateTime and deletedDateTime say when. Turning it "
                    + "on again before it is deleted reactivates it (Enabled, billed for another term); a deleted one "
                    + "cannot be changed (400).")
    public SubscriptionView change(@PathParam("id") String id, SubscriptionChange change) {
        return subscriptions.change(caller.tenantId(), id(id), change);
    }

    @POST
    @Path("/{id}/cancel")
    @PermissionsAllowed(Operations.MANAGE_SUBSCRIPTIONS)
    @Operation(summary = "Cancel a subscription inside its cancellation window",
            description = "Outside the window: 400, telling to turn off recurring billing instead. Its licenses leave "
                    + "the product's total, never below what is assigned.")
    public SubscriptionView cancel(@PathParam("id") String id) {
        return subscriptions.cancel(caller.tenantId(), id(id));
    }

    @POST
    @Path("/{id}/takeOver")
    @PermissionsAllowed(Operations.MANAGE_SUBSCRIPTIONS)
    @Operation(summary = "Take over a self-service purchase, so that admins can assign and unassign its licenses",
            description = "Gives nobody a license: the users the purchaser gave one keep it, and from then on Global, "
                    + "License and User Administrators assign and unassign them.")
    public SubscriptionView takeOver(@PathParam("id") String id) {
        return subscriptions.takeOver(caller.tenantId(), id(id));
    }

    /** The subscription a path segment names; one that is not a GUID names none (404). */
    public static UUID id(String id) {
        return ObjectIds.resource(id);
    }
}
