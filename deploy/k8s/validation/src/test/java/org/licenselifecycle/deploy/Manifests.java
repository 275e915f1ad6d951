package org.licenselifecycle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The objects one overlay renders to, with the look-ups the tests need. */
record Manifests(String overlay, List<ObjectNode> objects) {

    static final String MICROSERVICE = "microservice";

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    /**
     * The three services' Deployments (pods labelled app.kubernetes.io/component=microservice): each has a database
     * and uses Kafka. The admin console's Deployment (component=frontend) has neither.
     */
    List<ObjectNode> serviceDeployments() {
        return ofKind("Deployment").stream()
                .filter(d -> MICROSERVICE.equals(d.at("/spec/template/metadata/labels/app.kubernetes.io~1component").asText()))
                .toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(name(o))).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
    }

    /** The one object of a kind (the Kafka, the PostgreSQL Cluster). */
    ObjectNode single(String kind) {
        List<ObjectNode> all = ofKind(kind);
        if (all.size() != 1) {
            throw new AssertionError(overlay + " renders " + all.size() + " objects of kind " + kind + ", expected 1");
        }
        return all.get(0);
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + " " + name(object);
    }

    static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new TreeMap<>();
        labels.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /** Whether a matchLabels selector (no expressions are used here) selects objects carrying these labels. */
    static boolean selects(JsonNode matchLabels, JsonNode labels) {
        return !matchLabels.isMissingNode() && labels(labels).entrySet().containsAll(labels(matchLabels).entrySet());
    }
}
