package org.licenselifecycle.licensing.licenses;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * directory-service's answer about one group of the caller's tenant: {@code {"id", "displayName",
 * "onPremisesSyncEnabled"}}, 404 for a group it does not know (or another tenant's). Asked with the caller's token.
 */
@Path("/internal/groups")
public interface DirectoryGroupsClient {

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    String group(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id);
}
