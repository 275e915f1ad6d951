package org.licenselifecycle.directory.directorysync;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * The directory synchronization's endpoint (admin API, for a sync agent standing in for Entra Connect):
 * {@code POST /api/v1/directorySync/batches} with {@code {"users": [...], "groups": [...]}} ({@link SyncBatch}); 200
 * with one result per entry ({@link SyncBatchResult}). Only an application with Directory.ReadWrite.All or a holder of
 * Directory Synchronization Accounts ({@code Operations.SYNCHRONIZE_DIRECTORY}); the batch writes the caller's tenant.
 */
@Path("/api/v1/directorySync/batches")
@Produces(MediaType.APPLICATION_JSON)
public class DirectorySyncResource {

    private final DirectorySyncService sync;
    private final Caller caller;

    DirectorySyncResource(DirectorySyncService sync, Caller caller) {
        this.sync = sync;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.SYNCHRONIZE_DIRECTORY)
    public SyncBatchResult apply(SyncBatch batch) {
        return sync.apply(caller.tenantId(), batch, caller.objectId());
    }
}
