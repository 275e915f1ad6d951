package org.licenselifecycle.directory.graph;

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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.licenselifecycle.directory.roles.NewRoleAssignment;
import org.licenselifecycle.directory.roles.RoleAssignment;
import org.licenselifecycle.directory.roles.RoleAssignmentService;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.licenselifecycle.support.graph.ODataQuery;
import org.licenselifecycle.support.graph.ODataQuery.Option;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Microsoft Graph v1.0 {@code /roleManagement/directory/roleAssignments}: the directory's record of admin
 * roles ({@code principalId}, {@code roleDefinitionId} = Entra ID's role template id, {@code
 * directoryScopeId} = "/"). Only a Global Administrator may assign or remove roles (not their own Global
 * Administrator role, nor the tenant's last: {@link RoleAssignmentService#remove}); admins who may read
 * users may list them, with {@code $filter=principalId eq '...'}. The roles a caller acts with come from
 * the {@code wids} of their token, issued by the identity provider, not from this list.
 */
@Path("/v1.0/roleManagement/directory/roleAssignments")
@Produces(MediaType.APPLICATION_JSON)
public class RoleAssignmentsResource {

    private static final Pattern PRINCIPAL_FILTER = Pattern.compile("^\\s*principalId\\s+eq\\s+'([^']*)'\\s*$",
            Pattern.CASE_INSENSITIVE);

    private final RoleAssignmentService roles;
    private final Caller caller;

    RoleAssignmentsResource(RoleAssignmentService roles, Caller caller) {
        this.roles = roles;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Operations.READ_ROLE_ASSIGNMENTS)
    public ODataCollection<Map<String, Object>> list(@Context UriInfo uri) {
        String filter = ODataQuery.read(uri, Option.FILTER).value(Option.FILTER).orElse(null);
        return new ODataCollection<>(context(uri), null,
                roles.list(caller.tenantId(), principal(filter)).stream().map(RoleAssignmentsResource::json).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_ROLE_ASSIGNMENTS)
    public Response assign(NewRoleAssignment request, @Context UriInfo uri) {
        RoleAssignment assignment = roles.assign(caller.tenantId(), request);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(UserJson.CONTEXT, context(uri) + "/$entity");
        json.putAll(json(assignment));
        return Response.created(uri.getBaseUriBuilder().path("v1.0/roleManagement/directory/roleAssignments/{id}")
                .build(assignment.id)).entity(json).build();
    }

    @DELETE
    @Path("{id}")
    @PermissionsAllowed(Operations.CHANGE_ROLE_ASSIGNMENTS)
    public void remove(@PathParam("id") String id) {
        roles.remove(caller.tenantId(), id, caller.objectId());
    }

    private static Optional<UUID> principal(String filter) {
        if (filter == null) {
            return Optional.empty();
        }
        Matcher matcher = PRINCIPAL_FILTER.matcher(filter);
        if (!matcher.matches()) {
            throw new GraphException(400, GraphErrorCodes.UNSUPPORTED_QUERY,
                    "Unsupported or invalid query filter clause specified: '" + filter + "'. Supported: principalId eq '...'.");
        }
        try {
            return Optional.of(UUID.fromString(matcher.group(1)));
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest("Invalid filter clause: '" + filter + "'.");
        }
    }

    private static Map<String, Object> json(RoleAssignment assignment) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", assignment.id.toString());
        json.put("principalId", assignment.principalId.toString());
        json.put("roleDefinitionId", assignment.roleDefinitionId.toString());
        json.put("directoryScopeId", assignment.directoryScopeId);
        return json;
    }

    private static String context(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
                + "/v1.0/$metadata#roleManagement/directory/roleAssignments";
    }
}
