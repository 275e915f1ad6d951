package org.licenselifecycle.console.operations;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.licenselifecycle.console.signin.SignedInAdmin;

/**
 * A bulk operation's page: progress while it runs, then each user's result with their data timeline one
 * click away, and "Done". The page's script asks for {@code ?part=progress} to refresh the progress alone.
 * An operation this console does not have (restarted since, or started on another replica) gets the page that
 * says so, with what was requested and where each user stands now ({@link LostOperations}), never a bare 404.
 */
@Path("/operations/{id}")
@Produces(MediaType.TEXT_HTML)
public class OperationsPage {

    private final BulkOperations operations;
    private final LostOperations lost;
    private final SignedInAdmin admin;
    private final Template page;
    private final Template progress;
    private final Template lostPage;
    private final Template lostPart;

    OperationsPage(BulkOperations operations, LostOperations lost, SignedInAdmin admin,
            @Location("operation.html") Template page, @Location("operation-progress.html") Template progress,
            @Location("operation-lost.html") Template lostPage, @Location("operation-lost-part.html") Template lostPart) {
        this.operations = operations;
        this.lost = lost;
        this.admin = admin;
        this.page = page;
        this.progress = progress;
        this.lostPage = lostPage;
        this.lostPart = lostPart;
    }

    @GET
    public TemplateInstance operation(@PathParam("id") String id, @QueryParam("part") String part) {
        boolean partOnly = "progress".equals(part);
        Optional<BulkOperation> operation = operations.find(id, admin.objectId());
        if (operation.isPresent()) {
            return (partOnly ? progress : page).data("op", operation.get());
        }
        // another admin's operation, or no operation's id at all: as if absent
        OperationRequest request = OperationRequest.of(id).filter(r -> r.ownedBy(admin.objectId()))
                .orElseThrow(NotFoundException::new);
        return (partOnly ? lostPart : lostPage).data("lost", lost.of(request, admin.bearer()));
    }
}
