package org.licenselifecycle.directory.graph;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.GET;
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
import org.licenselifecycle.directory.licenses.LicensesOfUser;
import org.licenselifecycle.directory.licenses.UserLicenses;
import org.licenselifecycle.directory.users.DeletedItemsService;
import org.licenselifecycle.directory.users.NewUser;
import org.licenselifecycle.directory.users.User;
import org.licenselifecycle.directory.users.UserPage;
import org.licenselifecycle.directory.users.UserService;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Microsoft Graph v1.0 {@code /users}: create, list (with the query options of {@link UsersQuery}), count,
 * read, update and delete the caller's tenant's users, with the licenses the directory knows of them. Members
 * of the tenant may read; Global and User Administrators may change them, and a Helpdesk Administrator may
 * reset a password (a PATCH of passwordProfile alone), each only on the users Entra ID
 * lets their role manage ({@link org.licenselifecycle.directory.users.PrivilegedTargets}). A body's
 * properties this service does not keep (businessPhones, officeLocation...) are ignored as Graph ignores
 * read-only ones; a property of the wrong JSON type is a 400 (see {@link org.licenselifecycle.support.graph.StrictJson}, {@link UserPatch}).
 */
@Path("/v1.0/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    private static final String USERS_PATH = "v1.0/users";

    private final UserService users;
    private final DeletedItemsService deletedItems;
    private final UserLicenses licenses;
    private final Caller caller;

    UsersResource(UserService users, DeletedItemsService deletedItems, UserLicenses licenses, Caller caller) {
        this.users = users;
        this.deletedItems = deletedItems;
        this.licenses = licenses;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CREATE_USERS)
    public Response create(NewUser request, @Context UriInfo uri) {
        User user = users.create(caller.tenantId(), request);
        return Response.created(uri.getBaseUriBuilder().path("v1.0/users/{id}").build(user.id))
                .entity(UserJson.entity(user, List.of(), LicensesOfUser.NONE, uri.getBaseUri().toString()))
                .build();
    }

    @GET
    @PermissionsAllowed(Operations.READ_USERS)
    public ODataCollection<Map<String, Object>> list(@Context UriInfo uri, @Context HttpHeaders headers) {
        UsersQuery query = UsersQuery.list(uri, headers);
        UUID tenantId = caller.tenantId();
        UserPage page = users.page(tenantId, query.filter(), query.order(), query.after(), query.top());
        Long count = query.count() ? users.count(tenantId, query.filter()) : null;
        Map<UUID, LicensesOfUser> held = query.needsLicenses()
                ? licenses.of(tenantId, page.users().stream().map(u -> u.id).toList()) : Map.of();
        String base = uri.getBaseUri().toString();
        return new ODataCollection<>(UserJson.collectionContext(base, query.select()), count,
                page.continueAfter().map(last -> query.nextLink(base, USERS_PATH, last)).orElse(null),
                page.users().stream()
                        .map(u -> UserJson.of(u, query.select(), held.getOrDefault(u.id, LicensesOfUser.NONE)))
                        .toList());
    }

    /**
     * Graph's {@code /users/$count}: how many users the {@code $filter} and {@code $search} select, as plain text;
     * with {@code ConsistencyLevel: eventual} only, as Graph counts. (A template segment, matched as sent: a literal
     * '$' in a path never matches here, and clients send it as {@code $} or as {@code %24}.)
     */
    @GET
    @Path("{count: [$]count|%24count}")
    @Produces(MediaType.TEXT_PLAIN)
    @PermissionsAllowed(Operations.READ_USERS)
    public String count(@Context UriInfo uri, @Context HttpHeaders headers) {
        return Long.toString(users.count(caller.tenantId(), UsersQuery.counted(uri, headers)));
    }

    @GET
    @Path("{idOrUserPrincipalName}")
    @PermissionsAllowed(Operations.READ_USERS)
    public Map<String, Object> get(@PathParam("idOrUserPrincipalName") String idOrUserPrincipalName, @Context UriInfo uri) {
        List<UserProperty> selected = UsersQuery.single(uri);
        UUID tenantId = caller.tenantId();
        User user = users.find(tenantId, idOrUserPrincipalName);
        LicensesOfUser held = UserJson.needsLicenses(selected)
                ? licenses.of(tenantId, List.of(user.id)).getOrDefault(user.id, LicensesOfUser.NONE) : LicensesOfUser.NONE;
        return UserJson.entity(user, selected, held, uri.getBaseUri().toString());
    }

    /** Sets the properties in the body; 204 without a body, as Graph answers. */
    @PATCH
    @Path("{idOrUserPrincipalName}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.UPDATE_USERS)
    public void update(@PathParam("idOrUserPrincipalName") String idOrUserPrincipalName, JsonNode body) {
        users.update(caller.tenantId(), idOrUserPrincipalName, UserPatch.read(body));
    }

    /** Deletes (soft): the user moves to deleted items, restorable until the window ends; 204 as Graph answers. */
    @DELETE
    @Path("{idOrUserPrincipalName}")
    @PermissionsAllowed(Operations.DELETE_USERS)
    public void delete(@PathParam("idOrUserPrincipalName") String idOrUserPrincipalName) {
        deletedItems.delete(caller.tenantId(), idOrUserPrincipalName, caller.objectId());
    }
}
