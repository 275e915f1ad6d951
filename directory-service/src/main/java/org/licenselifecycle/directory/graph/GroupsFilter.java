package org.licenselifecycle.directory.graph;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.directory.groups.GroupFilter;
import org.licenselifecycle.support.graph.FilterTokens;

/**
 * The part of OData's {@code $filter} that {@code GET /v1.0/groups} supports, read into a {@link GroupFilter}:
 * {@code displayName|mailNickname eq '...'} and {@code startswith(displayName,'...')}, joined with {@code and}.
 * Anything else is refused as Graph refuses what it cannot run, never ignored.
 */
final class GroupsFilter {

    private enum Condition { NAME, NAME_PREFIX, NICKNAME }

    private GroupsFilter() {
    }

    static GroupFilter parse(String text) {
        if (text == null) {
            return GroupFilter.NONE;
        }
        Map<Condition, String> conditions = new EnumMap<>(Condition.class);
        FilterTokens tokens = FilterTokens.of(text, () -> invalid(text));
        do {
            String first = tokens.takeLowerCase();
            Condition condition;
            String value;
            if (first.equals("startswith")) {
                tokens.expect("(");
                if (!tokens.takeLowerCase().equals("displayname")) {
                    throw unsupported(text);
                }
                tokens.expect(",");
                value = tokens.string(tokens.take());
                tokens.expect(")");
                condition = Condition.NAME_PREFIX;
            } else {
                condition = switch (first) {
                    case "displayname" -> Condition.NAME;
                    case "mailnickname" -> Condition.NICKNAME;
                    default -> throw unsupported(text);
                };
                if (!tokens.takeLowerCase().equals("eq")) {
                    throw unsupported(text);
                }
                value = tokens.string(tokens.take());
            }
            if (conditions.put(condition, value) != null) {
                throw unsupported(text);
            }
        } while (tokens.accept("and"));
        if (!tokens.done()) {
            throw unsupported(text);
        }
        return new GroupFilter(Optional.ofNullable(conditions.get(Condition.NAME)),
                Optional.ofNullable(conditions.get(Condition.NAME_PREFIX)),
                Optional.ofNullable(conditions.get(Condition.NICKNAME)));
    }

    private static GraphException invalid(String text) {
        return GraphException.badRequest("Invalid filter clause: '" + text + "'.");
    }

    private static GraphException unsupported(String text) {
        return new GraphException(400, GraphErrorCodes.UNSUPPORTED_QUERY, "Unsupported or invalid query filter clause "
                + "specified: '" + text + "'. Supported: displayName or mailNickname"
                + " eq '...', startswith(displayName,'...'), joined with 'and'.");
    }
}
