package org.licenselifecycle.support.security;

import io.quarkus.security.PermissionsAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A test-only endpoint that License Administrators may read, as licensing's {@code /api/v1/licenses}. */
@Path("/test/licenses")
public class LicensesProbe {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PermissionsAllowed(Operations.READ_LICENSES)
    public List<String> licenses() {
        return List.of();
    }
}
