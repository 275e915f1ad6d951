package org.licenselifecycle.lifecycle.mailbox;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/** Admin API: litigation hold, eDiscovery hold and retention policy on a user's mailbox. */
@Path("/api/v1/users/{userId}/mailbox/holds")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Operations.MANAGE_HOLDS)
@Tag(name = "Mailboxes")
public class HoldResource {

    private final MailboxService mailboxes;
    private final Caller caller;

    HoldResource(MailboxService mailboxes, Caller caller) {
        this.mailboxes = mailboxes;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a hold", description = "Body {\"kind\": \"LITIGATION_HOLD\" | \"EDISCOVERY_HOLD\" | "
            + "\"RETENTION_POLICY\"}. While any hold is in force the mailbox stays searchable and is never purged. "
            + "Returns the mailbox.")
    public MailboxView place(@PathParam("userId") String userId, NewHold hold) {
        return mailboxes.placeHold(caller.tenantId(), userId, hold, caller.objectId());
    }

    @DELETE
    @Path("/{kind}")
    @Operation(summary = "Release a hold", description = "When the last hold goes, the normal rule applies again: "
            + "a mailbox without a license is purged a full grace period after the removal or the release, "
            + "whichever is later. Returns the mailbox.")
    public MailboxView release(@PathParam("userId") String userId, @PathParam("kind") String kind) {
        return mailboxes.releaseHold(caller.tenantId(), userId, kind, caller.objectId());
    }
}
