package org.licenselifecycle.console.signin;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.console.ConsoleConfig;

/**
 * Tokens for the demo sign-in: delegated tokens with Entra ID's claims (tid, oid, wids, scp, azp, name) and the
 * services' audience, signed RS256 with the development key that the services trust under their dev, test and local
 * profiles only (or with the key pair generated for the k8s dev overlay).
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

    String token(String tenantId, String objectId, String name, List<AdminRole> roles) {
        Instant now = clock.instant();
        var builder = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(objectId)
                .claim("tid", tenantId)
                .claim("oid", objectId)
                .claim("azp", config.clientId())
                .claim("scp", String.join(" ", config.scopes()))
                .claim("wids", roles.stream().map(AdminRole::templateId).toList())
                .issuedAt(now)
                .expiresAt(now.plus(config.tokenLifetime()));
        if (name != null) {
            builder.claim("name", name);
        }
        return builder.sign(key());
    }

    /** What the sign-in page reads the tenant's admins with. */
    String signInPageToken(String tenantId) {
        return token(tenantId, SIGN_IN_PAGE.toString(), "Sign-in page", List.of(AdminRole.GLOBAL_READER));
    }

    private synchronized PrivateKey key() {
        if (key == null) {
            Path pem = locate(Path.of(config.signingKey().orElse("deploy/local/dev-keys/private-key.pem")));
            try {
                String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Not a PKCS#8 RSA key: " + pem, e);
            }
        }
        return key;
    }

    /** A relative path is looked for from the working directory upwards (the project root or a module). */
    private static Path locate(Path path) {
        if (path.isAbsolute()) {
            return path;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(path))) {
                return dir.resolve(path);
            }
        }
        throw new IllegalStateException("The demo sign-in's signing key " + path + " was not found above "
                + Path.of("").toAbsolutePath() + "; set console.demo-sign-in.signing-key");
    }
}
