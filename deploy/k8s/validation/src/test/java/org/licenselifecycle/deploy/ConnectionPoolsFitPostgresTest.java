package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connection pools of every service pod that can run at once (each autoscaler at its maximum, plus the pods a
 * rolling update adds) fit under the max_connections of the PostgreSQL cluster they use, less the superusers'
 * reserved connections and room for CloudNativePG's own (instance manager, metrics exporter, an operator's psql).
 * Otherwise, at the worst moment (a scale-out under load, during a rollout), new connections fail and requests with
 * them.
 */
class ConnectionPoolsFitPostgresTest {

    /** CloudNativePG's own connections to the primary (instance manager, metrics exporter) and a psql, at most. */
    static final int CLOUDNATIVEPG_HEADROOM = 10;
    /** PostgreSQL's default superuser_reserved_connections, which CloudNativePG keeps. */
    static final int SUPERUSER_RESERVED_DEFAULT = 3;

    private static final Pattern JDBC_HOST = Pattern.compile("jdbc:postgresql://([^:/]+).*");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @MethodSource("org.licenselifecycle.deploy.Overlays#names")
    void theServicesPoolsAtTheirAutoscalersMaximumFitUnderEachClustersMaxConnections(String overlay) {
        Manifests manifests = Overlays.rendered(overlay);
        List<JsonNode> clusters = new ArrayList<>(manifests.ofKind("Cluster"));
        assertThat(clusters).as(overlay).isNotEmpty();
        int poolsChecked = 0;
        for (JsonNode cluster : clusters) {
            Budget budget = budget(manifests, cluster);
            assertThat(budget.connections()).as("%s: %s", overlay, budget.arithmetic()).isLessThanOrEqualTo(budget.available());
            poolsChecked += budget.pools();
        }
        assertThat(poolsChecked).as(overlay + ": every service's pool is counted against a cluster")
                .isEqualTo(manifests.serviceDeployments().size());
    }

    @Test
    void poolsThatDoNotFitAreFoundWithTheirArithmetic() {
        Manifests manifests = new Manifests("mistakes", List.of(
                cluster("db", "100", null),
                deployment("a", "jdbc:postgresql://db-rw:5432/a", "20", null),
                hpa("a", 3),
                deployment("b", "jdbc:postgresql://db-rw:5432/b", "10", "0"),
                hpa("b", 2)));

        Budget budget = budget(manifests, manifests.single("Cluster"));

        // a: 3 pods + 1 surging (25% of 3, rounded up) = 4 x 20; b: 2 pods, no surge, x 10
        assertThat(budget.connections()).isEqualTo(4 * 20 + 2 * 10);
        assertThat(budget.available()).isEqualTo(100 - SUPERUSER_RESERVED_DEFAULT - CLOUDNATIVEPG_HEADROOM);
        assertThat(budget.arithmetic()).contains("a 4 x 20", "b 2 x 10", "100 max_connections");
    }

    @Test
    void aServiceWithoutAnExplicitPoolSizeIsRefused() {
        Manifests manifests = new Manifests("mistakes", List.of(cluster("db", "100", "5"),
                deployment("a", "jdbc:postgresql://db-rw:5432/a", null, null), hpa("a", 2)));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> budget(manifests, manifests.single("Cluster")))
                .hasMessageContaining("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
    }

    /** Connections the pools of the services using this cluster can open, and what the cluster allows them. */
    record Budget(int connections, int available, int pools, String arithmetic) {
    }

