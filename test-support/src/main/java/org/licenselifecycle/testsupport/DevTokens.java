package org.licenselifecycle.testsupport;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.licenselifecycle.contract.roles.DirectoryRole;
import org.licenselifecycle.support.security.GraphPermission;

/**
 * Bearer tokens with Entra ID's claims and the development audience, signed with the development key in
 * {@code deploy/local/dev-keys}, which the services trust under the test profile. Delegated tokens (a signed-in
 * admin: {@code tid}, {@code oid}, {@code wids}, {@code scp}, {@code azp}) by default, with the scopes the admin
 * center's sign-in is granted; app-only tokens ({@code idtyp: app}, {@code roles}, no {@code scp}) from
 * {@link #app}.
 */
public final class DevTokens {

    /**
     * The delegated scopes of the admin center's sign-in (the console's, and the default here): every operation's
     * scope, so that a token of a role may do what the role may. Keep equal to admin-console's
     * {@code console.demo-sign-in.scopes} and deploy/local/DevToken.java's default.
     */
    public static final List<String> ADMIN_CENTER_SCOPES = List.of(GraphPermission.USER_READ,
            GraphPermission.USER_READ_WRITE_ALL, GraphPermission.DIRECTORY_READ_WRITE_ALL,
            GraphPermission.DIRECTORY_ACCESS_AS_USER_ALL, GraphPermission.LICENSE_ASSIGNMENT_READ_WRITE_ALL,
            GraphPermission.ORGANIZATION_READ_WRITE_ALL, GraphPermission.ROLE_MANAGEMENT_READ_WRITE_DIRECTORY,
            GraphPermission.REPORTS_READ_ALL, GraphPermission.AUDIT_LOG_READ_ALL, GraphPermission.MAIL_READ_WRITE,
            GraphPermission.EDISCOVERY_READ_WRITE_ALL, GraphPermission.SHAREPOINT_TENANT_SETTINGS_READ_WRITE_ALL);

    /** The client id ({@code azp}) of delegated tokens here: the admin console's demo sign-in's. */
    public static final String ADMIN_CENTER_CLIENT_ID = "00000000-c0de-4000-8000-000000000c01";

    /** The issuer the dev, test and local profiles expect. */
    public static final String ISSUER = "https://login.license-lifecycle.dev/";

    /** The audience the dev, test and local profiles expect ({@code mp.jwt.verify.audiences}). */
    public static final String AUDIENCE = "api://license-lifecycle-dev";

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
                claims -> claims.claim("azp", applicationId).claim("scp", String.join(" ", scopes)));
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
                servicePrincipalRoles, claims -> claims.claim("azp", applicationId).claim("idtyp", "app")
                        .claim("roles", List.copyOf(applicationPermissions)));
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
        return sign(tenantId, objectId, expiresAt, key, audience, roles, claims -> claims
                .claim("azp", ADMIN_CENTER_CLIENT_ID).claim("scp", String.join(" ", ADMIN_CENTER_SCOPES)));
    }

    /** The claims every token has ({@code oid} is the user, or the application's service principal), and {@code grant}'s. */
    private static String sign(UUID tenantId, UUID objectId, Instant expiresAt, PrivateKey key, String audience,
            DirectoryRole[] roles, Consumer<JwtClaimsBuilder> grant) {
        JwtClaimsBuilder claims = Jwt.issuer(ISSUER)
                .audience(audience)
                .subject(objectId.toString())
                .claim("tid", tenantId.toString())
                .claim("oid", objectId.toString())
                .claim("wids", Arrays.stream(roles).map(DirectoryRole::templateId).toList())
                .claim("ver", "2.0")
                .issuedAt(expiresAt.minusSeconds(7200))
                .expiresAt(expiresAt);
        grant.accept(claims);
        return claims.sign(key);
    }

    private static synchronized PrivateKey devKey() {
        if (devKey == null) {
            devKey = readPkcs8(locate(Path.of("deploy", "local", "dev-keys", "private-key.pem")));
        }
        return devKey;
    }

    /** Finds a file of the project from wherever the tests run (the project root or a module). */
    static Path locate(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(relative + " not found above " + Path.of("").toAbsolutePath());
    }

    private static PrivateKey readPkcs8(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA key: " + pem, e);
        }
    }
}
