package org.licenselifecycle.console.signin;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.ConsoleConfig;
import org.licenselifecycle.console.services.DirectoryClient;
import org.licenselifecycle.console.services.ServiceError;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.roles.DirectoryRole;

/**
 * The demo sign-in (dev, local and test profiles; {@code console.demo-sign-in.enabled}, refused in prod by
 * {@link DemoSignInGuard}): the configured demo tenant's admins as the directory records them, one button each;
 * choosing one mints their token with the development key and opens a session on the server ({@link Sessions})
 * whose id the session cookie carries. Only that one tenant: a tenant named in the request is never signed in to,
 * so the page cannot mint a Global Administrator of any tenant the services hold.
 */
@Path("/sign-in")
@Produces(MediaType.TEXT_HTML)
public class DemoSignIn {

    /** One admin of the tenant the page offers. */
    public record DemoAdmin(String userId, String displayName, String userPrincipalName, DirectoryRole role) {
    }

    private final ConsoleConfig config;
    private final DemoTokens tokens;
    private final DirectoryClient directory;
    private final Sessions sessions;
    private final SessionCookie cookie;
    private final Template page;

    DemoSignIn(ConsoleConfig config, DemoTokens tokens, @RestClient DirectoryClient directory, Sessions sessions,
            SessionCookie cookie, @Location("sign-in.html") Template page) {
        this.config = config;
        this.tokens = tokens;
        this.directory = directory;
        this.sessions = sessions;
        this.cookie = cookie;
        this.page = page;
    }

    @GET
    public TemplateInstance signInPage() {
        requireDemo();
        String tenantId = config.demoSignIn().tenantId();
        try {
            return page.data("tenantId", tenantId).data("admins", admins(tenantId)).data("error", null);
        } catch (ServiceError e) {
            return page.data("tenantId", tenantId).data("admins", List.of()).data("error", e.getMessage());
        }
    }

    @POST
    public Response signIn(@FormParam("userId") String userId, @FormParam("role") String role) {
        requireDemo();
        String tenantId = config.demoSignIn().tenantId();
        DemoAdmin chosen = admins(tenantId).stream()
                .filter(a -> a.userId().equalsIgnoreCase(userId) && a.role().name().equals(role))
                .findFirst()
                .orElseThrow(() -> new ServiceError(400, GraphErrorCodes.BAD_REQUEST,
                        "That admin does not hold that role in this organization any more. Choose another one."));
        String token = tokens.token(tenantId, chosen.userId(), chosen.displayName(), List.of(chosen.role()));
        Instant expiresAt = TokenClaims.of(token).orElseThrow().expiresAt();
        String session = sessions.open(new AuthorizationCodeTokens(null, token, null), expiresAt);
        return Response.seeOther(URI.create("/licenses")).cookie(cookie.of(session)).build();
    }

    private List<DemoAdmin> admins(String tenantId) {
        String bearer = "Bearer " + tokens.signInPageToken(tenantId);
        return directory.roleAssignments(bearer).value().stream()
                .flatMap(assignment -> DirectoryRole.ofTemplateId(assignment.roleDefinitionId()).stream().map(role -> {
                    DirectoryClient.User user = directory.user(bearer, assignment.principalId());
                    return new DemoAdmin(user.id(), user.displayName(), user.userPrincipalName(), role);
                }))
                .sorted((a, b) -> a.role().compareTo(b.role()) != 0 ? a.role().compareTo(b.role())
                        : a.displayName().compareToIgnoreCase(b.displayName()))
                .toList();
    }

    private void requireDemo() {
        if (!config.demoSignIn().enabled()) {
            throw new NotFoundException();
        }
    }
}
