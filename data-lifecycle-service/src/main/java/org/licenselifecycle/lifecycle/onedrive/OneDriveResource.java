package org.licenselifecycle.lifecycle.onedrive;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/** Admin API: a user's OneDrive for Business. */
@Path("/api/v1/users/{userId}/onedrive")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Operations.READ_USER_DATA)
@Tag(name = "OneDrive")
public class OneDriveResource {

    private final OneDriveService oneDrives;
    private final Caller caller;

    OneDriveResource(OneDriveService oneDrives, Caller caller) {
        this.oneDrives = oneDrives;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "A user's OneDrive", description = "State and site URL; a license removal never changes it.")
    public OneDriveView oneDrive(@PathParam("userId") String userId) {
        return oneDrives.find(caller.tenantId(), userId);
    }
}
