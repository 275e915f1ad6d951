package org.licenselifecycle.support.graph;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Graph accepts every bound action under its plain name and under its namespace-qualified one
 * ({@code POST /users/{id}/assignLicense} and {@code POST /users/{id}/microsoft.graph.assignLicense}, which
 * Set-MgUserLicense and the SDK generations before v5 send), and a type cast under the namespace or its alias
 * ({@code /directory/deletedItems/microsoft.graph.user}, and {@code graph.user}, which the v6 SDKs send). The
 * resources declare one form of each: an action by its plain name, a cast as {@code microsoft.graph.<type>}. Before
 * JAX-RS matches a request, this brings the last segment of a Graph path ({@code /v1.0/...}) that names one of the
 * service's actions or casts ({@link QualifiedNamesConfig}) in another form to the declared one, so that each
 * resource method serves every form. The namespace is matched in any case, as Graph does; names are not.
 * (Graph functions, the GET operations with parentheses, would be qualified the same way; no service has one.)
 */
public class QualifiedNames {

    private static final String GRAPH_PATH = "/v1.0/";
    private static final String NAMESPACE = "microsoft.graph.";
    private static final String ALIAS = "graph.";

    private final Set<String> actions;
    private final Set<String> casts;

    QualifiedNames(QualifiedNamesConfig config) {
        this.actions = config.actions().orElse(Set.of());
        this.casts = config.casts().orElse(Set.of());
    }

    @ServerRequestFilter(preMatching = true)
    public void declaredForm(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String path = uri.getRawPath();
        if (path == null || !path.startsWith(GRAPH_PATH)) {
            return;
        }
        int slash = path.lastIndexOf('/');
        String last = path.substring(slash + 1);
        declared(last).filter(name -> !name.equals(last)).ifPresent(name -> request.setRequestUri(URI.create(
                uri.getScheme() + "://" + uri.getRawAuthority() + path.substring(0, slash + 1) + name
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))));
    }

    /** The form the resources declare of a last path segment that names one of the actions or casts. */
    Optional<String> declared(String segment) {
        String name = unqualified(segment);
        if (actions.contains(name)) {
            return Optional.of(name);
        }
        if (casts.contains(name)) {
            return Optional.of(NAMESPACE + name);
        }
        return Optional.empty();
    }

    private static String unqualified(String segment) {
        String lower = segment.toLowerCase(Locale.ROOT);
        if (lower.startsWith(NAMESPACE)) {
            return segment.substring(NAMESPACE.length());
        }
        return lower.startsWith(ALIAS) ? segment.substring(ALIAS.length()) : segment;
    }
}
