package org.licenselifecycle.licensing.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.NextLink;
import org.licenselifecycle.contract.graph.ODataCollection;
import org.licenselifecycle.support.graph.ODataQuery;
import org.licenselifecycle.support.graph.ODataQuery.Option;

/**
 * Graph's query options on licensing's collections, read by {@link ODataQuery} (any other option is refused):
 * {@code $top} (1..999) with an absolute {@code @odata.nextLink} carrying a {@code $skiptoken}, and
 * {@code $select} of top-level properties. The collections are small (a tenant's products, a user's licenses),
 * so a page is cut from the whole list.
 */
@ApplicationScoped
public class GraphQuery {

    private final ObjectMapper mapper;

    GraphQuery(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One page of {@code all} as Graph renders it, with only the {@code $select}ed properties when asked. */
    public ODataCollection<Object> page(UriInfo uri, String contextFragment, List<?> all, Class<?> type) {
        ODataQuery options = ODataQuery.read(uri, Option.TOP, Option.SKIP_TOKEN, Option.SELECT);
        Optional<Integer> top = options.top();
        int skip = options.skipToken().map(GraphQuery::skip).orElse(0);
        List<String> select = options.select(name -> property(type, name), graphType(type));
        int end = top.map(size -> (int) Math.min(all.size(), (long) skip + size)).orElse(all.size());
        List<Object> value = all.subList(Math.min(skip, all.size()), end).stream()
                .map(item -> select.isEmpty() ? item : selected(item, select))
                .toList();
        String next = null;
        if (end < all.size()) {
            next = NextLink.to(uri.getAbsolutePath()).option("top", top.orElseThrow()).names("select", select)
                    .skipToken(String.valueOf(end));
        }
        String context = ODataContext.of(uri, contextFragment + (select.isEmpty() ? "" : "(" + String.join(",", select) + ")"));
        return new ODataCollection<>(context, next, value);
    }

    private Map<String, Object> selected(Object item, List<String> select) {
        @SuppressWarnings("unchecked")
        Map<String, Object> all = mapper.convertValue(item, Map.class);
        Map<String, Object> kept = new LinkedHashMap<>();
        all.forEach((name, value) -> {
            if (select.contains(name)) {
                kept.put(name, value);
            }
        });
        return kept;
    }

    /** The property of that name, whatever its case, as Graph matches {@code $select}. */
    private static Optional<String> property(Class<?> type, String name) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                .filter(name::equalsIgnoreCase).findFirst();
    }

    /** {@code subscribedSku} for {@link SubscribedSku}. */
    private static String graphType(Class<?> type) {
        return Character.toLowerCase(type.getSimpleName().charAt(0)) + type.getSimpleName().substring(1);
    }

    private static int skip(String value) {
        try {
            int skip = Integer.parseInt(value);
            if (skip >= 0) {
                return skip;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw GraphException.badRequest("Invalid $skiptoken: '" + value + "'.");
    }
}
