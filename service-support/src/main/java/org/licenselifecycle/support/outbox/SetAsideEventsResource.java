package org.licenselifecycle.support.outbox;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Admin API of every service: the outbox events the broker refused for good, of the caller's tenant. The
 * service's name is in the path so that one Ingress can route each service's list to that service.
 */
@Path("/api/v1/operations/{service}/outbox/set-aside")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Operations.MANAGE_SET_ASIDE_EVENTS)
@Tag(name = "Operations")
public class SetAsideEventsResource {

    private final SetAsideEvents events;
    private final Caller caller;
    private final String applicationName;

    SetAsideEventsResource(SetAsideEvents events, Caller caller,
            @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.events = events;
        this.caller = caller;
        this.applicationName = applicationName;
    }

    @GET
    @Operation(summary = "Events set aside", description = "Events of your tenant the broker refused for good"
            + " (outbox.relay.set-aside-after times), oldest first, with the last error and how many later events of"
            + " the same user wait behind each. Global Administrators only.")
    public List<SetAsideEvent> list(@PathParam("service") String service) {
        thisService(service);
        return events.of(caller.tenantId());
    }

    @POST
    @Path("/{eventId}/retry")
    @Operation(summary = "Retry a set-aside event", description = "Puts it back first in its user's queue once the"
            + " cause is fixed; it is set aside again if the broker keeps refusing it. 204, or 404.")
    public void retry(@PathParam("service") String service, @PathParam("eventId") String eventId) {
        thisService(service);
        events.retry(caller.tenantId(), eventId, caller.objectId());
    }

    @POST
    @Path("/{eventId}/discard")
    @Operation(summary = "Discard a set-aside event", description = "It is never published (consumers never learn"
            + " of the change it announced); the later events of its user then go out. 204, or 404.")
    public void discard(@PathParam("service") String service, @PathParam("eventId") String eventId) {
        thisService(service);
        events.discard(caller.tenantId(), eventId, caller.objectId());
    }

    private void thisService(String service) {
        if (!applicationName.equals(service)) {
            throw GraphException.notFound(service);
        }
    }
}
