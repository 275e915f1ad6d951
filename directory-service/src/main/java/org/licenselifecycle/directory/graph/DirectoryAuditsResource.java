package org.licenselifecycle.directory.graph;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.directory.audit.AuditPage;
import org.licenselifecycle.directory.audit.DirectoryAudits;
import org.licenselifecycle.support.graph.ODataQuery;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/**
 * Microsoft Graph v1.0 {@code /auditLogs/directoryAudits}: the caller's tenant's audit log, newest first, with
 * {@code $filter} by date and activity, {@code $top} and paging ({@link DirectoryAuditsQuery}), and one entry by
 * id. Who may read it: {@link Operations#READ_AUDIT_LOGS}.
 */
@Path("/v1.0/auditLogs/directoryAudits")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryAuditsResource {

    private final DirectoryAudits audits;
    private final Caller caller;

    DirectoryAuditsResource(DirectoryAudits audits, Caller caller) {
        this.audits = audits;
        this.caller = caller;
    }

    @GET
    @PermissionsAllowed(Operations.READ_AUDIT_LOGS)
    public ODataCollection<DirectoryAuditJson> list(@Context UriInfo uri) {
        DirectoryAuditsQuery query = DirectoryAuditsQuery.list(uri);
        AuditPage page = audits.page(caller.tenantId(), query.filter(), query.after(), query.top());
        String base = uri.getBaseUri().toString();
        return new ODataCollection<>(DirectoryAuditJson.collectionContext(base),
                page.continueAfter().map(last -> query.nextLink(base, last)).orElse(null),
                page.entries().stream().map(DirectoryAuditJson::of).toList());
    }

    @GET
    @Path("{id}")
    @PermissionsAllowed(Operations.READ_AUDIT_LOGS)
    public DirectoryAuditJson get(@PathParam("id") String id, @Context UriInfo uri) {
        ODataQuery.read(uri);
        UUID entryId = ObjectIds.resource(id);
        return DirectoryAuditJson.of(audits.find(caller.tenantId(), entryId));
    }
}
