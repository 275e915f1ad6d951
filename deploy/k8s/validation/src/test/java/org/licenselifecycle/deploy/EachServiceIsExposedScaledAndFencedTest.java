package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each service, and the admin console, has a Service, a PodDisruptionBudget, a HorizontalPodAutoscaler and
 * NetworkPolicies that all point at its pods. A service is reachable only from the ingress controller, Prometheus
 * and the admin console, and talks only to its database, Kafka, DNS and the identity provider; besides, licensing
 * asks directory about users whose events have not arrived yet, and only it reaches directory from another
 * service. (The console's NetworkPolicy: AdminConsoleTest.)
 */
class EachServiceIsExposedScaledAndFencedTest {

    /**
     * The services one service asks over HTTP (licensing's UnheardUsers, directory's offboarding DataOutlook), by the
     * asking service, with the environment variable that names the asked service's URL.
     */
    private static final Map<String, String> ASKS = Map.of("licensing-service", "directory-service",
            "directory-service", "data-lifecycle-service");
    private static final Map<String, String> ASKED_URL_VARIABLES = Map.of("licensing-service", "LICENSING_DIRECTORY_URL",
            "directory-service", "DIRECTORY_LIFECYCLE_URL");

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyServiceHasAServiceSelectingItsPodsOnItsHttpPort(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            String name = Manifests.name(deployment);
            JsonNode service = manifests.get("Service", name);
            assertThat(Manifests.selects(service.at("/spec/selector"), podLabels(deployment))).as(overlay + " Service " + name)
                    .isTrue();
            assertThat(service.at("/spec/ports/0/targetPort").asText()).as(name).isEqualTo("http");
            assertThat(service.at("/spec/ports/0/port").asInt())
                    .isEqualTo(ServiceDeploymentsTest.container(deployment).at("/ports/0/containerPort").asInt());
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyServiceHasAPodDisruptionBudgetThatLetsNodesDrain(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            JsonNode pdb = manifests.get("PodDisruptionBudget", Manifests.name(deployment));
            assertThat(pdb.path("apiVersion").asText()).isEqualTo("policy/v1");
            assertThat(Manifests.selects(pdb.at("/spec/selector/matchLabels"), podLabels(deployment))).as(overlay).isTrue();
            // maxUnavailable 1 never blocks a drain, whatever the replica count
            assertThat(pdb.at("/spec/maxUnavailable").asInt()).as(overlay).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyServiceHasAnAutoscalerOwningItsReplicas(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            String name = Manifests.name(deployment);
            JsonNode hpa = manifests.get("HorizontalPodAutoscaler", name);
            assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
            assertThat(hpa.at("/spec/scaleTargetRef/kind").asText()).isEqualTo("Deployment");
            assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(name);
            int min = hpa.at("/spec/minReplicas").asInt();
            assertThat(min).as(overlay + " " + name).isPositive();
            assertThat(hpa.at("/spec/maxReplicas").asInt()).as(overlay + " " + name).isGreaterThan(min);
            assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
            assertThat(deployment.at("/spec/replicas").isMissingNode()).as("%s: the autoscaler owns the replicas", name).isTrue();
        }
    }

    @Test
    void productionRunsEveryServiceOnSeveralReplicas() {
        for (JsonNode hpa : Overlays.rendered("prod").ofKind("HorizontalPodAutoscaler")) {
            assertThat(hpa.at("/spec/minReplicas").asInt()).as(Manifests.describe(hpa)).isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void servicePodsAcceptConnectionsOnlyFromTheIngressControllerPrometheusAndTheConsoleOnTheirPort(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (JsonNode deployment : manifests.serviceDeployments()) {
            String name = Manifests.name(deployment);
            int port = ServiceDeploymentsTest.container(deployment).at("/ports/0/containerPort").asInt();
            List<JsonNode> ingressRules = new ArrayList<>();
            for (JsonNode policy : policiesSelecting(manifests, deployment)) {
                policy.at("/spec/ingress").forEach(ingressRules::add);
            }
            assertThat(ingressRules).as("%s %s: ingress rules", overlay, name).isNotEmpty();
            Set<String> peers = new TreeSet<>();
            for (JsonNode rule : ingressRules) {
                assertThat(rule.path("ports")).as(name + ": every rule names its ports").isNotEmpty();
                rule.path("ports").forEach(p -> assertThat(p.path("port").asInt()).as(name).isEqualTo(port));
                assertThat(rule.path("from")).as(name + ": every rule names its peers").isNotEmpty();
                for (JsonNode peer : rule.path("from")) {
                    assertThat(peer.has("ipBlock")).as(name).isFalse();
                    String namespace = peer.has("namespaceSelector")
                            ? peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText() : "this namespace";
                    peers.add(namespace + "/" + peer.at("/podSelector/matchLabels/app.kubernetes.io~1name").asText());
                }
            }
            Set<String> expected = new TreeSet<>(Set.of("ingress-nginx/ingress-nginx", "monitoring/prometheus",
                    "this namespace/" + AdminConsole.NAME));
            ASKS.forEach((asking, asked) -> {
                if (asked.equals(name)) {
                    expected.add("this namespace/" + asking);
                }
            });
            assertThat(peers).as(overlay + " " + name).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void servicePodsDenyEverythingByDefaultAndReachOnlyPostgresKafkaDnsAndHttps(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        String kafka = Manifests.name(manifests.single("Kafka"));
        String postgres = Manifests.name(manifests.single("Cluster"));
        assertThat(manifests.serviceDeployments()).as(overlay).isNotEmpty();
        for (JsonNode deployment : manifests.serviceDeployments()) {
            String what = overlay + " " + Manifests.describe(deployment);
            List<JsonNode> policies = policiesSelecting(manifests, deployment);
            assertThat(policies).as(what + ": a default-deny policy")
                    .anySatisfy(p -> {
                        assertThat(p.at("/spec/policyTypes").toString()).isEqualTo("[\"Ingress\",\"Egress\"]");
                        assertThat(p.at("/spec/ingress").isMissingNode()).isTrue();
                        assertThat(p.at("/spec/egress").isMissingNode()).isTrue();
                    });
            Set<String> destinations = new TreeSet<>();
            for (JsonNode policy : policies) {
                for (JsonNode rule : policy.at("/spec/egress")) {
                    assertThat(rule.path("ports")).as(what + ": egress names its ports").isNotEmpty();
                    assertThat(rule.path("to")).as(what + ": egress names its peers").isNotEmpty();
                    for (JsonNode to : rule.path("to")) {
                        for (JsonNode port : rule.path("ports")) {
                            destinations.add(destination(to) + ":" + port.path("port").asInt());
                        }
                    }
                }
            }
            Set<String> expected = new TreeSet<>(Set.of(
                    "cnpg.io/cluster=" + postgres + ":5432",
                    "strimzi.io/cluster=" + kafka + ":9092",
                    "kube-system/kube-dns:53",
                    "outside the cluster:443"));
            // the collector its traces go to, where the overlay names one
            Telemetry.collector(ServiceDeploymentsTest.environment(manifests, ServiceDeploymentsTest.container(deployment)))
                    .ifPresent(expected::add);
            String asked = ASKS.get(Manifests.name(deployment));
            if (asked != null) {
                int port = ServiceDeploymentsTest.container(manifests.get("Deployment", asked)).at("/ports/0/containerPort").asInt();
                expected.add("service " + asked + ":" + port);
            }
            assertThat(destinations).as(what).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void licensingReachesDirectoryOnItsPortAndNoOtherServiceReachesAnother(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        NetworkPolicies policies = new NetworkPolicies(manifests);
        for (JsonNode from : manifests.serviceDeployments()) {
            for (JsonNode to : manifests.serviceDeployments()) {
                if (from == to) {
                    continue;
                }
                int port = ServiceDeploymentsTest.container(to).at("/ports/0/containerPort").asInt();
                boolean asks = Manifests.name(to).equals(ASKS.get(Manifests.name(from)));
                assertThat(policies.allow(from, to, port)).as("%s: %s to %s:%d", overlay, Manifests.name(from),
                        Manifests.name(to), port).isEqualTo(asks);
            }
        }
        JsonNode licensing = manifests.get("Deployment", "licensing-service");
        assertThat(ServiceDeploymentsTest.container(licensing).at("/env").findValuesAsText("value"))
                .as("licensing's LICENSING_DIRECTORY_URL names directory's Service and port")
                .contains("http://directory-service:"
                        + ServiceDeploymentsTest.container(manifests.get("Deployment", "directory-service"))
                                .at("/ports/0/containerPort").asInt());
        ASKS.forEach((asking, asked) -> {
            JsonNode env = ServiceDeploymentsTest.container(manifests.get("Deployment", asking)).at("/env");
            String url = null;
            for (JsonNode variable : env) {
                if (variable.path("name").asText().equals(ASKED_URL_VARIABLES.get(asking))) {
                    url = variable.path("value").asText();
                }
            }
            assertThat(url).as("%s: %s's %s names %s's Service and port", overlay, asking,
                    ASKED_URL_VARIABLES.get(asking), asked)
                    .isEqualTo("http://" + asked + ":" + ServiceDeploymentsTest.container(
                            manifests.get("Deployment", asked)).at("/ports/0/containerPort").asInt());
        });
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void kafkaAdmitsOnlyTheServicePodsOnItsListener(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (JsonNode listener : manifests.single("Kafka").at("/spec/kafka/listeners")) {
            JsonNode peers = listener.path("networkPolicyPeers");
            assertThat(peers).as("listener " + listener.path("name").asText()).hasSize(1);
            for (JsonNode deployment : manifests.ofKind("Deployment")) {
                boolean service = manifests.serviceDeployments().contains(deployment);
                assertThat(Manifests.selects(peers.at("/0/podSelector/matchLabels"), podLabels(deployment)))
                        .as("%s %s admitted", overlay, Manifests.describe(deployment)).isEqualTo(service);
            }
        }
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
        if (labels.has("app.kubernetes.io/name")) {
            return "service " + labels.path("app.kubernetes.io/name").asText();
        }
        for (String clusterLabel : List.of("cnpg.io/cluster", "strimzi.io/cluster")) {
            if (labels.has(clusterLabel)) {
                return clusterLabel + "=" + labels.path(clusterLabel).asText();
            }
        }
        return labels.toString();
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
