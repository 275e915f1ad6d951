package org.licenselifecycle.directory.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.licenselifecycle.directory.groups.GroupMembers;
import org.licenselifecycle.directory.licenses.LicensesOfUser;
import org.licenselifecycle.directory.users.UserPage;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Microsoft Graph v1.0 {@code /groups/{id}/members}: list a group's members (users, as directoryObjects), add one with
 * a reference ({@code POST .../members/$ref} and {@code {"@odata.id": ".../directoryObjects/{userId}"}}) and remove
 * one ({@code DELETE .../members/{userId}/$ref}); 204 as Graph answers. Members of the tenant may read; Global, User
 * and Groups Administrators (and applications with GroupMember.ReadWrite.All) may change them ({@link GroupMembers}).
 */
@Path("/v1.0/groups/{id}/members")
@Produces(MediaType.APPLICATION_JSON)
public class GroupMembersResource {


    private final GroupMembers members;
    private final Caller caller;

    GroupMembersResource(GroupMembers members, Caller caller) {
        this.members = members;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Operations.READ_GROUPS)
    public ODataCollection<Map<String, Object>> list(@PathParam("id") String id, @Context UriInfo uri) {
        UsersQuery query = UsersQuery.paged(uri);
        UserPage page = members.members(caller.tenantId(), id, query.after().map(cursor -> cursor.id()), query.top());
        String base = uri.getBaseUri().toString();
        return new ODataCollection<>(UserJson.metadata(base) + "#directoryObjects", null,
                page.continueAfter().map(last -> query.nextLink(base, "v1.0/groups/" + id + "/members", last))
                        .orElse(null),
                page.users().stream().map(user -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put(UserJson.TYPE, UserJson.USER_TYPE);
                    json.putAll(UserJson.of(user, query.select(), LicensesOfUser.NONE));
                    return json;
                }).toList());
    }

    @POST
    @Path("{ref}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_GROUP_MEMBERS)
    public void add(@PathParam("id") String id, @PathParam("ref") String ref, JsonNode body) {
        References.requireRef(ref);
        String userId = References.referencedId(body, ".../v1.0/directoryObjects/{id}");
        members.add(caller.tenantId(), id, userId, caller.objectId());
    }

    @DELETE
    @Path("{userId}/{ref}")
    @PermissionsAllowed(Operations.CHANGE_GROUP_MEMBERS)
    public void remove(@PathParam("id") String id, @PathParam("userId") String userId, @PathParam("ref") String ref) {
        References.requireRef(ref);
        members.remove(caller.tenantId(), id, userId, caller.objectId());
    }
}
