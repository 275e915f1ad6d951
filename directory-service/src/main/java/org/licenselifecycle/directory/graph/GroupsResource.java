package org.licenselifecycle.directory.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.licenselifecycle.directory.groups.Group;
import org.licenselifecycle.directory.groups.GroupLicense;
import org.licenselifecycle.directory.groups.GroupPage;
import org.licenselifecycle.directory.groups.GroupService;
import org.licenselifecycle.directory.groups.NewGroup;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Microsoft Graph v1.0 {@code /groups}: create, list (with the query options of {@link GroupsQuery}), read, update
 * and delete the caller's tenant's security groups, with the licenses they give ({@code $select=assignedLicenses}).
 * Members of the tenant may read; Global, User and Groups Administrators (and applications with Group.ReadWrite.All)
 * may change them. A body's properties this service does not keep are ignored as Graph ignores read-only ones; a
 * property of the wrong JSON type is a 400.
 */
@Path("/v1.0/groups")
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

    private static final String GROUPS_PATH = "v1.0/groups";

    private final GroupService groups;
    private final Caller caller;

    GroupsResource(GroupService groups, Caller caller) {
        this.groups = groups;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CREATE_GROUPS)
    public Response create(NewGroup request, @Context UriInfo uri) {
        Group group = groups.create(caller.tenantId(), request);
        return Response.created(uri.getBaseUriBuilder().path("v1.0/groups/{id}").build(group.id))
                .entity(GroupJson.entity(group, List.of(), List.of(), uri.getBaseUri().toString()))
                .build();
    }

    @GET
    @PermissionsAllowed(Operations.READ_GROUPS)
    public ODataCollection<Map<String, Object>> list(@Context UriInfo uri, @Context HttpHeaders headers) {
        GroupsQuery query = GroupsQuery.list(uri, headers);
        UUID tenantId = caller.tenantId();
        GroupPage page = groups.page(tenantId, query.filter(), query.after(), query.top());
        Long count = query.count() ? groups.count(tenantId, query.filter()) : null;
        String base = uri.getBaseUri().toString();
        return new ODataCollection<>(GroupJson.collectionContext(base, query.select()), count,
                page.continueAfter().map(last -> query.nextLink(base, GROUPS_PATH, last.id)).orElse(null),
                GroupJson.page(page.groups(), query.select(),
                        query.needsLicenses() ? groups.licenses(page.groups()) : Map.of(), false));
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Operations.READ_GROUPS)
    public Map<String, Object> get(@PathParam("id") String id, @Context UriInfo uri) {
        List<GroupProperty> selected = GroupsQuery.single(uri);
        Group group = groups.find(caller.tenantId(), id);
        List<GroupLicense> licenses = GroupJson.needsLicenses(selected)
                ? groups.licenses(List.of(group)).getOrDefault(group.id, List.of()) : List.of();
        return GroupJson.entity(group, selected, licenses, uri.getBaseUri().toString());
    }

    /** Sets the properties in the body; 204 without a body, as Graph answers. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_GROUPS)
    public void update(@PathParam("id") String id, JsonNode body) {
        groups.update(caller.tenantId(), id, GroupPatch.read(body));
    }

    /** Deletes the group for good (a security group does not go to deleted items); 204 as Graph answers. */
    @DELETE
    @Path("{id}")
    @PermissionsAllowed(Operations.CHANGE_GROUPS)
    public void delete(@PathParam("id") String id) {
        groups.delete(caller.tenantId(), id, caller.objectId());
    }
}
