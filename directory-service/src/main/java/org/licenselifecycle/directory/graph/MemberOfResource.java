package org.licenselifecycle.directory.graph;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.licenselifecycle.contract.graph.NextLink;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.licenselifecycle.directory.groups.GroupMembers;
import org.licenselifecycle.directory.groups.GroupPage;
import org.licenselifecycle.directory.groups.GroupService;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Microsoft Graph v1.0 {@code GET /users/{id|userPrincipalName}/memberOf}: the groups a user is a direct member of,
 * as directoryObjects typed {@code #microsoft.graph.group}, paged and selected as a list of groups.
 */
@Path("/v1.0/users/{idOrUserPrincipalName}/memberOf")
@Produces(MediaType.APPLICATION_JSON)
public class MemberOfResource {

    private final GroupMembers members;
    private final GroupService groups;
    private final Caller caller;

    MemberOfResource(GroupMembers members, GroupService groups, Caller caller) {
        this.members = members;
        this.groups = groups;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Operations.READ_MEMBER_OF)
    public ODataCollection<Map<String, Object>> list(@PathParam("idOrUserPrincipalName") String idOrUserPrincipalName,
            @Context UriInfo uri) {
        GroupsQuery query = GroupsQuery.paged(uri);
        GroupPage page = members.memberOf(caller.tenantId(), idOrUserPrincipalName, query.after(), query.top());
        String base = uri.getBaseUri().toString();
        return new ODataCollection<>(UserJson.metadata(base) + "#directoryObjects", null,
                page.continueAfter().map(last -> query.nextLink(base,
                        "v1.0/users/" + NextLink.segment(idOrUserPrincipalName) + "/memberOf", last.id)).orElse(null),
                GroupJson.page(page.groups(), query.select(),
                        query.needsLicenses() ? groups.licenses(page.groups()) : Map.of(), true));
    }
}
