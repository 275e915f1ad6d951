package org.licenselifecycle.lifecycle.onedrive;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/** Admin API: the caller's tenant's OneDrive retention for deleted users and its secondary owner. */
@Path("/api/v1/tenant")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "OneDrive")
public class OneDriveSettingsResource {

    private final OneDriveService oneDrives;
    private final Caller caller;

    OneDriveSettingsResource(OneDriveService oneDrives, Caller caller) {
        this.oneDrives = oneDrives;
        this.caller = caller;
    }

    @GET
    @Path("/onedrive-settings")
    @PermissionsAllowed(Operations.READ_ONEDRIVE_SETTINGS)
    @Operation(summary = "OneDrive settings", description = "retentionDays (default 30) and secondaryOwnerId (null: none).")
    public OneDriveSettingsView settings() {
        return oneDrives.settings(caller.tenantId());
    }

    @PUT
    @Path("/onedrive-retention")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_ONEDRIVE_SETTINGS)
    @Operation(summary = "Set the OneDrive retention", description = "Body {\"days\": 30..3650}; anything else is a 400. "
            + "Applies to users deleted from now on; a OneDrive already kept keeps its date.")
    public OneDriveSettingsView retention(OneDriveRetentionRequest request) {
        return oneDrives.setRetention(caller.tenantId(), request);
    }

    @PUT
    @Path("/onedrive-secondary-owner")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.CHANGE_ONEDRIVE_SETTINGS)
    @Operation(summary = "Set the OneDrive secondary owner", description = "Body {\"userId\": guid | null}: who gets "
            + "a deleted user's OneDrive when the user has no manager.")
    public OneDriveSettingsView secondaryOwner(SecondaryOwnerRequest request) {
        return oneDrives.setSecondaryOwner(caller.tenantId(), request);
    }
}
