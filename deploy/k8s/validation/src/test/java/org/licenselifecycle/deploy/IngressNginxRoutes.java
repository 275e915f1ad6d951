package org.licenselifecycle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Service ingress-nginx sends a request path to, for one host whose Ingress paths are regular
 * expressions (nginx.ingress.kubernetes.io/use-regex): each path becomes a case-insensitive nginx regex
 * location anchored at the start of the URI, and the paths are ordered longest first, since nginx takes the
 * first regex location that matches. A path no rule matches reaches the default backend: no service.
 */
final class IngressNginxRoutes {

    private record Route(String path, Pattern pattern, String service) {
    }

    private final List<Route> routes;

    private IngressNginxRoutes(List<Route> routes) {
        this.routes = routes;
    }

    static IngressNginxRoutes forHost(Manifests manifests, String host) {
        List<Route> routes = new ArrayList<>();
        for (JsonNode ingress : manifests.ofKind("Ingress")) {
            for (JsonNode rule : ingress.at("/spec/rules")) {
                if (host.equals(rule.path("host").asText())) {
                    for (JsonNode path : rule.at("/http/paths")) {
                        String regex = path.path("path").asText();
                        routes.add(new Route(regex, Pattern.compile("^" + regex, Pattern.CASE_INSENSITIVE),
                                path.at("/backend/service/name").asText()));
                    }
                }
            }
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.path().length()).reversed());
        return new IngressNginxRoutes(routes);
    }

    Optional<String> serviceFor(String requestPath) {
        return routes.stream().filter(r -> r.pattern().matcher(requestPath).find()).map(Route::service).findFirst();
    }

    boolean isEmpty() {
        return routes.isEmpty();
    }
}
