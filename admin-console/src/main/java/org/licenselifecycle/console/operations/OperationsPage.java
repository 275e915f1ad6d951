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
import java.util.UUID;
import org.licenselifecycle.console.signin.SignedInAdmin;

/**
 * A bulk operation's page: progress while it runs, then each user's result with their data timeline one
 * click away, and "Done". The page's script asks for {@code ?part=progress} to refresh the progress alone.
 */
@Path("/operations/{id}")
@Produces(MediaType.TEXT_HTML)
public class OperationsPage {

    private final BulkOperations operations;
    private final SignedInAdmin admin;
    private final Template page;
    private final Template progress;

    OperationsPage(BulkOperations operations, SignedInAdmin admin, @Location("operation.html") Template page,
            @Location("operation-progress.html") Template progress) {
        this.operations = operations;
        this.admin = admin;
        this.page = page;
        this.progress = progress;
    }

    @GET
    public TemplateInstance operation(@PathParam("id") String id, @QueryParam("part") String part) {
        BulkOperation operation = operations.find(parse(id), admin.objectId()).orElseThrow(NotFoundException::new);
        return ("progress".equals(part) ? progress : page).data("op", operation);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }
}
