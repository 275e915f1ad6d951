package org.licenselifecycle.support.graph;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.support.security.Operations;

/**
 * A test-only endpoint that reads an assignLicense body ({@code addLicenses}, {@code removeLicenses}) and, as
 * licensing's does, refuses one with both lists empty: for {@link RequestBodyLimitTest}.
 */
@Path("/test/users/{id}/assignLicense")
public class AssignLicenseProbe {

    /** The body of Graph's assignLicense. */
    public record Body(List<Object> addLicenses, List<String> removeLicenses) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.ASSIGN_LICENSES)
    public void assignLicense(@PathParam("id") String id, Body body) {
        if (body == null || body.addLicenses() == null || body.removeLicenses() == null
                || body.addLicenses().isEmpty() && body.removeLicenses().isEmpty()) {
            throw GraphException.badRequest("addLicenses and removeLicenses are both empty.");
        }
    }
}
