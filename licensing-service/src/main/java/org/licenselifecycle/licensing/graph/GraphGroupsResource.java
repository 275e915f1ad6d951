package org.licenselifecycle.licensing.graph;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.licensing.licenses.GroupLicensing;
import org.licenselifecycle.licensing.licenses.GroupLicensing.GroupLicenses;
import org.licenselifecycle.licensing.licenses.UnheardGroups;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/** Graph v1.0's license operations on a group: {@code assignLicense} and {@code reprocessLicenseAssignment}. */
@Path("/v1.0/groups/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Microsoft Graph v1.0")
public class GraphGroupsResource {

    private final GroupLicensing groups;
    private final UnheardGroups unheard;
    private final Caller caller;
    private final JsonWebToken token;

    GraphGroupsResource(GroupLicensing groups, UnheardGroups unheard, Caller caller, JsonWebToken token) {
        this.groups = groups;
        this.unheard = unheard;
        this.caller = caller;
        this.token = token;
    }

    @POST
    @Path("/assignLicense")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.ASSIGN_GROUP_LICENSES)
    public Response assignLicense(@PathParam("id") String id, AssignLicenseBody body, @Context UriInfo uri) {
        UUID groupId = ObjectIds.resource(id);
        String name = unheard.learn(caller.tenantId(), groupId, token.getRawToken());
        GraphGroup group = graph(uri, groups.assignLicense(caller.tenantId(), caller.objectId(), groupId, name,
                body == null ? null : body.addLicenses(), body == null ? null : body.removeLicenses()));
        // group-assignlicense: "202 Accepted response code and the target group object in the response body"
        return Response.accepted(group).build();
    }

    @POST
    @Path("/reprocessLicenseAssignment")
    @PermissionsAllowed(Operations.ASSIGN_GROUP_LICENSES)
    public GraphGroup reprocessLicenseAssignment(@PathParam("id") String id, @Context UriInfo uri) {
        UUID groupId = ObjectIds.resource(id);
        String name = unheard.learn(caller.tenantId(), groupId, token.getRawToken());
        return graph(uri, groups.reprocessGroup(caller.tenantId(), caller.objectId(), groupId, name));
    }

    private static GraphGroup graph(UriInfo uri, GroupLicenses group) {
        return new GraphGroup(ODataContext.of(uri, "groups/$entity"), group.groupId(), group.displayName(),
                group.assignedLicenses());
    }
}
