package org.licenselifecycle.testsupport;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.contract.tokens.TokenMinter;

/**
 * Bearer tokens with Entra ID's claims and the development audience, signed with the development key in
 * {@code deploy/local/dev-keys}, which the services trust under the test profile. Delegated tokens (a signed-in
 * admin: {@code tid}, {@code oid}, {@code wids}, {@code scp}, {@code azp}) by default, with the scopes the admin
 * center's sign-in is granted; app-only tokens ({@code idtyp: app}, {@code roles}, no {@code scp}) from
 * {@link #app}. Minted by the one minter, {@link TokenMinter}.
 */
public final class DevTokens {

    /** The delegated scopes of the admin center's sign-in (the console's, and the default here): {@link TokenMinter}'s. */
    public static final List<String> ADMIN_CENTER_SCOPES = TokenMinter.ADMIN_CENTER_SCOPES;

    /** The client id ({@code azp}) of delegated tokens here: the admin console's demo sign-in's. */
    public static final String ADMIN_CENTER_CLIENT_ID = TokenMinter.ADMIN_CENTER_CLIENT_ID;

    /** The issuer the dev, test and local profiles expect. */
    public static final String ISSUER = TokenMinter.ISSUER;

    /** The audience the dev, test and local profiles expect ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = TokenMinter.AUDIENCE;

    private static PrivateKey devKey;

    private DevTokens() {
    }

    /** A token of a caller with a fresh object id in {@code tenantId}, holding {@code roles}. */
    public static String token(UUID tenantId, DirectoryRole... roles) {
        return token(tenantId, UUID.randomUUID(), roles);
    }

    public static String token(UUID tenantId, UUID objectId, DirectoryRole... roles) {
        return sign(tenantId, objectId, Instant.now().plusSeconds(3600), devKey(), AUDIENCE, roles);
    }

    /** A delegated token of a signed-in user holding {@code roles}, whose application was granted {@code scopes}. */
    public static String delegated(UUID tenantId, Collection<String> scopes, DirectoryRole... roles) {
        return delegated(tenantId, ADMIN_CENTER_CLIENT_ID, scopes, roles);
    }

    /** The same, from the application {@code applicationId} ({@code azp}). */
    public static String delegated(UUID tenantId, String applicationId, Collection<String> scopes,
            DirectoryRole... roles) {
        return sign(tenantId, UUID.randomUUID(), Instant.now().plusSeconds(3600), devKey(), AUDIENCE, roles,
                token -> token.delegated(applicationId, scopes));
    }

    /** An app-only token (client credentials) of a new application granted {@code applicationPermissions}. */
    public static String app(UUID tenantId, String... applicationPermissions) {
        return app(tenantId, UUID.randomUUID().toString(), List.of(applicationPermissions));
    }

    /**
     * An app-only token of the application {@code applicationId} ({@code azp}) granted {@code applicationPermissions}
     * ({@code roles}), whose service principal ({@code oid}, a new one) holds {@code servicePrincipalRoles}
     * ({@code wids}).
     */
    public static String app(UUID tenantId, String applicationId, Collection<String> applicationPermissions,
            DirectoryRole... servicePrincipalRoles) {
        return sign(tenantId, UUID.randomUUID(), Instant.now().plusSeconds(3600), devKey(), AUDIENCE,
                servicePrincipalRoles, token -> token.appOnly(applicationId, applicationPermissions));
    }

    /** A valid token of the development key, but issued to another application: {@code aud} is {@code audience}. */
    public static String forAudience(UUID tenantId, String audience, DirectoryRole... roles) {
        return sign(tenantId, UUID.randomUUID(), Instant.now().plusSeconds(3600), devKey(), audience, roles);
    }

    /** A well-formed token that expired an hour ago. */
    public static String expired(UUID tenantId, DirectoryRole... roles) {
        return sign(tenantId, UUID.randomUUID(), Instant.now().minusSeconds(3600), devKey(), AUDIENCE, roles);
    }

    /** A valid token of the development key that expires at {@code expiresAt} (the verifier allows a minute's skew). */
    public static String expiringAt(UUID tenantId, Instant expiresAt, DirectoryRole... roles) {
        return sign(tenantId, UUID.randomUUID(), expiresAt, devKey(), AUDIENCE, roles);
    }

    /** A token signed by a key the services do not trust. */
    public static String signedByStranger(UUID tenantId, DirectoryRole... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return sign(tenantId, UUID.randomUUID(), Instant.now().plusSeconds(3600),
                    generator.generateKeyPair().getPrivate(), AUDIENCE, roles);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A delegated token with the admin center's scopes. */
    private static String sign(UUID tenantId, UUID objectId, Instant expiresAt, PrivateKey key, String audience,
            DirectoryRole... roles) {
        return sign(tenantId, objectId, expiresAt, key, audience, roles,
                token -> token.delegated(ADMIN_CENTER_CLIENT_ID, ADMIN_CENTER_SCOPES));
    }

    /** The claims every token has ({@code oid} is the user, or the application's service principal), and {@code grant}'s. */
    private static String sign(UUID tenantId, UUID objectId, Instant expiresAt, PrivateKey key, String audience,
            DirectoryRole[] roles, Consumer<TokenMinter> grant) {
        TokenMinter token = TokenMinter.token(ISSUER, audience, tenantId.toString(), objectId.toString())
                .roles(List.of(roles))
                .claim("ver", "2.0")
                .valid(expiresAt.minusSeconds(7200), expiresAt);
        grant.accept(token);
        return token.sign(key);
    }

    private static synchronized PrivateKey devKey() {
        if (devKey == null) {
            devKey = TokenMinter.readPkcs8(locate(TokenMinter.DEVELOPMENT_KEY));
        }
        return devKey;
    }

    /** Finds a file of the project from wherever the tests run (the project root or a module). */
    static Path locate(Path relative) {
        return TokenMinter.findAbove(relative).orElseThrow(() -> new IllegalStateException(relative + " not found above "
                + Path.of("").toAbsolutePath()));
    }
}
