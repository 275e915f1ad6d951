package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The admin console: it calls each service through that service's in-cluster Service, and the NetworkPolicies let
 * it (its egress and the services' ingress); only the ingress controller reaches it; it has no way to PostgreSQL
 * or Kafka. It signs admins in with OpenID Connect in prod, with one cookie key for every replica, and with the demo
 * sign-in in dev, with the key pair generated for dev, behind kubectl port-forward only. (Its probes, resources, security context, Service, PDB and autoscaler
 * are checked with the services', in ServiceDeploymentsTest and EachServiceIsExposedScaledAndFencedTest.)
 */
class AdminConsoleTest {

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void theConsoleCallsEachServiceThroughThatServicesInClusterServiceAndPort(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        Map<String, JsonNode> env = consoleEnvironment(manifests);
        Map<String, Integer> variables = AdminConsole.serviceUrlVariables();
        assertThat(variables).as("console.<x>-url settings in admin-console's application.properties").isNotEmpty();
        List<String> called = new ArrayList<>();
        for (Map.Entry<String, Integer> variable : variables.entrySet()) {
            String what = overlay + " " + variable.getKey();
            assertThat(env).as(what + " is set").containsKey(variable.getKey());
            URI url = URI.create(env.get(variable.getKey()).asText());
            assertThat(url.getScheme()).as(what).isEqualTo("http");
            ServiceModule meant = serviceOnPort(variable.getValue());
            assertThat(url.getHost()).as("%s: the Service of %s, whose port its default names", what, meant.name())
                    .isEqualTo(meant.name());
            JsonNode service = manifests.get("Service", url.getHost());
            assertThat(service.at("/spec/ports/0/port").asInt()).as(what + " port").isEqualTo(url.getPort());
            assertThat(Manifests.selects(service.at("/spec/selector"), podLabels(manifests.get("Deployment", meant.name()))))
                    .as(what).isTrue();
            called.add(meant.name());
        }
        assertThat(called).as(overlay + ": the console calls each service").containsExactlyInAnyOrderElementsOf(
                manifests.serviceDeployments().stream().map(Manifests::name).toList());
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void theNetworkPoliciesLetTheConsoleReachEachServiceItCallsOnItsPort(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        NetworkPolicies policies = new NetworkPolicies(manifests);
        JsonNode console = manifests.get("Deployment", AdminConsole.NAME);
        for (int port : AdminConsole.serviceUrlVariables().values()) {
            JsonNode service = manifests.get("Deployment", serviceOnPort(port).name());
            String what = overlay + ": admin-console -> " + Manifests.name(service) + ":" + port;
            assertThat(policies.egressAllows(podLabels(console), podLabels(service), port)).as(what + ", the console's egress")
                    .isTrue();
            assertThat(policies.ingressAllows(podLabels(console), podLabels(service), port)).as(what + ", the service's ingress")
                    .isTrue();
            assertThat(policies.allow(console, service, port + 1)).as(what + " + 1: only the service's port").isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void onlyTheIngressControllerAndPrometheusReachTheConsoleOnItsPortAndNothingReachesADemoSignIn(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        JsonNode console = manifests.get("Deployment", AdminConsole.NAME);
        int port = ServiceDeploymentsTest.container(console).at("/ports/0/containerPort").asInt();
        Set<String> peers = new TreeSet<>();
        for (JsonNode policy : policiesSelecting(manifests, console)) {
            for (JsonNode rule : policy.at("/spec/ingress")) {
                assertThat(rule.path("ports")).as("every rule names its ports").isNotEmpty();
                rule.path("ports").forEach(p -> assertThat(p.path("port").asInt()).isEqualTo(port));
                assertThat(rule.path("from")).as("every rule names its peers").isNotEmpty();
                for (JsonNode peer : rule.path("from")) {
                    peers.add(peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText() + "/"
                            + peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText());
                }
            }
        }
        // a demo sign-in is for kubectl port-forward only, which enters the pod's own network namespace
        assertThat(peers).as(overlay).containsExactlyElementsOf(
                AdminConsole.runsDemoSignIn(manifests) ? List.of()
                        : List.of("ingress-nginx/ingress-nginx", "monitoring/prometheus")); // Prometheus: /q/metrics
        NetworkPolicies policies = new NetworkPolicies(manifests);
        for (JsonNode service : manifests.serviceDeployments()) {
            assertThat(policies.ingressAllows(podLabels(service), podLabels(console), port))
                    .as("%s: %s may not call the console", overlay, Manifests.name(service)).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void theConsoleIsFencedAndReachesOnlyTheServicesDnsAndHttpsOutside(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        JsonNode console = manifests.get("Deployment", AdminConsole.NAME);
        List<JsonNode> policies = policiesSelecting(manifests, console);
        assertThat(policies).as(overlay + ": a policy fences both directions")
                .anySatisfy(p -> assertThat(p.at("/spec/policyTypes").toString()).contains("\"Ingress\"", "\"Egress\""));
        Set<String> destinations = new TreeSet<>();
        for (JsonNode policy : policies) {
            for (JsonNode rule : policy.at("/spec/egress")) {
                assertThat(rule.path("ports")).as("egress names its ports").isNotEmpty();
                assertThat(rule.path("to")).as("egress names its peers").isNotEmpty();
                for (JsonNode to : rule.path("to")) {
                    for (JsonNode port : rule.path("ports")) {
                        destinations.add(destination(to) + ":" + port.path("port").asInt());
                    }
                }
            }
        }
        Set<String> expected = new TreeSet<>(Set.of(
                "directory-service:8081", "licensing-service:8082", "data-lifecycle-service:8083",
                "kube-system/kube-dns:53", "outside the cluster:443"));
        Telemetry.collector(consoleEnvironment(manifests)).ifPresent(expected::add); // where the overlay names one
        assertThat(destinations).as(overlay).isEqualTo(expected);

        NetworkPolicies allowed = new NetworkPolicies(manifests);
        JsonNode postgresPod = labels("cnpg.io/cluster", Manifests.name(manifests.single("Cluster")));
        JsonNode kafkaPod = labels("strimzi.io/cluster", Manifests.name(manifests.single("Kafka")));
        ((ObjectNode) kafkaPod).put("strimzi.io/broker-role", "true");
        assertThat(allowed.egressAllows(podLabels(console), postgresPod, 5432)).as(overlay + ": no way to PostgreSQL").isFalse();
        assertThat(allowed.egressAllows(podLabels(console), kafkaPod, 9092)).as(overlay + ": no way to Kafka").isFalse();
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void theConsoleTakesSchemeAndHostFromTheIngressControllersForwardedHeaders(String overlay) {
        // else the OIDC redirect_uri would be http://, which Entra ID refuses, and the cookies not Secure
        Map<String, JsonNode> env = consoleEnvironment(Overlays.rendered(overlay));
        assertThat(env.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING")).as(overlay).isNotNull();
        assertThat(env.get("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING").asText()).as(overlay).isEqualTo("true");
    }

    @Test
    void productionSignsAdminsInWithOpenIdConnectAtTheIssuerTheServicesTrust() {
        Manifests prod = Overlays.rendered("prod");
        Map<String, JsonNode> env = consoleEnvironment(prod);
        Map<String, JsonNode> services = ServiceDeploymentsTest.environment(prod,
                ServiceDeploymentsTest.container(prod.serviceDeployments().get(0)));

        String authServer = text(env, "QUARKUS_OIDC_AUTH_SERVER_URL");
        assertThat(authServer).startsWith("https://");
        assertThat(stripSlash(authServer)).as("the issuer of the tokens the services accept")
                .isEqualTo(stripSlash(text(services, "MP_JWT_VERIFY_ISSUER")));
        assertThat(text(env, "QUARKUS_OIDC_CLIENT_ID")).isNotBlank();
        assertThat(text(env, "CONSOLE_API_SCOPES")).as("a scope of the services' API, so its access token has their audience")
                .contains(text(services, "MP_JWT_VERIFY_AUDIENCES"));
        assertThat(env.get("QUARKUS_OIDC_CREDENTIALS_SECRET").at("/valueFrom/secretKeyRef/name").asText())
                .as("the client secret from a Secret").isNotBlank();
        assertThat(env).as("no demo sign-in, OIDC on").doesNotContainKeys("CONSOLE_DEMO_SIGN_IN_ENABLED",
                "CONSOLE_DEMO_SIGN_IN_SIGNING_KEY", "QUARKUS_OIDC_TENANT_ENABLED", "QUARKUS_HTTP_AUTH_PERMISSION_SIGNED_IN_POLICY");
    }

    @Test
    void productionSessionTokensAreEncryptedWithOneKeyFromASecretAndCookiesAreSecure() {
        Manifests prod = Overlays.rendered("prod");
        assertThat(prod.get("HorizontalPodAutoscaler", AdminConsole.NAME).at("/spec/minReplicas").asInt())
                .as("several replicas, so a browser's requests reach different pods").isGreaterThanOrEqualTo(2);
        Map<String, JsonNode> env = consoleEnvironment(prod);
        JsonNode key = env.get("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET");
        assertThat(key).as("the session tokens' key is set (else derived from the client secret)").isNotNull();
        assertThat(key.at("/valueFrom/secretKeyRef/name").asText()).as("from a Secret, the same for every pod").isNotBlank();
        assertThat(key.at("/valueFrom/secretKeyRef/key").asText()).isNotBlank();
        assertThat(env).as("tokens encrypted (the console keeps them on the server: signin.ServerSideTokenState)")
                .doesNotContainKeys("QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_REQUIRED");
        assertThat(text(env, "QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE")).isEqualTo("true");
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#withAConsoleHost")
    void aBrowserStaysOnThePodThatRunsItsBulkUnassignSoItsProgressPageIsFound(String overlay) {
        // a signed-in session, and a bulk operation with its progress page, live in the memory of the pod that began it
        JsonNode annotations = Overlays.rendered(overlay).get("Ingress", AdminConsole.NAME).at("/metadata/annotations");
        assertThat(annotations.path("nginx.ingress.kubernetes.io/affinity").asText()).as(overlay).isEqualTo("cookie");
    }

    @Test
    void devSignsInWithTheDemoSignInAndThePrivateHalfOfTheKeyPairItsServicesTrust() {
        Manifests dev = Overlays.rendered("dev");
        Map<String, JsonNode> env = consoleEnvironment(dev);
        assertThat(AdminConsole.runsDemoSignIn(dev)).isTrue();
        assertThat(text(env, "QUARKUS_PROFILE")).as("a development profile: DemoSignInGuard refuses the demo sign-in under prod")
                .isEqualTo("local");

        String signingKey = mountedFile(dev, dev.get("Deployment", AdminConsole.NAME), text(env, "CONSOLE_DEMO_SIGN_IN_SIGNING_KEY"));
        JsonNode service = dev.serviceDeployments().get(0);
        String location = text(ServiceDeploymentsTest.environment(dev, ServiceDeploymentsTest.container(service)),
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION");
        assertThat(location).startsWith("file:");
        String verificationKey = mountedFile(dev, service, location.substring("file:".length()));
        assertThat(DevelopmentKey.privateModulus(signingKey)).as("the console signs with the key the services verify with")
                .isEqualTo(DevelopmentKey.publicModulus(verificationKey));
    }

    @Test
    void serviceUrlSettingsAreReadAsEnvironmentVariablesWithTheirServicesPort() {
        assertThat(AdminConsole.serviceUrlVariables()).containsEntry("CONSOLE_DIRECTORY_URL", 8081)
                .containsEntry("CONSOLE_LICENSING_URL", 8082).containsEntry("CONSOLE_LIFECYCLE_URL", 8083);
    }

    /** The content of the file at {@code path} in the deployment's pods: a key of the ConfigMap or Secret mounted there. */
    static String mountedFile(Manifests manifests, JsonNode deployment, String path) {
        Path file = Path.of(path);
        JsonNode mount = null;
        for (JsonNode m : ServiceDeploymentsTest.container(deployment).path("volumeMounts")) {
            if (file.getParent().equals(Path.of(m.path("mountPath").asText()))) {
                mount = m;
            }
        }
        assertThat(mount).as("%s: a volume mounted at %s", Manifests.describe(deployment), file.getParent()).isNotNull();
        String key = file.getFileName().toString();
        for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
            if (!volume.path("name").asText().equals(mount.path("name").asText())) {
                continue;
            }
            if (volume.has("secret")) {
                JsonNode data = manifests.get("Secret", volume.at("/secret/secretName").asText()).at("/data").path(key);
                assertThat(data.isTextual()).as("%s: the Secret has %s", Manifests.describe(deployment), key).isTrue();
                return new String(Base64.getMimeDecoder().decode(data.asText()), StandardCharsets.UTF_8);
            }
            JsonNode data = manifests.get("ConfigMap", volume.at("/configMap/name").asText()).at("/data").path(key);
            assertThat(data.isTextual()).as("%s: the ConfigMap has %s", Manifests.describe(deployment), key).isTrue();
            return data.asText();
        }
        throw new AssertionError(Manifests.describe(deployment) + ": no volume " + mount.path("name").asText());
    }

    private static ServiceModule serviceOnPort(int port) {
        return ServiceModule.all().stream().filter(m -> m.httpPort() == port && !AdminConsole.NAME.equals(m.name()))
                .findFirst().orElseThrow(() -> new AssertionError("No service module serves port " + port));
    }

    private static Map<String, JsonNode> consoleEnvironment(Manifests manifests) {
        return ServiceDeploymentsTest.environment(manifests,
                ServiceDeploymentsTest.container(manifests.get("Deployment", AdminConsole.NAME)));
    }

    private static String text(Map<String, JsonNode> env, String variable) {
        assertThat(env).containsKey(variable);
        return env.get(variable).asText();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static JsonNode labels(String key, String value) {
        ObjectNode labels = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        labels.put(key, value);
        return labels;
    }

    private static String destination(JsonNode to) {
        if (to.has("ipBlock")) {
            assertThat(to.at("/ipBlock/cidr").asText()).isEqualTo("0.0.0.0/0");
            assertThat(to.at("/ipBlock/except").toString()).contains("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16");
            return "outside the cluster";
        }
        JsonNode labels = to.at("/podSelector/matchLabels");
        if (to.has("namespaceSelector")) {
            return to.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText() + "/"
                    + labels.path(labels.has("k8s-app") ? "k8s-app" : "app.kubernetes.io/name").asText();
        }
        return labels.has("app.kubernetes.io/name") && labels.size() == 1 ? labels.path("app.kubernetes.io/name").asText()
                : labels.toString();
    }

    private static List<JsonNode> policiesSelecting(Manifests manifests, JsonNode deployment) {
        return manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> Manifests.selects(p.at("/spec/podSelector/matchLabels"), podLabels(deployment)))
                .map(JsonNode.class::cast)
                .toList();
    }

    private static JsonNode podLabels(JsonNode deployment) {
        return deployment.at("/spec/template/metadata/labels");
    }
}
