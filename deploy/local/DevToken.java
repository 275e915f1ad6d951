import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Prints a bearer token with Entra ID's claims and the development audience, signed RS256 with the development
 * key, for local use only: the services trust that key under the dev, test and local profiles. Either delegated
 * (a signed-in user: tid, oid, wids, scp, azp), with the admin console's scopes unless {@code --scope} names
 * others, or app-only with {@code --app-permission} (an application as itself: idtyp app, roles, azp, and the
 * service principal's wids when {@code --role} gives it one). {@code --key} signs with another key instead, such as
 * the key pair the k8s dev overlay generates.
 *
 * <p>A single-file program on the JDK alone ({@code java DevToken.java ...}), so it works before any
 * build. Launched by {@code deploy/local/token}, which passes the key with {@code -Ddevtoken.key=...}.
 */
public class DevToken {

    static final String ISSUER = "https://login.license-lifecycle.dev/";

    /** The audience (aud) the dev, test and local profiles and the k8s dev overlay expect. */
    static final String AUDIENCE = "api://license-lifecycle-dev";

    /** Directory role template ids, as Entra ID puts them in {@code wids}. */
    static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("global-admin", "62e90394-69f5-4237-9190-012177145e10");
        ROLES.put("license-admin", "4d6ac14f-3453-41d0-bef9-a3e0c569773a");
        ROLES.put("user-admin", "fe930be7-5e62-47db-91af-98c3a49a38b1");
        ROLES.put("global-reader", "f2ef992c-3afb-46b9-b7cf-a126ee74c451");
        ROLES.put("billing-admin", "b0f54661-2d74-4c50-afa3-1ec803f12efe");
        ROLES.put("helpdesk-admin", "729827e3-9c14-49f7-bb1b-9608f156bbb8");
        ROLES.put("none", null);
    }

    /**
     * The delegated scopes of a token without {@code --scope}: the admin console's sign-in's (keep equal to
     * admin-console's console.demo-sign-in.scopes and test-support's DevTokens.ADMIN_CENTER_SCOPES).
     */
    static final List<String> CONSOLE_SCOPES = List.of("User.Read", "User.ReadWrite.All", "Directory.ReadWrite.All",
            "Directory.AccessAsUser.All", "LicenseAssignment.ReadWrite.All", "Organization.ReadWrite.All",
            "RoleManagement.ReadWrite.Directory", "Reports.Read.All", "AuditLog.Read.All", "Mail.ReadWrite",
            "eDiscovery.ReadWrite.All", "SharePointTenantSettings.ReadWrite.All");

    /** The application (client) id, azp, of a token without {@code --app}: the admin console's. */
    static final String CONSOLE_CLIENT_ID = "00000000-c0de-4000-8000-000000000c01";

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
            "                    " + String.join(" ", CONSOLE_SCOPES.subList(0, 6)),
            "                    " + String.join(" ", CONSOLE_SCOPES.subList(6, CONSOLE_SCOPES.size())),
            "  --app-permission  an application permission (claim roles), e.g. User.ReadWrite.All; repeatable: makes an",
            "                    app-only token (idtyp app, no scp), as an application gets with client credentials",
            "  --app             the calling application's id (GUID), claim azp (default: the admin console's",
            "                    " + CONSOLE_CLIENT_ID + " for delegated tokens, a random one for app-only tokens)",
            "  --oid             the caller's object id (GUID), claims oid and sub (the user, or the service",
            "                    principal); a random one when absent",
            "  --hours           validity in hours, 1..8760 (default 1)",
            "  --key             the PKCS#8 PEM private key to sign with (default deploy/local/dev-keys/private-key.pem),",
            "                    e.g. deploy/k8s/overlays/dev/keys/jwt-private-key.pem for the k8s dev overlay",
            "Prints a JWT with aud " + AUDIENCE + ", signed with that key: for development only.");

    public static void main(String[] args) throws Exception {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("token: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (arguments == null) {
            System.out.println(USAGE);
            return;
        }
        Path keyFile = arguments.key() != null ? arguments.key()
                : Path.of(System.getProperty("devtoken.key", "deploy/local/dev-keys/private-key.pem"));
        System.out.println(sign(arguments, Instant.now(), readPkcs8(keyFile)));
    }

    record Arguments(UUID tenant, String roleTemplateId, UUID oid, long hours, Path key, List<String> scopes,
            List<String> appPermissions, String app) {

        boolean appOnly() {
            return !appPermissions.isEmpty();
        }

        /** The parsed arguments, or null when help was asked for. Throws on anything malformed. */
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
                    hours, key, scopes.isEmpty() && appPermissions.isEmpty() ? CONSOLE_SCOPES : List.copyOf(scopes),
                    List.copyOf(appPermissions),
                    app != null ? app : appPermissions.isEmpty() ? CONSOLE_CLIENT_ID : UUID.randomUUID().toString());
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
            // UUID.fromString accepts "1-1-1-1-1"; a GUID in a token must be the canonical 36 characters.
            if (!value.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
                throw new IllegalArgumentException(name + " must be a GUID, got " + value);
            }
            return UUID.fromString(value);
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

    static String sign(Arguments arguments, Instant now, PrivateKey key) throws Exception {
        long issuedAt = now.getEpochSecond();
        String wids = arguments.roleTemplateId() == null ? "[]" : "[\"" + arguments.roleTemplateId() + "\"]";
        String grant = arguments.appOnly()
                ? ",\"idtyp\":\"app\",\"roles\":" + arguments.appPermissions().stream()
                        .map(permission -> "\"" + permission + "\"").collect(Collectors.joining(",", "[", "]"))
                : ",\"scp\":\"" + String.join(" ", arguments.scopes()) + "\"";
        // Only GUIDs, numbers, checked permission names and fixed strings go into the JSON, so no escaping is needed.
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\""
                + ",\"aud\":\"" + AUDIENCE + "\""
                + ",\"sub\":\"" + arguments.oid() + "\""
                + ",\"tid\":\"" + arguments.tenant() + "\""
                + ",\"oid\":\"" + arguments.oid() + "\""
                + ",\"azp\":\"" + arguments.app() + "\""
                + grant
                + ",\"wids\":" + wids
                + ",\"ver\":\"2.0\""
                + ",\"iat\":" + issuedAt
                + ",\"exp\":" + (issuedAt + arguments.hours() * 3600)
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(payload.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(rsa.sign());
    }

    static PrivateKey readPkcs8(Path pem) throws Exception {
        if (!Files.isRegularFile(pem)) {
            System.err.println("token: signing key not found: " + pem);
            System.exit(1);
        }
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
