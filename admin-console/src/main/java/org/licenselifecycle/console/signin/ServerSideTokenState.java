package org.licenselifecycle.console.signin;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TokenStateManager;
import io.quarkus.oidc.runtime.CodeAuthenticationMechanism;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.licenselifecycle.console.ConsoleConfig;

/**
 * Where quarkus-oidc keeps a signed-in admin's ID, access and refresh tokens (production sign-in): in
 * {@link Sessions}, not in the browser. Its session cookie ({@code q_session}) holds the session id only, and
 * its logout path ({@code /sign-out}) deletes the session here, so a copy of the cookie taken before sign-out is
 * refused after it. Replaces quarkus-oidc's default manager, which keeps the tokens in the cookies themselves and
 * so cannot end a session on the server.
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class ServerSideTokenState implements TokenStateManager {

    private final Sessions sessions;
    private final Clock clock;
    private final Duration lifetime;

    @Inject
    ServerSideTokenState(Sessions sessions, Clock clock, ConsoleConfig config) {
        this(sessions, clock, config.session().lifetime());
    }

    ServerSideTokenState(Sessions sessions, Clock clock, Duration lifetime) {
        this.sessions = sessions;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    @Override
    public Uni<String> createTokenState(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            AuthorizationCodeTokens tokens, OidcRequestContext<String> requestContext) {
        // quarkus-oidc has worked out the session's age (the ID token's lifetime, plus the refresh extension)
        Long maxAge = routingContext.get(CodeAuthenticationMechanism.SESSION_MAX_AGE_PARAM);
        Instant expiresAt = maxAge != null ? clock.instant().plusSeconds(maxAge) : clock.instant().plus(lifetime);
        return Uni.createFrom().item(sessions.open(tokens, expiresAt));
    }

    @Override
    public Uni<AuthorizationCodeTokens> getTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig,
            String tokenState, OidcRequestContext<AuthorizationCodeTokens> requestContext) {
        // unknown here (signed out, expired, or signed in on another replica): quarkus-oidc clears the cookie and
        // sends the admin to the identity provider
        return sessions.tokens(tokenState).map(tokens -> Uni.createFrom().item(tokens))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException(
                        "No such session on this console: signed out, expired, or begun on another replica")));
    }

    @Override
    public Uni<Void> deleteTokens(RoutingContext routingContext, OidcTenantConfig oidcConfig, String tokenState,
            OidcRequestContext<Void> requestContext) {
        sessions.end(tokenState);
        return Uni.createFrom().voidItem();
    }
}
