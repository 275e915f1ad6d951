package org.licenselifecycle.console.signin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.licenselifecycle.console.ConsoleConfig;

/** "Sign out": forgets the demo session; in production quarkus-oidc's logout path answers before this runs. */
@Path("/sign-out")
public class SignOut {

    private final ConsoleConfig config;

    SignOut(ConsoleConfig config) {
        this.config = config;
    }

    @GET
    public Response signOut() {
        if (!config.demoSignIn().enabled()) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create("/sign-in")).cookie(DemoSignIn.cookie("", 0)).build();
    }
}
