package org.licenselifecycle.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * prod sends the traces of every service and of the admin console to one OTLP collector (an in-cluster Service), and
 * its NetworkPolicies let each pod reach it: the fencing tests expect exactly that egress wherever an endpoint is set.
 */
class TelemetryTest {

    @Test
    void productionSendsEveryPodsTracesToOneCollector() {
        Manifests prod = Overlays.rendered("prod");
        List<JsonNode> deployments = new ArrayList<>(prod.serviceDeployments());
        deployments.add(prod.get("Deployment", AdminConsole.NAME));

        List<Optional<String>> collectors = deployments.stream()
                .map(d -> Telemetry.collector(ServiceDeploymentsTest.environment(prod, ServiceDeploymentsTest.container(d))))
                .toList();

        assertThat(collectors).hasSize(4).allSatisfy(collector -> assertThat(collector).isPresent())
                .containsOnly(Optional.of("monitoring/opentelemetry-collector:4317"));
    }
}
