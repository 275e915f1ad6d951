package org.licenselifecycle.directory.users;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.events.EventJson;
import org.licenselifecycle.support.security.Caller;

/**
 * For the services that learn of users from this service's events: {@code GET /internal/users/{id|upn}} answers an
 * active user as of now, as the UserUpdated that would announce them now ({@link UserService#snapshot}). licensing-service
 * asks it about a user it has not heard of yet, with its own caller's token, so the answer stays inside the caller's
 * tenant and shows no more than {@code GET /v1.0/users/{id}} shows that caller. Not part of Graph: the Ingress does
 * not route {@code /internal/}, and only licensing's pods may reach this port besides the Ingress's (NetworkPolicy).
 */
@Path("/internal/users/{idOrUserPrincipalName}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Internal")
public class UserSnapshotResource {

    private final UserService users;
    private final Caller caller;

    UserSnapshotResource(UserService users, Caller caller) {
        this.users = users;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(summary = "An active user as of now, for the services that learn of users from the events")
    public String snapshot(@PathParam("idOrUserPrincipalName") String idOrUserPrincipalName) {
        // written as the event contract writes a UserUpdated, which is how the asking service reads it
        return EventJson.write(users.snapshot(caller.tenantId(), idOrUserPrincipalName));
    }
}
