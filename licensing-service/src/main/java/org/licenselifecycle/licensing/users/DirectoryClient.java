package org.licenselifecycle.licensing.users;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * directory-service's internal answers about one user or group of the caller's tenant, asked with the caller's own
 * token so that it answers within the caller's tenant ({@link DirectoryAnswers}).
 */
@Path("/internal")
public interface DirectoryClient {

    /**
     * The active user as the UserUpdated that would announce them now (directory's {@code UserSnapshotResource}),
     * read with the event contract's reader; 404 when the tenant has no such active user.
     */
    @GET
    @Path("users/{idOrUserPrincipalName}")
    @Produces(MediaType.APPLICATION_JSON)
    String user(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("idOrUserPrincipalName") String idOrUserPrincipalName);

    /**
     * The group: {@code {"id", "displayName", "onPremisesSyncEnabled"}}; 404 for a group directory does not know (or
     * another tenant's).
     */
    @GET
    @Path("groups/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    String group(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);
}
