package org.licenselifecycle.directory.graph;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.directory.users.User;
import org.licenselifecycle.directory.users.UserCursor;
import org.licenselifecycle.directory.users.UserFilter;
import org.licenselifecycle.directory.users.UserOrder;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.graph.NextLink;
import org.licenselifecycle.support.graph.ODataQuery;
import org.licenselifecycle.support.graph.ODataQuery.Option;

/**
 * The OData query options of Graph's lists of users as Graph reads them ({@link ODataQuery}: names in any case,
 * an option the list does not support refused): {@code $top} (1..999, default 100), the opaque
 * {@code $skiptoken} of an {@code @odata.nextLink}, {@code $select}, {@code $filter} ({@link UsersFilter}),
 * {@code $search} ({@link UsersSearch}), {@code $orderby} (displayName, userPrincipalName) and {@code $count}.
 * <p>Graph's advanced queries on directory objects, with Graph's refusals: {@code $search} needs the header
 * {@code ConsistencyLevel: eventual}; a filter with {@code not} or {@code assignedLicenses/$count}, and
 * {@code $filter} with {@code $orderby}, need that header and {@code $count=true}; {@code /users/$count} needs the
 * header. {@code $count=true} adds {@code @odata.count} with or without the header (Graph leaves it out without
 * one; here the count is exact either way, so nothing asked for is dropped).
 *
 * @param select the properties to return, empty for Graph's default set
 */
