package org.licenselifecycle.directory.graph;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.licenselifecycle.directory.users.DeletedItemsService;
import org.licenselifecycle.directory.users.UserPage;
import org.licenselifecycle.support.graph.ODataCollection;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Roles;

/**
 * Microsoft Graph v1.0 {@code /directory/deletedItems} for users: list the tenant's deleted users (paged
 * like {@code /users}, with {@code deletedDateTime}), read one, restore one with the same id, or delete one for
 * good. The cast and the action are also served under their other names ({@code graph.user}, which the v6 SDKs
 * send; {@code microsoft.graph.restore}, which Restore-MgDirectoryDeletedItem sends): service-support's
 * {@code QualifiedNames} with the names in {@code application.properties}. Admins who may read users may list;
 * Global and User Administrators may restore and delete, each only the users their role may manage ({@link org.licenselifecycle.directory.users.PrivilegedTargets}).
 */
@Path("/v1.0/directory/deletedItems")
@Produces(MediaType.APPLICATION_JSON)
public class DeletedItemsResource {

    private static final String USERS_PATH = "v1.0/directory/deletedItems/microsoft.graph.user";

    private final DeletedItemsService deletedItems;
    private final Caller caller;

    DeletedItemsResource(DeletedItemsService deletedItems, Caller caller) {
        this.deletedItems = deletedItems;
        this.caller = caller;
    }

    @GET
    @Path("microsoft.graph.user")
    @RolesAllowed({Roles.GLOBAL_ADMINISTRATOR, Roles.USER_ADMINISTRATOR, Roles.LICENSE_ADMINISTRATOR, Roles.GLOBAL_READER})
    public ODataCollection<Map<String, Object>> listUsers(@Context UriInfo uri) {
        UsersQuery query = UsersQuery.parseUnfiltered(uri.getQueryParameters());
        UserPage page = deletedItems.page(caller.tenantId(), query.after(), query.top());
        String base = uri.getBaseUri().toString();
        return new ODataCollection<>(UserJson.deletedItemsContext(base, query.select()),
                page.continueAfter().map(last -> query.nextLink(base, USERS_PATH, last)).orElse(null),
                page.users().stream().map(u -> UserJson.deleted(u, query.select())).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.GLOBAL_ADMINISTRATOR, Roles.USER_ADMINISTRATOR, Roles.LICENSE_ADMINISTRATOR, Roles.GLOBAL_READER})
    public Map<String, Object> get(@PathParam("id") String id, @Context UriInfo uri) {
        return UserJson.deletedDirectoryObject(deletedItems.find(caller.tenantId(), id), uri.getBaseUri().toString());
    }

    /**
     * One deleted user through the cast to user ({@code Get-MgDirectoryDeletedItemAsUser}; the v6 SDKs'
     * {@code deletedItems().byDirectoryObjectId(id).graphUser()}), with {@code deletedDateTime} as in the list.
     */
    @GET
    @Path("{id}/microsoft.graph.user")
    @RolesAllowed({Roles.GLOBAL_ADMINISTRATOR, Roles.USER_ADMINISTRATOR, Roles.LICENSE_ADMINISTRATOR, Roles.GLOBAL_READER})
    public Map<String, Object> getUser(@PathParam("id") String id, @QueryParam(UsersQuery.SELECT) String select,
            @Context UriInfo uri) {
        List<UserProperty> selected = UsersQuery.select(select);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(UserJson.CONTEXT, UserJson.deletedItemsContext(uri.getBaseUri().toString(), selected) + "/$entity");
        json.putAll(UserJson.deleted(deletedItems.find(caller.tenantId(), id), selected));
        return json;
    }

    /** Graph's restore takes an optional body (autoReconcileProxyConflict); there are no proxy addresses here to reconcile. */
    @POST
    @Path("{id}/restore")
    @RolesAllowed({Roles.GLOBAL_ADMINISTRATOR, Roles.USER_ADMINISTRATOR})
    public Map<String, Object> restore(@PathParam("id") String id, @Context UriInfo uri) {
        return UserJson.directoryObject(deletedItems.restore(caller.tenantId(), id, caller.objectId()),
                uri.getBaseUri().toString());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed({Roles.GLOBAL_ADMINISTRATOR, Roles.USER_ADMINISTRATOR})
    public void permanentlyDelete(@PathParam("id") String id) {
        deletedItems.permanentlyDelete(caller.tenantId(), id, caller.objectId());
    }
}
