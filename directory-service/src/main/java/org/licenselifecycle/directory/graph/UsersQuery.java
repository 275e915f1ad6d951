package org.licenselifecycle.directory.graph;

import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.licenselifecycle.directory.users.UserFilter;
import org.licenselifecycle.support.graph.GraphException;

/**
 * The OData query options of {@code GET /v1.0/users} as Graph reads them: {@code $top} (1..999, default
 * 100), the opaque {@code $skiptoken} of an {@code @odata.nextLink}, {@code $select} and {@code $filter}
 * (see {@link UsersFilter}). Options this
 * release does not implement are refused rather than silently ignored, so no caller mistakes an
 * unfiltered list for a filtered one.
 *
 * @param select the properties to return, empty for Graph's default set (all of them here)
 */
record UsersQuery(int top, Optional<UUID> after, List<UserProperty> select, Optional<String> filterText, UserFilter filter) {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 999;
    static final String TOP = "$top";
    static final String SKIP_TOKEN = "$skiptoken";
    static final String SELECT = "$select";
    static final String FILTER = "$filter";

    /** Graph's code for a query option or clause this service does not support. */
    static final String UNSUPPORTED_QUERY = "Request_UnsupportedQuery";
    private static final Set<String> NOT_IMPLEMENTED = Set.of("$orderby", "$search", "$expand", "$count", "$skip");
    private static final String TOKEN_PREFIX = "u1:";

    /** The options of {@code /users}, where {@code $filter} is read by {@link UsersFilter}. */
    static UsersQuery parse(MultivaluedMap<String, String> parameters) {
        return parse(parameters, true);
    }

    /** The options of a list of users that cannot be filtered (deleted items). */
    static UsersQuery parseUnfiltered(MultivaluedMap<String, String> parameters) {
        return parse(parameters, false);
    }

    private static UsersQuery parse(MultivaluedMap<String, String> parameters, boolean filterable) {
        for (String name : parameters.keySet()) {
            String option = name.toLowerCase(Locale.ROOT);
            if (NOT_IMPLEMENTED.contains(option) || !filterable && option.equals(FILTER)) {
                throw new GraphException(400, UNSUPPORTED_QUERY, "The query option '" + name + "' is not supported.");
            }
        }
        Optional<String> filterText = filterable ? Optional.ofNullable(parameters.getFirst(FILTER)) : Optional.empty();
        return new UsersQuery(top(parameters.getFirst(TOP)), after(parameters.getFirst(SKIP_TOKEN)),
                select(parameters.getFirst(SELECT)), filterText, UsersFilter.parse(filterText.orElse(null)));
    }

    /** The properties of one user to return, for {@code GET /v1.0/users/{id}}. */
    static List<UserProperty> select(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<UserProperty> selected = new LinkedHashSet<>();
        for (String name : value.split(",")) {
            String trimmed = name.trim();
            selected.add(UserProperty.named(trimmed).orElseThrow(() -> GraphException.badRequest(
                    "Could not find a property named '" + trimmed + "' on type 'microsoft.graph.user'.")));
        }
        return new ArrayList<>(selected);
    }

    /**
     * The absolute {@code @odata.nextLink} of the page that ends with {@code lastId}: same page size and
     * selection, and a {@code $skiptoken} whose format is ours to change.
     */
    String nextLink(String baseUri, UUID lastId) {
        return nextLink(baseUri, "v1.0/users", lastId);
    }

    /** Like {@link #nextLink(String, UUID)} for another collection of users, at {@code path} under the base URI. */
    String nextLink(String baseUri, String path, UUID lastId) {
        String token = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + lastId).getBytes(StandardCharsets.UTF_8));
        StringBuilder link = new StringBuilder(baseUri.endsWith("/") ? baseUri : baseUri + "/")
                .append(path).append('?').append(TOP).append('=').append(top);
        if (!select.isEmpty()) {
            link.append('&').append(SELECT).append('=')
                    .append(select.stream().map(UserProperty::graphName).collect(Collectors.joining(",")));
        }
        filterText.ifPresent(filter -> link.append('&').append(FILTER).append('=')
                .append(URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20")));
        return link.append('&').append(SKIP_TOKEN).append('=').append(token).toString();
    }

    private static int top(String value) {
        if (value == null) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int top = Integer.parseInt(value.trim());
            if (top >= 1 && top <= MAX_PAGE_SIZE) {
                return top;
            }
        } catch (NumberFormatException e) {
            // refused below with Graph's message
        }
        throw new GraphException(400, UNSUPPORTED_QUERY,
                "Invalid page size specified: '" + value + "'. Must be between 1 and " + MAX_PAGE_SIZE + " inclusive.");
    }

    private static Optional<UUID> after(String token) {
        if (token == null) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN_PREFIX)) {
                return Optional.of(UUID.fromString(decoded.substring(TOKEN_PREFIX.length())));
            }
        } catch (IllegalArgumentException e) {
            // refused below: a token we did not issue
        }
        throw GraphException.badRequest("The $skiptoken '" + token + "' is not valid; use the @odata.nextLink as returned.");
    }
}
