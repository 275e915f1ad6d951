package org.licenselifecycle.console.users;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.licenselifecycle.console.ConsoleConfig;
import org.licenselifecycle.console.services.DirectoryClient;
import org.licenselifecycle.console.services.DirectoryClient.User;
import org.licenselifecycle.contract.graph.ODataCollection;

/**
 * The Active users list, paged, optionally searched by the start of a name or of a user principal name.
 * The directory's $filter has no "or", so a search reads two lists (names, UPNs) side by side, each with
 * its own skiptoken; a user found by both is shown once, from the names.
 */
@ApplicationScoped
public class ActiveUsersSearch {

    /** One page: the users, and the console's token of the next page (null on the last). */
    public record Page(List<User> users, String next) {
    }

    private static final String NONE = "-";

    private final DirectoryClient directory;
    private final ConsoleConfig config;

    ActiveUsersSearch(@RestClient DirectoryClient directory, ConsoleConfig config) {
        this.directory = directory;
        this.config = config;
    }

    public Page page(String bearer, String search, String next) {
        int top = config.pageSize();
        if (search == null || search.isBlank()) {
            ODataCollection<DirectoryClient.User> page = directory.users(bearer, top, null, blankToNull(next));
            return new Page(page.value(), page.skipToken());
        }
        String term = search.trim();
        String literal = term.replace("'", "''");
        String[] tokens = next == null || !next.contains("~") ? new String[] {null, null} : next.split("~", 2);
        List<User> users = new ArrayList<>();
        String nameNext = NONE;
        String upnNext = NONE;
        if (!NONE.equals(tokens[0])) {
            ODataCollection<DirectoryClient.User> byName = directory.users(bearer, top, "startswith(displayName,'" + literal + "')",
                    blankToNull(tokens[0]));
            users.addAll(byName.value());
            nameNext = orNone(byName.skipToken());
        }
        if (!NONE.equals(tokens[1])) {
            ODataCollection<DirectoryClient.User> byUpn = directory.users(bearer, top,
                    "startswith(userPrincipalName,'" + literal + "')", blankToNull(tokens[1]));
            String lower = term.toLowerCase(Locale.ROOT);
            byUpn.value().stream()
                    .filter(u -> u.displayName() == null || !u.displayName().toLowerCase(Locale.ROOT).startsWith(lower))
                    .forEach(users::add);
            upnNext = orNone(byUpn.skipToken());
        }
        boolean more = !NONE.equals(nameNext) || !NONE.equals(upnNext);
        return new Page(users, more ? nameNext + "~" + upnNext : null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String orNone(String token) {
        return token == null ? NONE : token;
    }
}
