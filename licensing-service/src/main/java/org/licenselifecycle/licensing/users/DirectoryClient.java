package org.licenselifecycle.licensing.users;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * directory-service's answer about one active user, as the UserUpdated that would announce them now (its
 * {@code UserSnapshotResource}); asked with the caller's own token, so that it answers within the caller's tenant.
 */
@Path("/internal/users")
public interface DirectoryClient {

    /** The UserUpdated's JSON, read with the event contract's reader; 404 when the tenant has no such active user. */
    @GET
    @Path("{idOrUserPrincipalName}")
    @Produces(MediaType.APPLICATION_JSON)
    String snapshot(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("idOrUserPrincipalName") String idOrUserPrincipalName);
}
