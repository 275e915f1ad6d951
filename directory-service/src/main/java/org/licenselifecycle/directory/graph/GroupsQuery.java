package org.licenselifecycle.directory.graph;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.graph.NextLink;
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
        return NextLink.to(baseUri, path).option("top", top)
                .names("select", select.stream().map(GroupProperty::graphName).toList())
                .option("filter", filterText).count(count)
                .skipToken(NextLink.seal(TOKEN, lastId.toString()));
    }

    private static List<GroupProperty> select(ODataQuery options) {
        return options.select(GroupProperty::named, "group");
    }

    /** The last id a {@code $skiptoken} we issued holds. */
    private static Optional<UUID> after(Optional<String> token) {
        return token.map(given -> NextLink.open(given, TOKEN).flatMap(ObjectIds::of)
                .orElseThrow(() -> NextLink.invalidSkipToken(given)));
    }
}
