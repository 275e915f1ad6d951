package org.licenselifecycle.licensing.licenses;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/** The admin center's Active users page (admin API): a user's licenses, clearing some, unassigning all. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Active users")
public class ActiveUsersResource {

    private final ActiveUsersService activeUsers;
    private final Caller caller;

    ActiveUsersResource(ActiveUsersService activeUsers, Caller caller) {
        this.activeUsers = activeUsers;
        this.caller = caller;
    }

    @GET
    @Path("/{id}/licenses")
    @PermissionsAllowed(Operations.READ_LICENSES)
    @Operation(summary = "One user's licenses (by id or userPrincipalName)",
            description = "Each license says keptBecause when an admin cannot remove it here. Also lists restoreFailures: "
                    + "licenses a restore of the deleted user could not give back, with reason and reasonCode.")
    public UserLicensesView licenses(@PathParam("id") String id) {
        return activeUsers.licensesOf(caller.tenantId(), id);
    }

    @PUT
    @Path("/{id}/licenses")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_LICENSES)
    @Operation(summary = "Save the licenses the user keeps; every other one is unassigned",
            description = "Body {\"skuIds\": [GUID, ...]}: the products to keep ([] clears all). A product the user "
                    + "does not hold is a 400 (this only clears; assign with assignLicense). A license marked keptBecause "
                    + "(greyed out on the page) must be kept: clearing it is refused as Graph refuses it.")
    public UserLicensesView keep(@PathParam("id") String id, KeptLicenses kept) {
        return activeUsers.keepOnly(caller.tenantId(), caller.objectId(), id, kept);
    }

    @POST
    @Path("/unassignAll")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_LICENSES)
    @Operation(summary = "Unassign all licenses an admin can remove from the selected users (up to 100), in one transaction",
            description = "Body {\"userIds\": [GUID, ...]}. Per user: removedSkuIds, and kept: the licenses an admin cannot "
                    + "remove here, each with reason (INHERITED_FROM_GROUP, SELF_SERVICE_PURCHASE), groupId/groupName or "
                    + "subscriptionId, and message. An unknown user is a 400 naming them; nothing changes then.")
    public UnassignResult unassignAll(UnassignRequest request) {
        return activeUsers.unassignAll(caller.tenantId(), caller.objectId(), request);
    }
}
