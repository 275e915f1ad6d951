package org.licenselifecycle.console.signin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.licenselifecycle.console.ConsoleConfig;

/**
 * "Sign out" of the demo sign-in: ends the session on the server, so that the cookie is worth nothing even to
 * someone who copied it, and tells the browser to forget it. In production quarkus-oidc's logout path answers
 * before this runs and ends the session the same way ({@link ServerSideTokenState#deleteTokens}).
 */
@Path("/sign-out")
public class SignOut {

    private final ConsoleConfig config;
    private final Sessions sessions;
    private final SessionCookie cookie;

    SignOut(ConsoleConfig config, Sessions sessions, SessionCookie cookie) {
        this.config = config;
        this.sessions = sessions;
        this.cookie = cookie;
    }

    @GET
    public Response signOut(@Context HttpHeaders headers) {
        if (!config.demoSignIn().enabled()) {
            throw new NotFoundException();
        }
        sessions.end(cookie.read(headers.getCookies()));
        return Response.seeOther(URI.create("/sign-in")).cookie(cookie.cleared()).build();
    }
}
