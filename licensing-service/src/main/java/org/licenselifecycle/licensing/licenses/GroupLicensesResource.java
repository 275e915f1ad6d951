package org.licenselifecycle.licensing.licenses;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Group-based licensing (admin API): records that members of a group inherit a product's license. Such a
 * license shows {@code assignedByGroup} and cannot be removed directly from the user.
 */
@Path("/api/v1/groupLicenses")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Group-based licenses")
public class GroupLicensesResource {

    private final GroupLicensesService groupLicenses;
    private final Caller caller;

    GroupLicensesResource(GroupLicensesService groupLicenses, Caller caller) {
        this.groupLicenses = groupLicenses;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_LICENSES)
    @Operation(summary = "Record licenses inherited from a group by its members (up to 100), all or nothing",
            description = "Body {\"groupId\": GUID, \"groupName\": text (optional), \"skuId\": GUID, \"userIds\": [GUID, ...]}. "
                    + "Each takes a seat and announces LicenseAssigned; removing it directly is refused with Graph's message, "
                    + "and Unassign all keeps it, naming the group.")
    public GroupLicenses record(GroupLicenses request) {
        return groupLicenses.record(caller.tenantId(), caller.objectId(), request);
    }

    @POST
    @Path("/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_LICENSES)
    @Operation(summary = "Remove a group's license from members who no longer inherit it, all or nothing",
            description = "Same body as recording. A user who does not inherit the product from that group is a 400.")
    public GroupLicenses remove(GroupLicenses request) {
        return groupLicenses.remove(caller.tenantId(), caller.objectId(), request);
    }

    @POST
    @Path("/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_LICENSES)
    @Operation(summary = "The group no longer gives the product",
            description = "Body {\"groupId\": GUID, \"skuId\": GUID}. Its members must have lost it first (remove); a "
                    + "deleted member restored afterwards does not inherit it again (restoreFailures says so).")
    public GroupLicenses withdraw(GroupLicenses request) {
        return groupLicenses.withdraw(caller.tenantId(), request);
    }
}
