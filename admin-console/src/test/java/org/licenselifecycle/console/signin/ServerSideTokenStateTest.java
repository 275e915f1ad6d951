package org.licenselifecycle.console.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.oidc.runtime.CodeAuthenticationMechanism;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.RoutingContext;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * quarkus-oidc's sessions (production sign-in) kept on the server: the cookie's value is a session id, the
 * tokens stay in {@link Sessions}, and quarkus-oidc's logout deletes them, so the old cookie is refused after.
 */
class ServerSideTokenStateTest {

    private final SessionsTest.MovingClock clock = new SessionsTest.MovingClock(Instant.parse("2026-11-27T09:00:00Z"));
    private final Sessions sessions = new Sessions(10, clock);
    private final ServerSideTokenState state = new ServerSideTokenState(sessions, clock, Duration.ofHours(8));

    @Test
    void theCookieHoldsAnIdAndTheTokensStayOnTheServerUntilLogoutDeletesThem() {
        AuthorizationCodeTokens tokens = new AuthorizationCodeTokens("id-token", "access-token", "refresh-token");
        String cookie = state.createTokenState(request(3600L), null, tokens, null).await().indefinitely();
        assertThat(cookie).doesNotContain("access-token").doesNotContain("id-token").doesNotContain("refresh-token");
        assertThat(state.getTokens(request(null), null, cookie, null).await().indefinitely()).isSameAs(tokens);

        state.deleteTokens(request(null), null, cookie, null).await().indefinitely();

        assertThatThrownBy(() -> state.getTokens(request(null), null, cookie, null).await().indefinitely())
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void theSessionLastsAsLongAsQuarkusOidcSaysTheSessionDoes() {
        String cookie = state.createTokenState(request(600L), null, new AuthorizationCodeTokens("i", "a", "r"), null)
                .await().indefinitely();
        clock.advance(Duration.ofSeconds(599));
        assertThat(sessions.tokens(cookie)).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> state.getTokens(request(null), null, cookie, null).await().indefinitely())
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aCookieThisReplicaNeverIssuedIsNoSession() {
        assertThatThrownBy(() -> state.getTokens(request(null), null, "issued-by-another-replica", null).await().indefinitely())
                .isInstanceOf(AuthenticationFailedException.class);
    }

    /** The request's context as quarkus-oidc fills it: only the session's age is read. */
    private static RoutingContext request(Long sessionMaxAge) {
        Map<String, Object> data = sessionMaxAge == null ? Map.of()
                : Map.of(CodeAuthenticationMechanism.SESSION_MAX_AGE_PARAM, sessionMaxAge);
        return (RoutingContext) Proxy.newProxyInstance(RoutingContext.class.getClassLoader(),
                new Class<?>[] {RoutingContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("get") && args != null && args.length == 1) {
                        return data.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