record UsersQuery(int top, Optional<UserCursor> after, List<UserProperty> select, Optional<String> filterText,
        Optional<String> searchText, Optional<String> orderText, UserFilter filter, UserOrder order, boolean count) {

    static final int DEFAULT_PAGE_SIZE = 100;

    static final String SEARCH_NEEDS_EVENTUAL = "Request with $search query parameter only works through MSGraph with a"
            + " special request header: 'ConsistencyLevel: eventual'";
    static final String RAW_COUNT_NEEDS_EVENTUAL = "Raw count (/$count) is not supported because the "
            + "'ConsistencyLevel:eventual' header is missing. Refer to https://aka.ms/graph-docs/advanced-queries for more"
            + " information";
    static final String SORTING_NOT_SUPPORTED = "Sorting not supported for current query.";

    private static final String ID_TOKEN = "u1:";
    private static final String SORTED_TOKEN = "u2:";

    /** The options of {@code GET /users}. */
    static UsersQuery list(UriInfo uri, HttpHeaders headers) {
        ODataQuery options = ODataQuery.read(uri, headers, Option.TOP, Option.SKIP_TOKEN, Option.SELECT, Option.FILTER,
                Option.SEARCH, Option.ORDER_BY, Option.COUNT);
        boolean count = options.count();
        Optional<String> filterText = options.value(Option.FILTER);
        Optional<String> searchText = options.value(Option.SEARCH);
        Optional<String> orderText = options.value(Option.ORDER_BY);
        UserFilter filter = filter(options, filterText, searchText, options.eventualConsistency() && count);
        UserOrder order = orderText.map(UsersQuery::order).orElse(UserOrder.ID);
        if (filterText.isPresent() && orderText.isPresent()
                && !(options.eventualConsistency() && (count || searchText.isPresent()))) {
            throw new GraphException(400, GraphErrorCodes.UNSUPPORTED_QUERY, SORTING_NOT_SUPPORTED);
        }
        return new UsersQuery(options.top(DEFAULT_PAGE_SIZE), after(options.skipToken(), order), select(options),
                filterText, searchText, orderText, filter, order, count);
    }

    /** The options of a list of deleted users: paged, selected, not filtered. */
    static UsersQuery deleted(UriInfo uri) {
        return paged(uri);
    }

    /** The options of a list of users that is not filtered (deleted users, a group's members): paged, selected. */
    static UsersQuery paged(UriInfo uri) {
        ODataQuery options = ODataQuery.read(uri, Option.TOP, Option.SKIP_TOKEN, Option.SELECT);
        return new UsersQuery(options.top(DEFAULT_PAGE_SIZE), after(options.skipToken(), UserOrder.ID), select(options),
                Optional.empty(), Optional.empty(), Optional.empty(), UserFilter.NONE, UserOrder.ID, false);
    }

    /** The users {@code GET /users/$count} counts: it needs {@code ConsistencyLevel: eventual}, as Graph's does. */
    static UserFilter counted(UriInfo uri, HttpHeaders headers) {
        ODataQuery options = ODataQuery.read(uri, headers, Option.FILTER, Option.SEARCH);
        if (!options.eventualConsistency()) {
            throw GraphException.badRequest(RAW_COUNT_NEEDS_EVENTUAL);
        }
        return filter(options, options.value(Option.FILTER), options.value(Option.SEARCH), true);
    }

    /** The properties of one user to return, for {@code GET /v1.0/users/{id}}. */
    static List<UserProperty> single(UriInfo uri) {
        return select(ODataQuery.read(uri, Option.SELECT));
    }

    /**
     * The absolute {@code @odata.nextLink} of a page of users that ends with {@code last}: the same options, and a
     * {@code $skiptoken} whose format is ours to change.
     *
     * @param path the list's path under the base URI, e.g. {@code v1.0/users}
     */
    String nextLink(String baseUri, String path, User last) {
        UserCursor cursor = order.after(last);
        String token = order == UserOrder.ID
                ? NextLink.seal(ID_TOKEN, cursor.id().toString())
                : NextLink.seal(SORTED_TOKEN, order.name() + ":" + cursor.id() + ":" + cursor.name());
        return NextLink.to(baseUri, path).option("top", top)
                .names("select", select.stream().map(UserProperty::graphName).toList())
                .option("filter", filterText).option("orderby", orderText).option("search", searchText).count(count)
                .skipToken(token);
    }

    /** Whether rendering needs the users' licenses. */
    boolean needsLicenses() {
        return UserJson.needsLicenses(select);
    }

    /**
     * {@code $filter} and {@code $search} as one filter, refused as Graph refuses them without the advanced
     * query parameters they need.
     *
     * @param advanced whether the request carries the advanced query parameters a filter may need
     */
    private static UserFilter filter(ODataQuery options, Optional<String> filterText, Optional<String> searchText,
            boolean advanced) {
        if (searchText.isPresent() && !options.eventualConsistency()) {
            throw new GraphException(400, GraphErrorCodes.UNSUPPORTED_QUERY, SEARCH_NEEDS_EVENTUAL);
        }
        UsersFilter filter = UsersFilter.parse(filterText.orElse(null));
        filter.advancedOperator().ifPresent(operator -> {
            // a $search makes it an advanced query already: the header it needs is there
            if (!advanced && searchText.isEmpty()) {
                throw new GraphException(400, GraphErrorCodes.UNSUPPORTED_QUERY, "Operator '" + operator + "' is not"
                        + " supported because the required parameters might be missing. Try adding $count=true query"
                        + " parameter and ConsistencyLevel:eventual header. Refer to"
                        + " https://aka.ms/graph-docs/advanced-queries for more information");
            }
        });
        return searchText.map(search -> filter.filter().searching(UsersSearch.parse(search))).orElse(filter.filter());
    }

    private static List<UserProperty> select(ODataQuery options) {
        return options.select(UserProperty::named, "user");
    }

    /** {@code displayName} or {@code userPrincipalName}, then {@code asc} (the default) or {@code desc}. */
    private static UserOrder order(String text) {
        String[] words = text.trim().split("\\s+");
        // one property: Graph sorts users by one only
        if (words.length > 2 || words[0].isEmpty() || text.contains(",")) {
            throw new GraphException(400, GraphErrorCodes.UNSUPPORTED_QUERY, SORTING_NOT_SUPPORTED);
        }
        boolean descending = false;
        if (words.length == 2) {
            String direction = words[1].toLowerCase(Locale.ROOT);
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw GraphException.badRequest("Invalid $orderby: '" + text + "'.");
            }
            descending = direction.equals("desc");
        }
        UserProperty property = UserProperty.named(words[0]).orElseThrow(() -> GraphException.badRequest(
                "Could not find a property named '" + words[0] + "' on type 'microsoft.graph.user'."));
        return switch (property) {
            case DISPLAY_NAME -> descending ? UserOrder.DISPLAY_NAME_DESCENDING : UserOrder.DISPLAY_NAME;
            case USER_PRINCIPAL_NAME -> descending ? UserOrder.USER_PRINCIPAL_NAME_DESCENDING : UserOrder.USER_PRINCIPAL_NAME;
            default -> throw new GraphException(400, GraphErrorCodes.UNSUPPORTED_QUERY, SORTING_NOT_SUPPORTED);
        };
    }

    /** The cursor a {@code $skiptoken} we issued holds, for a list in {@code order}. */
    private static Optional<UserCursor> after(Optional<String> token, UserOrder order) {
        return token.map(given -> (order == UserOrder.ID
                ? NextLink.open(given, ID_TOKEN).flatMap(id -> cursor(id, null))
                : NextLink.open(given, SORTED_TOKEN + order.name() + ":").flatMap(rest -> rest.length() >= 37
                        && rest.charAt(36) == ':' ? cursor(rest.substring(0, 36), rest.substring(37)) : Optional.empty()))
                .orElseThrow(() -> NextLink.invalidSkipToken(given)));
    }

    private static Optional<UserCursor> cursor(String id, String name) {
        try {
            return Optional.of(new UserCursor(UUID.fromString(id), name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
