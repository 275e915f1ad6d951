package org.licenselifecycle.directory.graph;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.licenselifecycle.directory.users.UserFilter;
import org.licenselifecycle.support.graph.GraphException;

/**
 * The part of OData's {@code $filter} that {@code GET /v1.0/users} supports, read into a {@link UserFilter}:
 * {@code userPrincipalName|usageLocation|displayName eq '...'}, {@code accountEnabled eq true|false} and
 * {@code startswith(displayName|userPrincipalName,'...')}, joined with {@code and}. Anything else
 * ({@code or}, {@code ne}, other properties...) is refused as Graph refuses what it cannot run, never ignored.
 */
final class UsersFilter {

    private enum Condition { UPN, ENABLED, LOCATION, NAME, NAME_PREFIX, UPN_PREFIX }

    private final String text;
    private final List<String> tokens;
    private int next;

    private UsersFilter(String text) {
        this.text = text;
        this.tokens = tokenize(text);
    }

    static UserFilter parse(String text) {
        if (text == null) {
            return UserFilter.NONE;
        }
        return new UsersFilter(text).read();
    }

    private UserFilter read() {
        Map<Condition, Object> conditions = new EnumMap<>(Condition.class);
        do {
            readCondition(conditions);
        } while (accept("and"));
        if (next < tokens.size()) {
            throw unsupported();
        }
        return new UserFilter(text(conditions, Condition.UPN),
                Optional.ofNullable((Boolean) conditions.get(Condition.ENABLED)),
                text(conditions, Condition.LOCATION), text(conditions, Condition.NAME),
                text(conditions, Condition.NAME_PREFIX), text(conditions, Condition.UPN_PREFIX));
    }

    private void readCondition(Map<Condition, Object> conditions) {
        String first = take();
        Condition condition;
        Object value;
        if (first.equalsIgnoreCase("startswith")) {
            expect("(");
            String property = take();
            condition = switch (property.toLowerCase(Locale.ROOT)) {
                case "displayname" -> Condition.NAME_PREFIX;
                case "userprincipalname" -> Condition.UPN_PREFIX;
                default -> throw unsupported();
            };
            expect(",");
            value = string(take());
            expect(")");
        } else {
            condition = switch (first.toLowerCase(Locale.ROOT)) {
                case "userprincipalname" -> Condition.UPN;
                case "accountenabled" -> Condition.ENABLED;
                case "usagelocation" -> Condition.LOCATION;
                case "displayname" -> Condition.NAME;
                default -> throw unsupported();
            };
            if (!take().equalsIgnoreCase("eq")) {
                throw unsupported();
            }
            String literal = take();
            value = condition == Condition.ENABLED ? bool(literal) : string(literal);
        }
        if (conditions.put(condition, value) != null) {
            // the same property twice would need 'or' semantics to be useful: not supported
            throw unsupported();
        }
    }

    private static Optional<String> text(Map<Condition, Object> conditions, Condition condition) {
        return Optional.ofNullable((String) conditions.get(condition));
    }

    private String string(String literal) {
        if (literal.length() < 2 || !literal.startsWith("'") || !literal.endsWith("'")) {
            throw invalid();
        }
        return literal.substring(1, literal.length() - 1).replace("''", "'");
    }

    private Boolean bool(String literal) {
        if (literal.equals("true")) {
            return Boolean.TRUE;
        }
        if (literal.equals("false")) {
            return Boolean.FALSE;
        }
        throw invalid();
    }

    private boolean accept(String keyword) {
        if (next < tokens.size() && tokens.get(next).equalsIgnoreCase(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!take().equals(token)) {
            throw invalid();
        }
    }

    private String take() {
        if (next >= tokens.size()) {
            throw invalid();
        }
        return tokens.get(next++);
    }

    /** Words, punctuation and quoted strings (with {@code ''} for a quote inside). */
    private List<String> tokenize(String input) {
        List<String> result = new ArrayList<>();
        int i = 0;
        while (i < input.length()) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(' || c == ')' || c == ',') {
                result.add(String.valueOf(c));
                i++;
            } else if (c == '\'') {
                int end = i + 1;
                while (true) {
                    if (end >= input.length()) {
                        throw invalid();
                    }
                    if (input.charAt(end) == '\'') {
                        if (end + 1 < input.length() && input.charAt(end + 1) == '\'') {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                result.add(input.substring(i, end + 1));
                i = end + 1;
            } else {
                int end = i;
                while (end < input.length() && !Character.isWhitespace(input.charAt(end))
                        && "(),'".indexOf(input.charAt(end)) < 0) {
                    end++;
                }
                result.add(input.substring(i, end));
                i = end;
            }
        }
        if (result.isEmpty()) {
            throw invalid();
        }
        return result;
    }

    private GraphException invalid() {
        return GraphException.badRequest("Invalid filter clause: '" + text + "'.");
    }

    private GraphException unsupported() {
        return new GraphException(400, UsersQuery.UNSUPPORTED_QUERY, "Unsupported or invalid query filter clause specified: '"
                + text + "'. Supported: userPrincipalName, usageLocation or displayName eq '...', accountEnabled eq"
                + " true|false, startswith(displayName|userPrincipalName,'...'), joined with 'and'.");
    }
}
