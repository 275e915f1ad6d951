package org.licenselifecycle.console.users;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.ConsoleConfig;
import org.licenselifecycle.console.services.DirectoryClient;
import org.licenselifecycle.console.services.DirectoryClient.User;
import org.licenselifecycle.contract.graph.ODataCollection;

/**
 * The Active users list as directory answers it ({@link UsersQuery}): sorted by display name, paged, each user with
 * the products they hold, optionally only the holders of one product, optionally searched by the start of a name or
 * of a user principal name. The directory's $filter has no "or", so a search reads two lists (names, UPNs) side by
 * side, each sorted and with its own skiptoken; a user found by both is shown once, from the names.
 * <p>Directory learns of licenses from licensing's events: a license assigned or removed a moment ago may show (and
 * filter) a moment later.
 */
@ApplicationScoped
public class ActiveUsersSearch {

    /** One page: the rows, and the console's token of the next page (null on the last). */
    public record Page(List<Row> users, String next) {
    }

    /** A row of the list: the user, and the Licenses column ({@link LicensesColumn}). */
    public record Row(String id, String displayName, String userPrincipalName, String licenses) {

        static Row of(User user, Map<String, String> productNames) {
            return new Row(user.id(), user.displayName(), user.userPrincipalName(),
                    LicensesColumn.of(user.assignedLicenses(), productNames));
        }
    }

    private static final String NONE = "-";

    private final DirectoryClient directory;
    private final ConsoleConfig config;

    ActiveUsersSearch(@RestClient DirectoryClient directory, ConsoleConfig config) {
        this.directory = directory;
        this.config = config;
    }

    /**
     * @param skuId only the users holding this product, or empty for all
     * @param productNames licensing's product name by skuId, for the Licenses column
     */
    public Page page(String bearer, String search, Optional<String> skuId, String next, Map<String, String> productNames) {
        if (search == null || search.isBlank()) {
            ODataCollection<DirectoryClient.User> page = read(bearer, UsersQuery.of(Optional.empty(), null, skuId), blankToNull(next));
            return new Page(rows(page.value(), productNames), page.skipToken());
        }
        String term = search.trim();
        String[] tokens = next == null || !next.contains("~") ? new String[] {null, null} : next.split("~", 2);
        List<User> users = new ArrayList<>();
        String nameNext = NONE;
        String upnNext = NONE;
        if (!NONE.equals(tokens[0])) {
            ODataCollection<DirectoryClient.User> byName = read(bearer, UsersQuery.of(Optional.of("displayName"), term, skuId),
                    blankToNull(tokens[0]));
            users.addAll(byName.value());
            nameNext = orNone(byName.skipToken());
        }
        if (!NONE.equals(tokens[1])) {
            ODataCollection<DirectoryClient.User> byUpn = read(bearer, UsersQuery.of(Optional.of("userPrincipalName"), term, skuId),
                    blankToNull(tokens[1]));
            String lower = term.toLowerCase(Locale.ROOT);
            byUpn.value().stream()
                    .filter(u -> u.displayName() == null || !u.displayName().toLowerCase(Locale.ROOT).startsWith(lower))
                    .forEach(users::add);
            upnNext = orNone(byUpn.skipToken());
        }
        boolean more = !NONE.equals(nameNext) || !NONE.equals(upnNext);
        return new Page(rows(users, productNames), more ? nameNext + "~" + upnNext : null);
    }

    /**
     * The users who do not hold {@code skuId}, sorted by display name, optionally only those whose display name
     * starts with {@code search}: whom the Licenses page's "Assign licenses" offers.
     */
    public Page lacking(String bearer, String search, String skuId, String next, Map<String, String> productNames) {
        Optional<String> term = Optional.ofNullable(search).map(String::trim).filter(t -> !t.isEmpty());
        ODataCollection<DirectoryClient.User> page = read(bearer, UsersQuery.lacking(term, skuId), blankToNull(next));
        return new Page(rows(page.value(), productNames), page.skipToken());
    }

    /** The users blocked from signing in who still hold {@code skuId} (the first page): licenses to reclaim. */
    public List<Row> blockedHolding(String bearer, String skuId, Map<String, String> productNames) {
        return rows(read(bearer, UsersQuery.blockedHolding(skuId), null).value(), productNames);
    }

    private ODataCollection<DirectoryClient.User> read(String bearer, UsersQuery query, String skipToken) {
        return directory.users(bearer, UsersQuery.CONSISTENCY_LEVEL, config.pageSize(), query.filter(),
                UsersQuery.ORDER_BY, UsersQuery.SELECT, true, skipToken);
    }

    private static List<Row> rows(List<User> users, Map<String, String> productNames) {
        return users.stream().map(user -> Row.of(user, productNames)).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orNone(String token) {
        return token == null ? NONE : token;
    }
}
