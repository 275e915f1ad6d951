package org.licenselifecycle.console.signin;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.console.ConsoleConfig;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.contract.tokens.TokenMinter;

/**
 * Tokens for the demo sign-in: delegated tokens with Entra ID's claims (tid, oid, wids, scp, azp, name) and the
 * services' audience, signed RS256 with the development key that the services trust under their dev, test and local
 * profiles only (or with the key pair generated for the k8s dev overlay). Minted by the one minter, {@link TokenMinter}.
 */
@ApplicationScoped
public class DemoTokens {

    /** Who the sign-in page reads the demo tenant's admins as (a Global Reader of no one's). */
    static final UUID SIGN_IN_PAGE = UUID.fromString("00000000-c0de-4000-8000-00000000516e");

    private final ConsoleConfig.DemoSignIn config;
    private final Clock clock;
    private PrivateKey key;

    DemoTokens(ConsoleConfig config, Clock clock) {
        this.config = config.demoSignIn();
        this.clock = clock;
    }

    String token(String tenantId, String objectId, String name, List<DirectoryRole> roles) {
        Instant now = clock.instant();
        TokenMinter token = TokenMinter.token(config.issuer(), config.audience(), tenantId, objectId)
                .delegated(config.clientId(), config.scopes())
                .roles(roles)
                .valid(now, now.plus(config.tokenLifetime()));
        if (name != null) {
            token.claim("name", name);
        }
        return token.sign(key());
    }

    /** What the sign-in page reads the tenant's admins with. */
    String signInPageToken(String tenantId) {
        return token(tenantId, SIGN_IN_PAGE.toString(), "Sign-in page", List.of(DirectoryRole.GLOBAL_READER));
    }

    private synchronized PrivateKey key() {
        if (key == null) {
            key = TokenMinter.readPkcs8(locate(config.signingKey().map(Path::of).orElse(TokenMinter.DEVELOPMENT_KEY)));
        }
        return key;
    }

    /** A relative path is looked for from the working directory upwards (the project root or a module). */
    private static Path locate(Path path) {
        if (path.isAbsolute()) {
            return path;
        }
        return TokenMinter.findAbove(path).orElseThrow(() -> new IllegalStateException("The demo sign-in's signing key "
                + path + " was not found above " + Path.of("").toAbsolutePath()
                + "; set console.demo-sign-in.signing-key"));
    }
}