    static Budget budget(Manifests manifests, JsonNode cluster) {
        String name = Manifests.name(cluster);
        JsonNode parameters = cluster.at("/spec/postgresql/parameters");
        assertThat(parameters.path("max_connections").isTextual()).as("Cluster %s sets spec.postgresql.parameters.max_connections",
                name).isTrue();
        int maxConnections = Integer.parseInt(parameters.path("max_connections").asText());
        int reserved = Integer.parseInt(parameters.path("superuser_reserved_connections").asText(
                Integer.toString(SUPERUSER_RESERVED_DEFAULT))) + Integer.parseInt(parameters.path("reserved_connections").asText("0"));
        int available = maxConnections - reserved - CLOUDNATIVEPG_HEADROOM;
        int connections = 0;
        int pools = 0;
        StringBuilder terms = new StringBuilder();
        for (JsonNode deployment : manifests.serviceDeployments()) {
            Map<String, JsonNode> env = ServiceDeploymentsTest.environment(manifests, ServiceDeploymentsTest.container(deployment));
            Matcher url = JDBC_HOST.matcher(env.containsKey("QUARKUS_DATASOURCE_JDBC_URL") ? env.get("QUARKUS_DATASOURCE_JDBC_URL").asText() : "");
            if (!url.matches() || !url.group(1).startsWith(name + "-")) {
                continue;
            }
            String what = Manifests.describe(deployment);
            JsonNode size = env.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
            assertThat(size).as("%s sets QUARKUS_DATASOURCE_JDBC_MAX_SIZE (Quarkus's default of 20 is sized for no cluster)", what)
                    .isNotNull();
            int pool = Integer.parseInt(size.asText());
            assertThat(pool).as(what + " pool").isPositive();
            int pods = mostPods(manifests, deployment);
            connections += pods * pool;
            pools++;
            terms.append(terms.isEmpty() ? "" : " + ").append(Manifests.name(deployment)).append(' ').append(pods).append(" x ").append(pool);
        }
        String arithmetic = "pods at the HPA maximum (plus rolling-update surge) x pool: " + terms + " = " + connections
                + " connections to Cluster " + name + ", which has " + maxConnections + " max_connections - " + reserved
                + " reserved for superusers - " + CLOUDNATIVEPG_HEADROOM + " for CloudNativePG = " + available;
        return new Budget(connections, available, pools, arithmetic);
    }

    /** The most pods of a Deployment at once: its autoscaler's maximum plus what a rolling update adds (maxSurge). */
    static int mostPods(Manifests manifests, JsonNode deployment) {
        int replicas = manifests.find("HorizontalPodAutoscaler", Manifests.name(deployment))
                .map(hpa -> hpa.at("/spec/maxReplicas").asInt())
                .orElse(deployment.at("/spec/replicas").asInt(1));
        JsonNode surge = deployment.at("/spec/strategy/rollingUpdate/maxSurge");
        boolean recreate = "Recreate".equals(deployment.at("/spec/strategy/type").asText());
        String value = recreate ? "0" : surge.isMissingNode() ? "25%" : surge.asText();
        int extra = value.endsWith("%")
                ? (int) Math.ceil(replicas * Integer.parseInt(value.substring(0, value.length() - 1)) / 100.0)
                : Integer.parseInt(value);
        return replicas + extra;
    }

    private static ObjectNode cluster(String name, String maxConnections, String superuserReserved) {
        ObjectNode cluster = JSON.createObjectNode().put("apiVersion", "postgresql.cnpg.io/v1").put("kind", "Cluster");
        cluster.putObject("metadata").put("name", name);
        ObjectNode parameters = cluster.putObject("spec").putObject("postgresql").putObject("parameters");
        parameters.put("max_connections", maxConnections);
        if (superuserReserved != null) {
            parameters.put("superuser_reserved_connections", superuserReserved);
        }
        return cluster;
    }

    private static ObjectNode deployment(String name, String jdbcUrl, String poolSize, String maxSurge) {
        ObjectNode deployment = JSON.createObjectNode().put("apiVersion", "apps/v1").put("kind", "Deployment");
        deployment.putObject("metadata").put("name", name);
        ObjectNode spec = deployment.putObject("spec");
        if (maxSurge != null) {
            spec.putObject("strategy").putObject("rollingUpdate").put("maxSurge", maxSurge);
        }
        ObjectNode template = spec.putObject("template");
        template.putObject("metadata").putObject("labels").put("app.kubernetes.io/component", Manifests.MICROSERVICE);
        var env = template.putObject("spec").putArray("containers").addObject().put("name", name).putArray("env");
        env.addObject().put("name", "QUARKUS_DATASOURCE_JDBC_URL").put("value", jdbcUrl);
        if (poolSize != null) {
            env.addObject().put("name", "QUARKUS_DATASOURCE_JDBC_MAX_SIZE").put("value", poolSize);
        }
        return deployment;
    }

    private static ObjectNode hpa(String name, int maxReplicas) {
        ObjectNode hpa = JSON.createObjectNode().put("apiVersion", "autoscaling/v2").put("kind", "HorizontalPodAutoscaler");
        hpa.putObject("metadata").put("name", name);
        hpa.putObject("spec").put("maxReplicas", maxReplicas);
        return hpa;
    }
}
