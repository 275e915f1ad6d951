package org.licenselifecycle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Service ingress-nginx sends a request path to, for one host. Paths of an Ingress with
 * nginx.ingress.kubernetes.io/use-regex are regular expressions: each becomes a case-insensitive nginx regex
 * location anchored at the start of the URI, and the paths are ordered longest first, since nginx takes the
 * first regex location that matches. Paths of other Ingresses match as Kubernetes defines pathType Prefix (whole
 * path elements) and Exact. A path no rule matches reaches the default backend: no service.
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
            boolean regex = "true".equals(ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1use-regex").asText());
            for (JsonNode rule : ingress.at("/spec/rules")) {
                if (host.equals(rule.path("host").asText())) {
                    for (JsonNode path : rule.at("/http/paths")) {
                        String p = path.path("path").asText();
                        routes.add(new Route(p, regex ? Pattern.compile("^" + p, Pattern.CASE_INSENSITIVE)
                                : literal(p, path.path("pathType").asText()), path.at("/backend/service/name").asText()));
                    }
                }
            }
        }
        routes.sort(Comparator.comparingInt((Route r) -> r.path().length()).reversed());
        return new IngressNginxRoutes(routes);
    }

    /** Prefix: the path itself or anything below it, element by element ("/" matches everything); Exact: only it. */
    private static Pattern literal(String path, String pathType) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String quoted = Pattern.quote(trimmed);
        return Pattern.compile("Exact".equals(pathType) ? "^" + Pattern.quote(path) + "$" : "^" + quoted + "(/.*)?$");
    }

    Optional<String> serviceFor(String requestPath) {
        return routes.stream().filter(r -> r.pattern().matcher(requestPath).find()).map(Route::service).findFirst();
    }

    boolean isEmpty() {
        return routes.isEmpty();
    }
}
