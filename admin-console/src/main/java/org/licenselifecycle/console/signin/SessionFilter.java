package org.licenselifecycle.console.signin;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.licenselifecycle.console.ConsoleConfig;

/**
 * Finds who is signed in before a page runs: in production the access token of the OpenID Connect session
 * (quarkus-oidc has already sent anyone else to the identity provider); with the demo sign-in, the token of
 * the session whose id the session cookie carries. Anyone not signed in is sent to the sign-in page.
 */
public class SessionFilter {

    private final SignedInAdmin admin;
    private final SecurityIdentity identity;
    private final ConsoleConfig config;
    private final Sessions sessions;
    private final SessionCookie cookie;
    private final Clock clock;

    SessionFilter(SignedInAdmin admin, SecurityIdentity identity, ConsoleConfig config, Sessions sessions,
            SessionCookie cookie, Clock clock) {
        this.admin = admin;
        this.identity = identity;
        this.config = config;
        this.sessions = sessions;
        this.cookie = cookie;
        this.clock = clock;
    }

    @ServerRequestFilter
    public Optional<RestResponse<Void>> findTheAdmin(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/sign-in") || path.startsWith("/sign-out")) {
            return Optional.empty();
        }
        String token = token(request);
        Optional<TokenClaims> claims = TokenClaims.of(token).filter(c -> !c.expiredAt(clock.instant()));
        if (claims.isPresent()) {
            admin.signIn(token, claims.get());
            return Optional.empty();
        }
        return Optional.of(RestResponse.seeOther(URI.create(config.demoSignIn().enabled() ? "/sign-in" : "/")));
    }

    private String token(ContainerRequestContext request) {
        if (config.demoSignIn().enabled()) {
            return sessions.tokens(cookie.read(request.getCookies())).map(AuthorizationCodeTokens::getAccessToken).orElse(null);
        }
        AccessTokenCredential credential = identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }
}
