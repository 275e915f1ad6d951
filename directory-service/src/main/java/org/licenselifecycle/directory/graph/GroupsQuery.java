package org.licenselifecycle.directory.graph;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.ObjectIds;
import org.licenselifecycle.directory.groups.GroupFilter;
import org.licenselifecycle.support.graph.ODataQuery;
import org.licenselifecycle.support.graph.ODataQuery.Option;

/**
 * The OData query options of Graph's lists of groups, read by {@link ODataQuery} as for users ({@link UsersQuery}):
 * {@code $top} (1..999, default 100), the opaque {@code $skiptoken} of an {@code @odata.nextLink}, {@code $select},
 * {@code $filter} ({@link GroupsFilter}) and {@code $count}. Groups are listed in id order.
 */
record GroupsQuery(int top, Optional<UUID> after, List<GroupProperty> select, Optional<String> filterText,
        GroupFilter filter, boolean count) {

    private static final String TOKEN = "g1:";

    /** The options of {@code GET /groups}. */
    static GroupsQuery list(UriInfo uri, HttpHeaders headers) {
        ODataQuery options = ODataQuery.read(uri, headers, Option.TOP, Option.SKIP_TOKEN, Option.SELECT, Option.FILTER,
                Option.COUNT);
        Optional<String> filterText = options.value(Option.FILTER);
        return new GroupsQuery(options.top(UsersQuery.DEFAULT_PAGE_SIZE), after(options.skipToken()), select(options),
                filterText, GroupsFilter.parse(filterText.orElse(null)), options.count());
    }

    /** The options of a list of groups that is not filtered ({@code GET /users/{id}/memberOf}): paged, selected. */
    static GroupsQuery paged(UriInfo uri) {
        ODataQuery options = ODataQuery.read(uri, Option.TOP, Option.SKIP_TOKEN, Option.SELECT);
        return new GroupsQuery(options.top(UsersQuery.DEFAULT_PAGE_SIZE), after(options.skipToken()), select(options),
                Optional.empty(), GroupFilter.NONE, false);
    }

    /** The properties of one group to return, for {@code GET /v1.0/groups/{id}}. */
    static List<GroupProperty> single(UriInfo uri) {
        return select(ODataQuery.read(uri, Option.SELECT));
    }

    /** Whether rendering needs the groups' licenses. */
    boolean needsLicenses() {
        return GroupJson.needsLicenses(select);
    }

    /**
     * The absolute {@code @odata.nextLink} of a page of groups that ends with {@code lastId}: the same options and a
     * {@code $skiptoken} whose format is ours to change.
     *
     * @param path the list's path under the base URI, e.g. {@code v1.0/groups}
     */
    String nextLink(String baseUri, String path, UUID lastId) {
        String token = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN + lastId).getBytes(StandardCharsets.UTF_8));
        StringBuilder link = new StringBuilder(baseUri.endsWith("/") ? baseUri : baseUri + "/")
                .append(path).append("?$top=").append(top);
        if (!select.isEmpty()) {
            link.append("&$select=").append(select.stream().map(GroupProperty::graphName).collect(Collectors.joining(",")));
        }
        filterText.ifPresent(filter -> link.append("&$filter=")
                .append(URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20")));
        if (count) {
            link.append("&$count=true");
        }
        return link.append("&$skiptoken=").append(token).toString();
    }

    private static List<GroupProperty> select(ODataQuery options) {
        return options.select(GroupProperty::named, "group");
    }

    /** The last id a {@code $skiptoken} we issued holds. */
    private static Optional<UUID> after(Optional<String> token) {
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token.get()), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN)) {
                Optional<UUID> id = ObjectIds.of(decoded.substring(TOKEN.length()));
                if (id.isPresent()) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // refused below: a token we did not issue
        }
        throw GraphException.badRequest("The $skiptoken '" + token.get() + "' is not valid; use the @odata.nextLink as returned.");
    }
}
