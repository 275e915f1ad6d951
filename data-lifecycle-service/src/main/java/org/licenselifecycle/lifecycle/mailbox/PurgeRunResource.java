package org.licenselifecycle.lifecycle.mailbox;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.support.graph.GraphException;
import org.licenselifecycle.support.security.Operations;

/** Admin API: what the purge job did, run by run (counts only, across tenants). */
@Path("/api/v1/purge-runs")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Operations.READ_PURGE_RUNS)
@Tag(name = "Mailboxes")
public class PurgeRunResource {

    private final GracePeriodPurge purge;

    PurgeRunResource(GracePeriodPurge purge) {
        this.purge = purge;
    }

    @GET
    @Operation(summary = "The purge job's latest runs", description = "Newest first: when it started and finished, "
            + "how many mailboxes it purged, how many items it deleted and kept under retention labels.")
    public List<PurgeRunView> runs(@QueryParam("$top") @DefaultValue("20") String top) {
        int count;
        try {
            count = Integer.parseInt(top);
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1 || count > 999) {
            throw GraphException.badRequest("$top must be a number between 1 and 999.");
        }
        return purge.latestRuns(count);
    }
}
