package org.licenselifecycle.lifecycle.timeline;

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

/** Admin API: what happened to a user's data and when. */
@Path("/api/v1/users/{userId}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Operations.READ_USER_DATA)
@Tag(name = "Timeline")
public class TimelineResource {

    private final Timeline timeline;
    private final Caller caller;

    TimelineResource(Timeline timeline, Caller caller) {
        this.timeline = timeline;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "A user's data timeline",
            description = "License removed (by whom), grace period end, reconnected, holds, user deleted or restored, "
                    + "purged and what was kept and why; oldest first.")
    public TimelineView timeline(@PathParam("userId") String userId) {
        return timeline.of(caller.tenantId(), userId);
    }
}
