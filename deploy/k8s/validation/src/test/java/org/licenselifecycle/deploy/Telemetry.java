package org.licenselifecycle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where a pod sends its traces: the OTLP collector its {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} names, as an egress
 * destination ({@code <namespace>/<collector>:<port>}, from the in-cluster Service name
 * {@code <collector>.<namespace>.svc}); none when the variable is not set (nothing is exported).
 */
final class Telemetry {

    static final String ENDPOINT = "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT";

    private Telemetry() {
    }

    static Optional<String> collector(Map<String, JsonNode> environment) {
        JsonNode endpoint = environment.get(ENDPOINT);
        if (endpoint == null) {
            return Optional.empty();
        }
        URI uri = URI.create(endpoint.asText());
        String[] host = uri.getHost().split("\\.");
        return Optional.of(host[1] + "/" + host[0] + ":" + uri.getPort());
    }
}
