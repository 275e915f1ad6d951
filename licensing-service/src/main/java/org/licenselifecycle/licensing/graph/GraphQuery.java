package org.licenselifecycle.licensing.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.licenselifecycle.support.graph.GraphException;
import org.licenselifecycle.support.graph.ODataCollection;

/**
 * Graph's query options on licensing's collections: {@code $top} (1..999) with an absolute
 * {@code @odata.nextLink} carrying a {@code $skiptoken}, and {@code $select} of top-level properties.
 * The collections are small (a tenant's products, a user's licenses), so a page is cut from the whole list.
 */
@ApplicationScoped
public class GraphQuery {

    static final int MAX_TOP = 999;

    private final ObjectMapper mapper;

    GraphQuery(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** One page of {@code all} as Graph renders it, with only the {@code $select}ed properties when asked. */
    public ODataCollection<Object> page(UriInfo uri, String contextFragment, List<?> all, Class<?> type) {
        var params = uri.getQueryParameters();
        Integer top = top(params.getFirst("$top"));
        int skip = skip(params.getFirst("$skiptoken"));
        Set<String> select = select(params.getFirst("$select"), type);
        int end = top == null ? all.size() : (int) Math.min(all.size(), (long) skip + top);
        List<Object> value = all.subList(Math.min(skip, all.size()), end).stream()
                .map(item -> select == null ? item : selected(item, select))
                .toList();
        String next = null;
        if (end < all.size()) {
            next = uri.getAbsolutePath() + "?$top=" + top + "&$skiptoken=" + end
                    + (select == null ? "" : "&$select=" + String.join(",", select));
        }
        String context = ODataContext.of(uri, contextFragment + (select == null ? "" : "(" + String.join(",", select) + ")"));
        return new ODataCollection<>(context, next, value);
    }

    private Map<String, Object> selected(Object item, Set<String> select) {
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

    private static Integer top(String value) {
        if (value == null) {
            return null;
        }
        try {
            int top = Integer.parseInt(value);
            if (top >= 1 && top <= MAX_TOP) {
                return top;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw GraphException.badRequest("Invalid page size specified: '" + value + "'. Must be between 1 and " + MAX_TOP
                + " inclusive.");
    }

    private static int skip(String value) {
        if (value == null) {
            return 0;
        }
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

    private Set<String> select(String value, Class<?> type) {
        if (value == null) {
            return null;
        }
        Set<String> known = Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
        Set<String> select = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            String property = name.trim();
            if (!known.contains(property)) {
                throw GraphException.badRequest("Could not find a property named '" + property + "' on type '"
                        + "microsoft.graph." + Character.toLowerCase(type.getSimpleName().charAt(0))
                        + type.getSimpleName().substring(1) + "'.");
            }
            select.add(property);
        }
        return select;
    }
}
