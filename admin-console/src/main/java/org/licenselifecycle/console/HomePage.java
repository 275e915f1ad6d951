package org.licenselifecycle.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** The console opens on Billing > Licenses, where the source document starts. */
@Path("/")
public class HomePage {

    @GET
    public Response home() {
        return Response.seeOther(URI.create("/licenses")).build();
    }
}
