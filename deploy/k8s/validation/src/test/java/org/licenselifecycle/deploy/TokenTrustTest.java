package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whom the services of each overlay trust: never the development key committed in deploy/local/dev-keys (anyone can
 * sign with it), always an audience; and the console's demo sign-in, which lets anyone who reaches it in as an
 * admin, never behind an Ingress nor reachable by any pod.
 */
class TokenTrustTest {

    /** The profiles under which the services trust the development key and the console offers its demo sign-in. */
    private static final Set<String> DEVELOPMENT_PROFILES = Set.of("dev", "test", "local");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void noOverlayContainsTheCommittedDevelopmentKey(String overlay) {
        assertThat(DevelopmentKey.committed().foundIn(Overlays.rendered(overlay)))
                .as("%s ships the development key of deploy/local/dev-keys: generate a key pair of the overlay's own"
                        + " (overlays/dev/generate-keys) or use the identity provider's keys", overlay)
                .isEmpty();
    }

    @Test
    void theDevelopmentKeyIsFoundAsAPemAsBase64DataAndAsAJsonWebKey() throws Exception {
        String publicPem = Files.readString(ProjectRoot.path().resolve("deploy/local/dev-keys/public-key.pem"));
        String privatePem = Files.readString(ProjectRoot.path().resolve("deploy/local/dev-keys/private-key.pem"));
        String n = jwkModulus(publicPem);
        Manifests manifests = new Manifests("mistakes", List.of(
                object("ConfigMap", "public-pem", "data", Map.of("public-key.pem", publicPem)),
                object("Secret", "private-pem", "data", Map.of("private-key.pem", base64(privatePem))),
                object("ConfigMap", "jwks", "data", Map.of("keys.json", "{\"keys\":[{\"kty\":\"RSA\",\"e\":\"AQAB\",\"n\":\"" + n + "\"}]}")),
                object("ConfigMap", "binary", "binaryData", Map.of("public-key.pem", base64(publicPem))),
                object("ConfigMap", "unrelated", "data", Map.of("public-key.pem", "-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----"))));

        assertThat(DevelopmentKey.committed().foundIn(manifests)).containsExactlyInAnyOrder(
                "ConfigMap public-pem: the development public key",
                "Secret private-pem: the development private key",
                "ConfigMap jwks: the development key's modulus (a JWK's n)",
                "ConfigMap binary: the development public key");
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void theServicesOfEveryOverlayRunTheProdProfileWhichRefusesTheDevelopmentKey(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (JsonNode deployment : manifests.serviceDeployments()) {
            Map<String, JsonNode> env = ServiceDeploymentsTest.environment(manifests, ServiceDeploymentsTest.container(deployment));
            String profile = env.containsKey("QUARKUS_PROFILE") ? env.get("QUARKUS_PROFILE").asText() : "prod";
            assertThat(DEVELOPMENT_PROFILES).as("%s %s: QUARKUS_PROFILE (DevelopmentKeyGuard checks the key and the"
                    + " audience under any other)", overlay, Manifests.describe(deployment)).doesNotContain(profile);
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyOverlaySetsTheAudienceItsServicesCheckAndItsConsoleAsksFor(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        String audience = null;
        for (JsonNode deployment : manifests.serviceDeployments()) {
            Map<String, JsonNode> env = ServiceDeploymentsTest.environment(manifests, ServiceDeploymentsTest.container(deployment));
            String what = overlay + " " + Manifests.describe(deployment) + " MP_JWT_VERIFY_AUDIENCES";
            assertThat(env).as(what).containsKey("MP_JWT_VERIFY_AUDIENCES");
            assertThat(env.get("MP_JWT_VERIFY_AUDIENCES").asText()).as(what).isNotBlank();
            assertThat(audience == null || audience.equals(env.get("MP_JWT_VERIFY_AUDIENCES").asText()))
                    .as(what + ": one API, one audience").isTrue();
            audience = env.get("MP_JWT_VERIFY_AUDIENCES").asText();
        }
        Map<String, JsonNode> console = ServiceDeploymentsTest.environment(manifests,
                ServiceDeploymentsTest.container(manifests.get("Deployment", AdminConsole.NAME)));
        String asked = AdminConsole.runsDemoSignIn(manifests) ? "CONSOLE_DEMO_SIGN_IN_AUDIENCE" : "CONSOLE_API_SCOPES";
        assertThat(console).as("%s: the console's %s", overlay, asked).containsKey(asked);
        assertThat(console.get(asked).asText()).as("%s: the console's tokens are for the services' audience", overlay)
                .contains(audience);
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void noOverlayRoutesTheDemoSignInThroughAnIngress(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        if (!AdminConsole.runsDemoSignIn(manifests)) {
            assertThat(manifests.find("Ingress", AdminConsole.NAME)).as("%s: OIDC sign-in on a host of its own", overlay)
                    .isPresent();
            return;
        }
        for (JsonNode ingress : manifests.ofKind("Ingress")) {
            assertThat(ingress.findValues("service")).as("%s %s routes to the console's demo sign-in", overlay,
                    Manifests.describe(ingress)).noneMatch(s -> AdminConsole.NAME.equals(s.path("name").asText()));
        }
        // nor any pod: kubectl port-forward enters the pod's own network namespace, which no policy fences
        JsonNode consolePod = manifests.get("Deployment", AdminConsole.NAME).at("/spec/template/metadata/labels");
        List<JsonNode> fences = manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> Manifests.selects(p.at("/spec/podSelector/matchLabels"), consolePod))
                .filter(p -> p.at("/spec/policyTypes").toString().contains("\"Ingress\""))
                .map(JsonNode.class::cast).toList();
        assertThat(fences).as(overlay + ": a NetworkPolicy fences the console's ingress").isNotEmpty();
        assertThat(fences).as(overlay + ": and admits no one").allSatisfy(p -> assertThat(p.at("/spec/ingress")).isEmpty());
    }

    @Test
    void devRunsTheDemoSignInAndProdDoesNot() {
        assertThat(AdminConsole.runsDemoSignIn(Overlays.rendered("dev"))).isTrue();
        assertThat(AdminConsole.runsDemoSignIn(Overlays.rendered("prod"))).isFalse();
    }

    private static ObjectNode object(String kind, String name, String field, Map<String, String> data) {
        ObjectNode object = JSON.createObjectNode().put("apiVersion", "v1").put("kind", kind);
        object.putObject("metadata").put("name", name);
        ObjectNode values = object.putObject(field);
        data.forEach(values::put);
        return object;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String jwkModulus(String publicPem) {
        byte[] bytes = DevelopmentKey.publicModulus(publicPem).toByteArray();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes[0] == 0 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }
}
