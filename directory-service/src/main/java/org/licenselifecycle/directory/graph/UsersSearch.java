package org.licenselifecycle.directory.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.licenselifecycle.directory.users.UserSearch;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;

/**
 * Graph's {@code $search} on directory objects, read into a {@link UserSearch}: {@code "property:text"} clauses,
 * each inside double quotes (a quote or backslash inside escaped with a backslash), joined with {@code AND} and
 * {@code OR} in upper case outside the quotes ({@code AND} binds tighter). The properties: displayName (searched
 * word by word), userPrincipalName, mail, mailNickname, givenName and surname (searched by prefix).
 */
final class UsersSearch {

    private final String text;
    private int next;

    private UsersSearch(String text) {
        this.text = text;
    }

    static UserSearch parse(String text) {
        return new UsersSearch(text).read();
    }

    private UserSearch read() {
        List<List<UserSearch.Clause>> anyOf = new ArrayList<>();
        List<UserSearch.Clause> group = new ArrayList<>();
        group.add(clause());
        while (true) {
            skipSpaces();
            if (next >= text.length()) {
                break;
            }
            if (keyword("AND")) {
                group.add(clause());
            } else if (keyword("OR")) {
                anyOf.add(group);
                group = new ArrayList<>();
                group.add(clause());
            } else {
                throw invalid();
            }
        }
        anyOf.add(group);
        return new UserSearch(anyOf);
    }

    private UserSearch.Clause clause() {
        skipSpaces();
        if (next >= text.length() || text.charAt(next) != '"') {
            throw invalid();
        }
        StringBuilder clause = new StringBuilder();
        next++;
        while (true) {
            if (next >= text.length()) {
                throw invalid();
            }
            char c = text.charAt(next++);
            if (c == '"') {
                break;
            }
            if (c == '\\') {
                if (next >= text.length()) {
                    throw invalid();
                }
                c = text.charAt(next++);
            }
            clause.append(c);
        }
        int colon = clause.indexOf(":");
        if (colon <= 0 || colon == clause.length() - 1) {
            // directory objects are searched by a named property: "displayName:text"
            throw invalid();
        }
        String property = clause.substring(0, colon).trim();
        UserSearch.Property searched = switch (property.toLowerCase(Locale.ROOT)) {
            case "displayname" -> UserSearch.Property.DISPLAY_NAME;
            case "userprincipalname" -> UserSearch.Property.USER_PRINCIPAL_NAME;
            case "mail" -> UserSearch.Property.MAIL;
            case "mailnickname" -> UserSearch.Property.MAIL_NICKNAME;
            case "givenname" -> UserSearch.Property.GIVEN_NAME;
            case "surname" -> UserSearch.Property.SURNAME;
            default -> throw new GraphException(400, GraphErrorCodes.UNSUPPORTED_QUERY,
                    "Unsupported or invalid query filter clause specified for property '" + property + "' of resource 'User'.");
        };
        return new UserSearch.Clause(searched, clause.substring(colon + 1));
    }

    private boolean keyword(String keyword) {
        if (text.startsWith(keyword, next) && next + keyword.length() < text.length()
                && Character.isWhitespace(text.charAt(next + keyword.length()))) {
            next += keyword.length();
            return true;
        }
        return false;
    }

    private void skipSpaces() {
        while (next < text.length() && Character.isWhitespace(text.charAt(next))) {
            next++;
        }
    }

    private GraphException invalid() {
        return GraphException.badRequest("Invalid $search: '" + text + "'. Search clauses are \"property:text\" in double"
                + " quotes, joined with AND or OR.");
    }
}
