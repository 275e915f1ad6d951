package org.licenselifecycle.lifecycle.ediscovery;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.licenselifecycle.support.security.Caller;
import org.licenselifecycle.support.security.Operations;

/** Admin API: eDiscovery Content Search over the caller's tenant. */
@Path("/api/v1/ediscovery/searches")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Operations.SEARCH_CONTENT)
@Tag(name = "eDiscovery")
public class ContentSearchResource {

    private final ContentSearchService search;
    private final Caller caller;

    ContentSearchResource(ContentSearchService search, Caller caller) {
        this.search = search;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Run a content search",
            description = "Body {\"query\": \"words\", \"top\": 100, \"skipToken\": null}: items whose subject or body "
                    + "contains every word, in searchable mailboxes (active, held, inactive) and among items kept under "
                    + "retention labels after a purge, newest first, one page of at most top hits (default 100, up to "
                    + "500); nextSkipToken, when not null, asks for the next page. Disconnected mailboxes are not "
                    + "searched. A query of more than 500 characters or 20 words, or one the database cannot answer "
                    + "within 5 s, is a 400 (bounds: lifecycle.ediscovery.*).")
    public ContentSearchResult search(ContentSearchRequest request) {
        return search.search(caller.tenantId(), request);
    }
}
