package org.licenselifecycle.contract.tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.roles.DirectoryRole;

/**
 * The one minter of development tokens: bearer JWTs with Entra ID's claims, signed RS256 with a key such as the
 * development key in {@code deploy/local/dev-keys}, which the services trust under their dev, test and local profiles
 * only. Used by the token tool ({@link TokenTool}, {@code deploy/local/token}), the console's demo sign-in and
 * test-rig's {@code DevTokens}. On the JDK alone, so that the token tool runs from source before any build.
 *
 * <p>A token is delegated (a signed-in user: {@code scp}, {@code wids}) or app-only (an application as itself:
 * {@code idtyp app}, {@code roles}); either names its application in {@code azp}.
 */
public final class TokenMinter {

    /** The issuer the dev, test and local profiles expect. */
    public static final String ISSUER = "https://login.license-lifecycle.dev/";

    /** The audience (aud) the dev, test and local profiles and the k8s dev overlay expect. */
    public static final String AUDIENCE = "api://license-lifecycle-dev";

    /** The admin console's application (client) id, the {@code azp} of its tokens: the services throttle per application. */
    public static final String ADMIN_CENTER_CLIENT_ID = "00000000-c0de-4000-8000-000000000c01";

    /**
     * The delegated scopes of the admin center's sign-in (the console's), comma-separated: one scope of every
     * operation the services serve, so that a token of a role may do what the role may (the services refuse a call
     * whose scope is missing, whatever the admin's role). A constant, so that configuration can default to it (the
     * console's {@code console.demo-sign-in.scopes}).
     */
    public static final String ADMIN_CENTER_SCOPE_NAMES = "User.Read,User.ReadWrite.All,Directory.ReadWrite.All,"
            + "Directory.AccessAsUser.All,LicenseAssignment.ReadWrite.All,Organization.ReadWrite.All,"
            + "RoleManagement.ReadWrite.Directory,Reports.Read.All,AuditLog.Read.All,Mail.ReadWrite,"
            + "eDiscovery.ReadWrite.All,SharePointTenantSettings.ReadWrite.All";

    /** The same as a list: the one list of the admin center's scopes. */
    public static final List<String> ADMIN_CENTER_SCOPES = List.of(ADMIN_CENTER_SCOPE_NAMES.split(","));

    /** The development key, relative to the project's root. */
    public static final Path DEVELOPMENT_KEY = Path.of("deploy", "local", "dev-keys", "private-key.pem");

    private final Map<String, Object> claims = new LinkedHashMap<>();

    private TokenMinter() {
    }

    /**
     * A token of {@code issuer} for {@code audience}, of the caller {@code objectId} (the user, or the application's
     * service principal: {@code oid} and {@code sub}) in the tenant {@code tenantId} ({@code tid}).
     */
    public static TokenMinter token(String issuer, String audience, String tenantId, String objectId) {
        return new TokenMinter().claim("iss", issuer).claim("aud", audience).claim("sub", objectId)
                .claim("tid", tenantId).claim("oid", objectId);
    }

    /** Delegated: the application {@code clientId} ({@code azp}) calls for the user with {@code scopes} ({@code scp}). */
    public TokenMinter delegated(String clientId, Collection<String> scopes) {
        return claim("azp", clientId).claim("scp", String.join(" ", scopes));
    }

    /** App-only: the application {@code applicationId} ({@code azp}) granted {@code permissions} ({@code roles}). */
    public TokenMinter appOnly(String applicationId, Collection<String> permissions) {
        return claim("azp", applicationId).claim("idtyp", "app").claim("roles", List.copyOf(permissions));
    }

    /** The directory roles the caller holds ({@code wids}, by template id). */
    public TokenMinter roles(Collection<DirectoryRole> roles) {
        return claim("wids", roles.stream().map(DirectoryRole::templateId).toList());
    }

    /** Issued at {@code issuedAt} ({@code iat}), valid until {@code expiresAt} ({@code exp}), to the second. */
    public TokenMinter valid(Instant issuedAt, Instant expiresAt) {
        return claim("iat", issuedAt.getEpochSecond()).claim("exp", expiresAt.getEpochSecond());
    }

    /** Any other claim: a string, a number, a boolean or a list of strings. */
    public TokenMinter claim(String name, Object value) {
        claims.put(name, value);
        return this;
    }

    /** The signed token ({@code RS256}), with a fresh {@code jti} unless one was given. */
    public String sign(PrivateKey key) {
        Map<String, Object> all = new LinkedHashMap<>(claims);
        all.putIfAbsent("jti", UUID.randomUUID().toString());
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(json(all));
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign with this key", e);
        }
    }

    /** The RSA private key of a PKCS#8 PEM file. */
    public static PrivateKey readPkcs8(Path pem) {
        try {
            String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Not a PKCS#8 RSA key: " + pem, e);
        }
    }

    /** A file of the project found from the working directory upwards (the project root or a module); empty if none. */
    public static Optional<Path> findAbove(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(relative))) {
                return Optional.of(dir.resolve(relative));
            }
        }
        return Optional.empty();
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(Map<String, Object> object) {
        StringBuilder out = new StringBuilder("{");
        object.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            string(out, name).append(':');
            value(out, value);
        });
        return out.append('}').toString();
    }

    private static void value(StringBuilder out, Object value) {
        if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object element : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                value(out, element);
            }
            out.append(']');
        } else {
            string(out, String.valueOf(value));
        }
    }

    private static StringBuilder string(StringBuilder out, String text) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }
}
