package org.licenselifecycle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Whether the rendered NetworkPolicies let one pod of the overlay open a TCP connection to another pod of the same
 * namespace on a port, as a CNI that enforces them decides: the source's egress and the destination's ingress must
 * both allow it. A pod no policy of a direction selects is open in that direction; once one selects it, only what
 * some rule of those policies names gets through. Peers: a podSelector alone means this namespace; a
 * namespaceSelector must select this namespace (kubernetes.io/metadata.name); an ipBlock is taken to be outside
 * the cluster's pod network. Only matchLabels selectors are read (the manifests use no expressions).
 */
final class NetworkPolicies {

    private final Manifests manifests;
    private final String namespace;

    NetworkPolicies(Manifests manifests) {
        this.manifests = manifests;
        this.namespace = manifests.single("Namespace").path("metadata").path("name").asText();
    }

    /** Whether pods of the {@code from} Deployment may connect to pods of the {@code to} Deployment on {@code port}. */
    boolean allow(JsonNode from, JsonNode to, int port) {
        return egressAllows(labels(from), labels(to), port) && ingressAllows(labels(from), labels(to), port);
    }

    boolean egressAllows(JsonNode fromLabels, JsonNode toLabels, int port) {
        return allows("Egress", fromLabels, toLabels, port, "/spec/egress", "to");
    }

    boolean ingressAllows(JsonNode fromLabels, JsonNode toLabels, int port) {
        return allows("Ingress", toLabels, fromLabels, port, "/spec/ingress", "from");
    }

    /** Policies of this direction selecting {@code selected}: none means open; else some rule must admit {@code peer}. */
    private boolean allows(String direction, JsonNode selected, JsonNode peer, int port, String rules, String peers) {
        List<JsonNode> policies = manifests.ofKind("NetworkPolicy").stream()
                .filter(p -> Manifests.selects(p.at("/spec/podSelector/matchLabels"), selected))
                .filter(p -> hasType(p, direction))
                .map(JsonNode.class::cast)
                .toList();
        if (policies.isEmpty()) {
            return true;
        }
        for (JsonNode policy : policies) {
            for (JsonNode rule : policy.at(rules)) {
                boolean peerMatches = !rule.has(peers) || anyPeerSelects(rule.path(peers), peer);
                if (peerMatches && portMatches(rule.path("ports"), port)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasType(JsonNode policy, String direction) {
        JsonNode types = policy.at("/spec/policyTypes");
        if (types.isMissingNode()) {
            // Kubernetes' default: Ingress always, Egress when the policy has egress rules
            return "Ingress".equals(direction) || policy.at("/spec/egress").isArray();
        }
        for (JsonNode type : types) {
            if (direction.equals(type.asText())) {
                return true;
            }
        }
        return false;
    }

    private boolean anyPeerSelects(JsonNode peers, JsonNode podLabels) {
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                continue;
            }
            JsonNode namespaces = peer.path("namespaceSelector");
            boolean namespaceMatches = namespaces.isMissingNode() || namespaces.path("matchLabels").isEmpty()
                    || namespace.equals(namespaces.at("/matchLabels/kubernetes.io~1metadata.name").asText());
            boolean podMatches = !peer.has("podSelector") || Manifests.selects(peer.at("/podSelector/matchLabels"), podLabels)
                    || peer.at("/podSelector").isEmpty();
            if (namespaceMatches && podMatches) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(JsonNode ports, int port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            boolean tcp = !p.has("protocol") || "TCP".equals(p.path("protocol").asText());
            if (tcp && p.path("port").asInt(-1) == port) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode labels(JsonNode deployment) {
        return deployment.at("/spec/template/metadata/labels");
    }
}
