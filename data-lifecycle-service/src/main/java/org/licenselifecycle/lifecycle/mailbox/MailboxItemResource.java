package org.licenselifecycle.lifecycle.mailbox;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/** Admin API standing in for mail delivery: puts an item into a user's active mailbox. */
@Path("/api/v1/users/{userId}/mailbox/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Operations.DELIVER_MAIL)
@Tag(name = "Mailboxes")
public class MailboxItemResource {

    private final MailboxService mailboxes;
    private final Caller caller;

    MailboxItemResource(MailboxService mailboxes, Caller caller) {
        this.mailboxes = mailboxes;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(201)
    @Operation(summary = "Deliver an item to a user's mailbox",
            description = "Body: subject (required), body (required), receivedAt (ISO-8601, default now), "
                    + "retentionLabel (optional: the item is kept for discovery when the mailbox is purged). "
                    + "Only an ACTIVE mailbox receives items (409 MailboxNotActive otherwise). A subject of more than 255 "
                    + "characters, a body of more than 1 MB (UTF-8) or a retention label of more than 64 characters is "
                    + "a 400 and nothing is stored (bounds: lifecycle.mailbox.items.*).")
    public MailboxItemView deliver(@PathParam("userId") String userId, NewMailboxItem item) {
        return mailboxes.deliver(caller.tenantId(), userId, item);
    }
}
