package org.licenselifecycle.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.licenselifecycle.contract.tokens.TokenMinter;

/**
 * The admin console's settings: where the three services answer (the confirmation box asks data-lifecycle-service
 * what happens to the data, grace period included), how many rows a page shows, the signed-in sessions and
 * cookies, and the demo sign-in (dev, local and test profiles only).
 */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    @WithDefault("http://localhost:8081")
    String directoryUrl();

    @WithDefault("http://localhost:8082")
    String licensingUrl();

    @WithDefault("http://localhost:8083")
    String lifecycleUrl();

    /** Rows per page on Active users and on a product's users. */
    @WithDefault("50")
    int pageSize();

    /**
     * Whether the console's cookies (the demo session, the form token; quarkus-oidc's session cookies follow it
     * in application.properties) are Secure, sent over HTTPS only. On except under the dev, local and test
     * profiles, which serve plain http on a developer's machine.
     */
    @WithDefault("true")
    boolean secureCookies();

    Session session();

    DemoSignIn demoSignIn();

    /** The signed-in sessions this replica keeps (signin.Sessions). */
    interface Session {

        /** At most this many sessions per replica; past it the least used one is dropped and its admin signs in again. */
        @WithDefault("2000")
        int maxPerReplica();

        /** How long a session lasts when its sign-in does not say (quarkus-oidc says: the ID token's lifetime). */
        @WithDefault("PT8H")
        Duration lifetime();
    }

    /** The demo sign-in: pick one of the demo tenant's admins, get a token signed with the development key. */
    interface DemoSignIn {

        /** Off unless a dev, local or test profile turns it on; never in prod. */
        @WithDefault("false")
        boolean enabled();

        /** The one tenant whose admins the sign-in page lists and signs in (Contoso of deploy/local/seed). */
        @WithDefault("8f5b2c1e-4d3a-4e6f-9a7b-c0e1d2f3a4b5")
        String tenantId();

        /** PKCS#8 PEM of the development key (deploy/local/dev-keys/private-key.pem). */
        Optional<String> signingKey();

        @WithDefault(TokenMinter.ISSUER)
        String issuer();

        /** The audience (aud) of the tokens: the services' {@code mp.jwt.verify.audiences}. */
        @WithDefault(TokenMinter.AUDIENCE)
        String audience();

        @WithDefault("PT8H")
        Duration tokenLifetime();

        /**
         * The delegated scopes ({@code scp}) the demo tokens carry: what the admin center's sign-in is granted, one
         * scope of every operation the console calls (the services refuse a call whose scope is missing, whatever
         * the admin's role): by default the one list, {@link TokenMinter#ADMIN_CENTER_SCOPES}.
         */
        @WithDefault(TokenMinter.ADMIN_CENTER_SCOPE_NAMES)
        List<String> scopes();

        /** The console's application (client) id, the tokens' {@code azp}: the services throttle per application. */
        @WithDefault(TokenMinter.ADMIN_CENTER_CLIENT_ID)
        String clientId();
    }
}
