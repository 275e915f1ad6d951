package org.licenselifecycle.contract.tokens;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.contract.roles.DirectoryRole;

/**
 * The token tool ({@code deploy/local/token}): prints a bearer token of {@link TokenMinter} with the development
 * audience, signed RS256 with the development key, for local use only: the services trust that key under the dev,
 * test and local profiles. Either delegated (a signed-in user: tid, oid, wids, scp, azp), with the admin console's
 * scopes unless {@code --scope} names others, or app-only with {@code --app-permission} (an application as itself:
 * idtyp app, roles, azp, and the service principal's wids when {@code --role} gives it one). {@code --key} signs
 * with another key instead, such as the key pair the k8s dev overlay generates.
 *
 * <p>Several tokens at once: their options separated by {@code --and}, one token printed per line in their order. One
 * JVM then mints them all ({@code deploy/local/env} mints one per admin role): a JVM per token took 0.3-0.8 s each.
 *
 * <p>On the JDK alone: {@code deploy/local/token} compiles it with {@link TokenMinter}, {@link DirectoryRole} and
 * {@link ObjectIds} from source, so it works before any build, and passes the key with {@code -Ddevtoken.key=...}.
 */
public final class TokenTool {

    /**
     * The directory roles by the names {@code --role} takes: each role's name in lower case, "admin" for
     * "administrator" (global-admin, license-admin, global-reader...), and none.
     */
    static final Map<String, DirectoryRole> ROLES = new LinkedHashMap<>();

    static {
        for (DirectoryRole role : DirectoryRole.values()) {
            ROLES.put(role.name().toLowerCase(Locale.ROOT).replace("administrator", "admin").replace('_', '-'), role);
        }
        ROLES.put("none", null);
    }

    static final String USAGE = String.join("\n",
            "usage: deploy/local/token --tenant <tenantId> --role <role> [--scope <scope>]... [--oid <userId>] [--app <appId>]",
            "                          [--hours N] [--key <pem>]",
            "       deploy/local/token --tenant <tenantId> --app-permission <permission>... [--role <role>] [--app <appId>] ...",
            "  --tenant          the caller's tenant (GUID), claim tid",
            "  --role            the signed-in user's directory role (claim wids); with --app-permission the",
            "                    application's service principal's (default none). One of:",
            "                    " + String.join("|", ROLES.keySet()),
            "  --scope           a delegated scope (claim scp), e.g. LicenseAssignment.ReadWrite.All; repeatable.",
            "                    Default: the admin console's, every operation's scope:",
            "                    " + String.join(" ", TokenMinter.ADMIN_CENTER_SCOPES.subList(0, 6)),
            "                    " + String.join(" ", TokenMinter.ADMIN_CENTER_SCOPES.subList(6, TokenMinter.ADMIN_CENTER_SCOPES.size())),
            "  --app-permission  an application permission (claim roles), e.g. User.ReadWrite.All; repeatable: makes an",
            "                    app-only token (idtyp app, no scp), as an application gets with client credentials",
            "  --app             the calling application's id (GUID), claim azp (default: the admin console's",
            "                    " + TokenMinter.ADMIN_CENTER_CLIENT_ID + " for delegated tokens, a random one for app-only tokens)",
            "  --oid             the caller's object id (GUID), claims oid and sub (the user, or the service",
            "                    principal); a random one when absent",
            "  --hours           validity in hours, 1..8760 (default 1)",
            "  --key             the PKCS#8 PEM private key to sign with (default deploy/local/dev-keys/private-key.pem),",
            "                    e.g. deploy/k8s/overlays/dev/keys/jwt-private-key.pem for the k8s dev overlay",
            "  --and             ends one token's options: the next token's follow (several tokens, one per line)",
            "Prints a JWT with aud " + TokenMinter.AUDIENCE + ", signed with that key: for development only.");

    private TokenTool() {
    }

