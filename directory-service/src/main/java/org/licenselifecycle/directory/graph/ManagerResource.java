package org.licenselifecycle.directory.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.licenselifecycle.directory.users.ManagerService;
import org.licenselifecycle.support.graph.ODataQuery;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Microsoft Graph v1.0 {@code /users/{id}/manager}: read a user's manager, set it with a reference
 * ({@code PUT .../manager/$ref} and {@code {"@odata.id": ".../users/{managerId}"}}) or remove it. Members
 * may read; Global and User Administrators may change it, of the users their role may manage
 * ({@link org.licenselifecycle.directory.users.PrivilegedTargets}).
 */
@Path("/v1.0/users")
@Produces(MediaType.APPLICATION_JSON)
public class ManagerResource {

    /** Graph's {@code manager/$ref}: a template segment checked in code, since a literal '$' in a path never matches here. */
    private static final String REF = "{idOrUserPrincipalName}/manager/{ref}";

    private final ManagerService managers;
    private final Caller caller;

    ManagerResource(ManagerService managers, Caller caller) {
        this.managers = managers;
        this.caller = caller;
    }

    @GET
    @Path("{idOrUserPrincipalName}/manager")
    @PermissionsAllowed(Operations.READ_USERS)
    public Map<String, Object> get(@PathParam("idOrUserPrincipalName") String idOrUserPrincipalName, @Context UriInfo uri) {
        ODataQuery.read(uri); // takes no query option: one sent is refused, not ignored
        return UserJson.directoryObject(managers.managerOf(caller.tenantId(), idOrUserPrincipalName),
                uri.getBaseUri().toString());
    }

    @PUT
    @Path(REF)
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_MANAGER)
    public void set(@PathParam("idOrUserPrincipalName") String idOrUserPrincipalName, @PathParam("ref") String ref,
            JsonNode body) {
        References.requireRef(ref);
        String managerId = References.referencedId(body, ".../v1.0/users/{id}");
        managers.assign(caller.tenantId(), idOrUserPrincipalName, managerId);
    }

    @DELETE
    @Path(REF)
    @PermissionsAllowed(Operations.CHANGE_MANAGER)
    public void remove(@PathParam("idOrUserPrincipalName") String idOrUserPrincipalName, @PathParam("ref") String ref) {
        References.requireRef(ref);
        managers.remove(caller.tenantId(), idOrUserPrincipalName);
    }
}
