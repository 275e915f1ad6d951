package org.licenselifecycle.lifecycle.mailbox;

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

/** Admin API: a user's Exchange Online mailbox (state, searchable by eDiscovery, when it will be purged). */
@Path("/api/v1/users/{userId}/mailbox")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Operations.READ_USER_DATA)
@Tag(name = "Mailboxes")
public class MailboxResource {

    private final MailboxService mailboxes;
    private final Caller caller;

    MailboxResource(MailboxService mailboxes, Caller caller) {
        this.mailboxes = mailboxes;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "A user's mailbox",
            description = "State (ACTIVE or DISCONNECTED), whether eDiscovery can search it, the Exchange plan, "
                    + "and when its data is purged (removedAt + grace period; null when nothing is due).")
    public MailboxView mailbox(@PathParam("userId") String userId) {
        return mailboxes.find(caller.tenantId(), userId);
    }
}
