package org.licenselifecycle.directory.graph;

import io.quarkus.security.PermissionsAllowed;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.licenselifecycle.directory.licenses.LicensesOfUser;
import org.licenselifecycle.directory.licenses.UserLicenses;
import org.licenselifecycle.directory.users.DeletedItemsService;
import org.licenselifecycle.directory.users.User;
import org.licenselifecycle.directory.users.UserCursor;
import org.licenselifecycle.directory.users.UserPage;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.licenselifecycle.support.graph.ODataQuery;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

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
    private final UserLicenses licenses;
    private final Caller caller;

    DeletedItemsResource(DeletedItemsService deletedItems, UserLicenses licenses, Caller caller) {
        this.deletedItems = deletedItems;
        this.licenses = licenses;
        this.caller = caller;
    }

    @GET
    @Path("microsoft.graph.user")
    @PermissionsAllowed(Operations.READ_DELETED_USERS)
    public ODataCollection<Map<String, Object>> listUsers(@Context UriInfo uri) {
        UsersQuery query = UsersQuery.deleted(uri);
        UUID tenantId = caller.tenantId();
        UserPage page = deletedItems.page(tenantId, query.after().map(UserCursor::id), query.top());
        Map<UUID, LicensesOfUser> held = query.needsLicenses()
                ? licenses.of(tenantId, page.users().stream().map(u -> u.id).toList()) : Map.of();
        String base = uri.getBaseUri().toString();
        return new ODataCollection<>(UserJson.deletedItemsContext(base, query.select()),
                page.continueAfter().map(last -> query.nextLink(base, USERS_PATH, last)).orElse(null),
                page.users().stream()
                        .map(u -> UserJson.deleted(u, query.select(), held.getOrDefault(u.id, LicensesOfUser.NONE)))
                        .toList());
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Operations.READ_DELETED_USERS)
    public Map<String, Object> get(@PathParam("id") String id, @Context UriInfo uri) {
        ODataQuery.read(uri); // takes no query option: one sent is refused, not ignored
        return UserJson.deletedDirectoryObject(deletedItems.find(caller.tenantId(), id), uri.getBaseUri().toString());
    }

    /**
     * One deleted user through the cast to user ({@code Get-MgDirectoryDeletedItemAsUser}; the v6 SDKs'
     * {@code deletedItems().byDirectoryObjectId(id).graphUser()}), with {@code deletedDateTime} as in the list.
     */
    @GET
    @Path("{id}/microsoft.graph.user")
    @PermissionsAllowed(Operations.READ_DELETED_USERS)
    public Map<String, Object> getUser(@PathParam("id") String id, @Context UriInfo uri) {
        List<UserProperty> selected = UsersQuery.single(uri);
        UUID tenantId = caller.tenantId();
        User user = deletedItems.find(tenantId, id);
        LicensesOfUser held = UserJson.needsLicenses(selected)
                ? licenses.of(tenantId, List.of(user.id)).getOrDefault(user.id, LicensesOfUser.NONE) : LicensesOfUser.NONE;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(UserJson.CONTEXT, UserJson.deletedItemsContext(uri.getBaseUri().toString(), selected) + "/$entity");
        json.putAll(UserJson.deleted(user, selected, held));
        return json;
    }

    /** Graph's restore takes an optional body (autoReconcileProxyConflict); there are no proxy addresses here to reconcile. */
    @POST
    @Path("{id}/restore")
    @PermissionsAllowed(Operations.RESTORE_DELETED_USERS)
    public Map<String, Object> restore(@PathParam("id") String id, @Context UriInfo uri) {
        return UserJson.directoryObject(deletedItems.restore(caller.tenantId(), id, caller.objectId()),
                uri.getBaseUri().toString());
    }

    @DELETE
    @Path("{id}")
    @PermissionsAllowed(Operations.PURGE_DELETED_USERS)
    public void permanentlyDelete(@PathParam("id") String id) {
        deletedItems.permanentlyDelete(caller.tenantId(), id, caller.objectId());
    }
}