    public static void main(String[] args) {
        List<Arguments> tokens;
        try {
            tokens = Arguments.parseAll(args);
        } catch (IllegalArgumentException e) {
            System.err.println("token: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (tokens == null) {
            System.out.println(USAGE);
            return;
        }
        Instant now = Instant.now();
        Map<Path, PrivateKey> keys = new LinkedHashMap<>();
        for (Arguments arguments : tokens) {
            Path keyFile = arguments.key() != null ? arguments.key()
                    : Path.of(System.getProperty("devtoken.key", "deploy/local/dev-keys/private-key.pem"));
            System.out.println(sign(arguments, now, keys.computeIfAbsent(keyFile, TokenTool::readPkcs8)));
        }
    }

    record Arguments(UUID tenant, DirectoryRole role, UUID oid, long hours, Path key, List<String> scopes,
            List<String> appPermissions, String app) {

        boolean appOnly() {
            return !appPermissions.isEmpty();
        }

        /**
         * The tokens' arguments, separated by {@code --and}, in their order; null when help was asked for. Throws on
         * anything malformed, naming the token after the first.
         */
        static List<Arguments> parseAll(String[] args) {
            List<Arguments> tokens = new ArrayList<>();
            int from = 0;
            for (int i = 0; i <= args.length; i++) {
                if (i < args.length && !args[i].equals("--and")) {
                    continue;
                }
                String[] own = Arrays.copyOfRange(args, from, i);
                try {
                    if (own.length == 0 && (tokens.size() > 0 || i < args.length)) {
                        throw new IllegalArgumentException("--and must stand between two tokens' options");
                    }
                    Arguments arguments = parse(own);
                    if (arguments == null) {
                        return null;
                    }
                    tokens.add(arguments);
                } catch (IllegalArgumentException e) {
                    throw tokens.isEmpty() ? e : new IllegalArgumentException("token " + (tokens.size() + 1) + ": " + e.getMessage());
                }
                from = i + 1;
            }
            return tokens;
        }

        /** The parsed arguments of one token, or null when help was asked for. Throws on anything malformed. */
        static Arguments parse(String[] args) {
            UUID tenant = null;
            UUID oid = null;
            String role = null;
            long hours = 1;
            Path key = null;
            String app = null;
            List<String> scopes = new ArrayList<>();
            List<String> appPermissions = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                String name = args[i];
                if (name.equals("-h") || name.equals("--help")) {
                    return null;
                }
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name.startsWith("--") ? name + " needs a value" : "unexpected argument " + name);
                }
                String value = args[++i];
                switch (name) {
                    case "--tenant" -> tenant = guid(name, value);
                    case "--oid" -> oid = guid(name, value);
                    case "--app" -> app = guid(name, value).toString();
                    case "--role" -> {
                        if (!ROLES.containsKey(value)) {
                            throw new IllegalArgumentException("unknown role " + value);
                        }
                        role = value;
                    }
                    case "--scope" -> scopes.add(permission(name, value));
                    case "--app-permission" -> appPermissions.add(permission(name, value));
                    case "--hours" -> hours = hours(value);
                    case "--key" -> key = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (tenant == null) {
                throw new IllegalArgumentException("--tenant is required");
            }
            if (!appPermissions.isEmpty() && !scopes.isEmpty()) {
                throw new IllegalArgumentException("--scope makes a delegated token and --app-permission an app-only one:"
                        + " give one of them");
            }
            if (role == null && appPermissions.isEmpty()) {
                throw new IllegalArgumentException("--role is required for a delegated token (or give --app-permission)");
            }
            return new Arguments(tenant, role == null ? null : ROLES.get(role), oid != null ? oid : UUID.randomUUID(),
                    hours, key, scopes.isEmpty() && appPermissions.isEmpty() ? TokenMinter.ADMIN_CENTER_SCOPES : List.copyOf(scopes),
                    List.copyOf(appPermissions),
                    app != null ? app : appPermissions.isEmpty() ? TokenMinter.ADMIN_CENTER_CLIENT_ID : UUID.randomUUID().toString());
        }

        /** A permission goes into the JSON as it is written: letters, digits, dots, dashes and underscores only. */
        private static String permission(String name, String value) {
            if (!value.matches("[A-Za-z0-9._-]+")) {
                throw new IllegalArgumentException(name + " must be a permission name such as User.ReadWrite.All, got "
                        + value);
            }
            return value;
        }

        private static UUID guid(String name, String value) {
            // a GUID in a token must be the canonical 36 characters, as in a Graph URL
            return ObjectIds.of(value).orElseThrow(() -> new IllegalArgumentException(name + " must be a GUID, got " + value));
        }

        private static long hours(String value) {
            try {
                long hours = Long.parseLong(value);
                if (hours >= 1 && hours <= 8760) {
                    return hours;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException("--hours must be a whole number from 1 to 8760, got " + value);
        }
    }

    static String sign(Arguments arguments, Instant now, PrivateKey key) {
        TokenMinter token = TokenMinter.token(TokenMinter.ISSUER, TokenMinter.AUDIENCE, arguments.tenant().toString(),
                arguments.oid().toString());
        if (arguments.appOnly()) {
            token.appOnly(arguments.app(), arguments.appPermissions());
        } else {
            token.delegated(arguments.app(), arguments.scopes());
        }
        return token.roles(arguments.role() == null ? List.of() : List.of(arguments.role()))
                .claim("ver", "2.0")
                .valid(now, now.plusSeconds(arguments.hours() * 3600))
                .sign(key);
    }

    static PrivateKey readPkcs8(Path pem) {
        if (!Files.isRegularFile(pem)) {
            System.err.println("token: signing key not found: " + pem);
            System.exit(1);
        }
        return TokenMinter.readPkcs8(pem);
    }
}
