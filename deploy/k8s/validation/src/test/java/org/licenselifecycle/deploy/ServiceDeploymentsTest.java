package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each Deployment (the services' and the admin console's): health probes, sized and hardened containers; and the
 * database, Kafka and token settings each service needs (the console's own settings: {@link AdminConsoleTest}).
 */
class ServiceDeploymentsTest {

    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyServiceModuleHasADeploymentServingOnItsHttpPort(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (ServiceModule service : ServiceModule.all()) {
            JsonNode container = container(manifests.get("Deployment", service.name()));
            assertThat(container.at("/ports/0/containerPort").asInt()).as(service.name()).isEqualTo(service.httpPort());
            assertThat(container.at("/ports/0/name").asText()).as(service.name()).isEqualTo("http");
        }
        assertThat(manifests.ofKind("Deployment")).hasSameSizeAs(ServiceModule.all());
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyDeploymentHasStartupLivenessAndReadinessProbesOnSmallRyeHealth(String overlay) {
        for (JsonNode deployment : Overlays.rendered(overlay).ofKind("Deployment")) {
            JsonNode container = container(deployment);
            String what = overlay + " " + Manifests.describe(deployment);
            assertThat(container.at("/startupProbe/httpGet/path").asText()).as(what).isEqualTo("/q/health/started");
            assertThat(container.at("/livenessProbe/httpGet/path").asText()).as(what).isEqualTo("/q/health/live");
            assertThat(container.at("/readinessProbe/httpGet/path").asText()).as(what).isEqualTo("/q/health/ready");
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertThat(container.path(probe).at("/httpGet/port").asText()).as(what + " " + probe).isEqualTo("http");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyContainerRequestsAndLimitsCpuAndMemory(String overlay) {
        for (JsonNode deployment : Overlays.rendered(overlay).ofKind("Deployment")) {
            for (JsonNode container : deployment.at("/spec/template/spec/containers")) {
                for (String resource : List.of("cpu", "memory")) {
                    String what = overlay + " " + Manifests.describe(deployment) + " " + resource;
                    JsonNode request = container.at("/resources/requests/" + resource);
                    JsonNode limit = container.at("/resources/limits/" + resource);
                    assertThat(request.isValueNode()).as(what + " request").isTrue();
                    assertThat(limit.isValueNode()).as(what + " limit").isTrue();
                    assertThat(Quantity.getAmountInBytes(new Quantity(request.asText())))
                            .as(what + " request <= limit")
                            .isLessThanOrEqualTo(Quantity.getAmountInBytes(new Quantity(limit.asText())));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyPodRunsAsNonRootWithAReadOnlyRootFilesystemAndNoCapabilities(String overlay) {
        for (JsonNode deployment : Overlays.rendered(overlay).ofKind("Deployment")) {
            String what = overlay + " " + Manifests.describe(deployment);
            JsonNode pod = deployment.at("/spec/template/spec");
            assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(what).isTrue();
            assertThat(pod.at("/securityContext/seccompProfile/type").asText()).as(what).isEqualTo("RuntimeDefault");
            for (JsonNode container : pod.path("containers")) {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).as(what).isFalse();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(what).isTrue();
                assertThat(security.at("/capabilities/drop").toString()).as(what).isEqualTo("[\"ALL\"]");
                assertThat(security.at("/seccompProfile/type").asText()).as(what).isEqualTo("RuntimeDefault");
                assertThat(security.path("privileged").asBoolean(false)).as(what).isFalse();
                assertThat(security.path("runAsUser").asInt(185)).as(what + " not root").isNotZero();
                String tmpVolume = volumeMountedAt(container, "/tmp");
                assertThat(tmpVolume).as(what + " mounts a volume at /tmp").isNotNull();
                assertThat(volume(pod, tmpVolume).has("emptyDir")).as(what + " /tmp is an emptyDir").isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyServiceGetsItsDatabaseKafkaAndTokenSettings(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        for (JsonNode deployment : manifests.serviceDeployments()) {
            String what = overlay + " " + Manifests.describe(deployment);
            Map<String, JsonNode> env = environment(manifests, container(deployment));
            assertThat(env).as(what).containsKeys("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                    "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                    "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_AUDIENCES");
            for (String token : List.of("MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER", "MP_JWT_VERIFY_AUDIENCES")) {
                assertThat(env.get(token).asText()).as(what + " " + token).isNotBlank();
            }
            for (String secret : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                assertThat(env.get(secret).at("/valueFrom/secretKeyRef").isObject()).as(what + " " + secret + " from a Secret")
                        .isTrue();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void eachServiceConnectsToItsOwnDatabaseAsItsOwner(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        JsonNode cluster = manifests.single("Cluster");
        Map<String, String> roleSecrets = new HashMap<>();
        cluster.at("/spec/managed/roles").forEach(r -> roleSecrets.put(r.path("name").asText(), r.at("/passwordSecret/name").asText()));
        Map<String, String> databaseOwners = new HashMap<>();
        for (JsonNode database : manifests.ofKind("Database")) {
            assertThat(database.at("/spec/cluster/name").asText()).isEqualTo(Manifests.name(cluster));
            databaseOwners.put(database.at("/spec/name").asText(), database.at("/spec/owner").asText());
        }
        List<String> databasesUsed = new ArrayList<>();
        for (JsonNode deployment : manifests.serviceDeployments()) {
            String what = overlay + " " + Manifests.describe(deployment);
            Map<String, JsonNode> env = environment(manifests, container(deployment));
            Matcher url = JDBC_URL.matcher(env.get("QUARKUS_DATASOURCE_JDBC_URL").asText());
            assertThat(url.matches()).as(what + " JDBC URL").isTrue();
            assertThat(url.group(1)).as(what + " the cluster's read-write Service").isEqualTo(Manifests.name(cluster) + "-rw");
            String database = url.group(3);
            databasesUsed.add(database);
            assertThat(databaseOwners).as(what + " a Database object for " + database).containsKey(database);
            String owner = databaseOwners.get(database);
            assertThat(roleSecrets).as(what + " a managed role " + owner).containsKey(owner);
            for (String variable : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
                assertThat(env.get(variable).at("/valueFrom/secretKeyRef/name").asText()).as(what + " " + variable)
                        .isEqualTo(roleSecrets.get(owner));
            }
        }
        assertThat(databasesUsed).as("one database per service").doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void everyServiceReachesKafkaThroughTheClustersBootstrapService(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        JsonNode kafka = manifests.single("Kafka");
        JsonNode plain = null;
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            if (!listener.path("tls").asBoolean() && "internal".equals(listener.path("type").asText())) {
                plain = listener;
            }
        }
        assertThat(plain).as("an internal listener").isNotNull();
        String bootstrap = Manifests.name(kafka) + "-kafka-bootstrap:" + plain.path("port").asInt();
        for (JsonNode deployment : manifests.serviceDeployments()) {
            assertThat(environment(manifests, container(deployment)).get("KAFKA_BOOTSTRAP_SERVERS").asText())
                    .as(overlay + " " + Manifests.describe(deployment)).isEqualTo(bootstrap);
        }
    }

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void theConfigMapsTheServicesUseAreRenderedAndAnySecretNotRenderedIsDocumented(String overlay) throws Exception {
        Manifests manifests = Overlays.rendered(overlay);
        String readme = Files.readString(ProjectRoot.k8s().resolve("README.md"));
        for (JsonNode deployment : manifests.ofKind("Deployment")) {
            JsonNode pod = deployment.at("/spec/template/spec");
            for (JsonNode ref : pod.findParents("configMapRef")) {
                assertThat(manifests.find("ConfigMap", ref.at("/configMapRef/name").asText())).as(overlay).isPresent();
            }
            for (JsonNode ref : pod.findValues("configMapKeyRef")) {
                assertThat(manifests.find("ConfigMap", ref.path("name").asText())).as(overlay).isPresent();
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.has("configMap")) {
                    assertThat(manifests.find("ConfigMap", volume.at("/configMap/name").asText())).as(overlay).isPresent();
                }
            }
            for (JsonNode ref : pod.findValues("secretKeyRef")) {
                String secret = ref.path("name").asText();
                if (manifests.find("Secret", secret).isEmpty()) {
                    assertThat(readme).as("%s: Secret %s is not rendered, so deploy/k8s/README.md says how to create it",
                            overlay, secret).contains(secret);
                }
            }
        }
    }

    @Test
    void devIsSelfContained() {
        Manifests dev = Overlays.rendered("dev");
        for (JsonNode ref : dev.objects().stream().flatMap(o -> o.findValues("secretKeyRef").stream()).toList()) {
            assertThat(dev.find("Secret", ref.path("name").asText())).as(ref.toString()).isPresent();
        }
        for (JsonNode volume : dev.objects().stream().flatMap(o -> o.findParents("secretName").stream()).toList()) {
            assertThat(dev.find("Secret", volume.path("secretName").asText())).as(volume.toString()).isPresent();
        }
    }

    static JsonNode container(JsonNode deployment) {
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertThat(containers).as(Manifests.describe(deployment) + ": one container (service-pod.yaml patches the first)")
                .hasSize(1);
        return containers.get(0);
    }

    /** The container's variables: env entries and, through envFrom, the keys of the rendered ConfigMaps. */
    static Map<String, JsonNode> environment(Manifests manifests, JsonNode container) {
        Map<String, JsonNode> env = new HashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                JsonNode configMap = manifests.get("ConfigMap", source.at("/configMapRef/name").asText());
                configMap.path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue()));
            }
        }
        for (JsonNode variable : container.path("env")) {
            env.put(variable.path("name").asText(), variable.has("value") ? variable.path("value") : variable);
        }
        return env;
    }

    private static String volumeMountedAt(JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (path.equals(mount.path("mountPath").asText())) {
                return mount.path("name").asText();
            }
        }
        return null;
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (name.equals(volume.path("name").asText())) {
                return volume;
            }
        }
        throw new AssertionError("No volume " + name);
    }
}
