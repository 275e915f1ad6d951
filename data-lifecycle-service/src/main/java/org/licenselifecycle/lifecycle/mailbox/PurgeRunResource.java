package org.licenselifecycle.lifecycle.mailbox;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.support.graph.ODataQuery;
import org.licenselifecycle.support.graph.ODataQuery.Option;
import org.licenselifecycle.support.security.Operations;

/** Admin API: what the purge job did, run by run (counts only, across tenants). */
@Path("/api/v1/purge-runs")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Operations.READ_PURGE_RUNS)
@Tag(name = "Mailboxes")
public class PurgeRunResource {

    private static final int DEFAULT_RUNS = 20;

    private final GracePeriodPurge purge;

    PurgeRunResource(GracePeriodPurge purge) {
        this.purge = purge;
    }

    @GET
    @Operation(summary = "The purge job's latest runs", description = "Newest first: when it started and finished, "
            + "how many mailboxes it purged, how many items it deleted and kept under retention labels.")
    @Parameter(name = "$top", in = ParameterIn.QUERY, description = "How many runs, 1..999 (default 20)")
    public List<PurgeRunView> runs(@Context UriInfo uri) {
        return purge.latestRuns(ODataQuery.read(uri, Option.TOP).top(DEFAULT_RUNS));
    }
}
