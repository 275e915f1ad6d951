import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Prints a bearer token with Entra ID's claims (tid, oid, wids) and the development audience, signed RS256 with
 * the development key, for local use only: the services trust that key under the dev, test and local profiles.
 * {@code --key} signs with another key instead, such as the key pair the k8s dev overlay generates.
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

    static final String USAGE = String.join("\n",
            "usage: deploy/local/token --tenant <tenantId> --role <role> [--oid <userId>] [--hours N] [--key <pem>]",
            "  --tenant  the caller's tenant (GUID), claim tid",
            "  --role    " + String.join("|", ROLES.keySet()) + " (claim wids)",
            "  --oid     the caller's object id (GUID), claims oid and sub; a random one when absent",
            "  --hours   validity in hours, 1..8760 (default 1)",
            "  --key     the PKCS#8 PEM private key to sign with (default deploy/local/dev-keys/private-key.pem),",
            "            e.g. deploy/k8s/overlays/dev/keys/jwt-private-key.pem for the k8s dev overlay",
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

    record Arguments(UUID tenant, String roleTemplateId, UUID oid, long hours, Path key) {

        /** The parsed arguments, or null when help was asked for. Throws on anything malformed. */
        static Arguments parse(String[] args) {
            UUID tenant = null;
            UUID oid = null;
            String role = null;
            long hours = 1;
            Path key = null;
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
                    case "--role" -> {
                        if (!ROLES.containsKey(value)) {
                            throw new IllegalArgumentException("unknown role " + value);
                        }
                        role = value;
                    }
                    case "--hours" -> hours = hours(value);
                    case "--key" -> key = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            if (tenant == null) {
                throw new IllegalArgumentException("--tenant is required");
            }
            if (role == null) {
                throw new IllegalArgumentException("--role is required");
            }
            return new Arguments(tenant, ROLES.get(role), oid != null ? oid : UUID.randomUUID(), hours, key);
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
        // Only GUIDs, numbers and fixed strings go into the JSON, so no escaping is needed.
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"" + ISSUER + "\""
                + ",\"aud\":\"" + AUDIENCE + "\""
                + ",\"sub\":\"" + arguments.oid() + "\""
                + ",\"tid\":\"" + arguments.tenant() + "\""
                + ",\"oid\":\"" + arguments.oid() + "\""
                + ",\"wids\":" + wids
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
