package org.licenselifecycle.directory.graph;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphErrorCodes;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.directory.users.UserFilter;
import org.licenselifecycle.directory.users.UserSearch;
import org.licenselifecycle.support.graph.FilterTokens;

/**
 * The part of OData's {@code $filter} that {@code GET /v1.0/users} supports, read into a {@link UserFilter}:
 * {@code userPrincipalName|usageLocation|displayName eq '...'}, {@code accountEnabled eq true|false},
 * {@code startswith(displayName|userPrincipalName,'...')}, {@code assignedLicenses/any(x:x/skuId eq <guid>)} and,
 * as advanced queries, {@code not assignedLicenses/any(...)} and {@code assignedLicenses/$count eq|ne <n>}, joined
 * with {@code and}. Anything else ({@code or}, {@code ne} on other properties...) is refused as Graph refuses what
 * it cannot run, never ignored.
 *
 * @param advancedOperator the operator that makes this an advanced query (Graph runs it only with
 *     {@code ConsistencyLevel: eventual} and {@code $count=true}); empty when it runs by default
 */
record UsersFilter(UserFilter filter, Optional<String> advancedOperator) {

    static final UsersFilter NONE = new UsersFilter(UserFilter.NONE, Optional.empty());

    private static final String LICENSES = "assignedlicenses";
    private static final String ANY = LICENSES + "/any";
    private static final String COUNT = LICENSES + "/$count";

    private enum Condition { UPN, ENABLED, LOCATION, NAME, NAME_PREFIX, UPN_PREFIX, LICENSE_COUNT }

    static UsersFilter parse(String text) {
        if (text == null) {
            return NONE;
        }
        return new Reader(text).read();
    }

    private static final class Reader {

        private final String text;
        private final FilterTokens tokens;
        private final Map<Condition, Object> conditions = new EnumMap<>(Condition.class);
        private final List<UUID> holding = new ArrayList<>();
        private final List<UUID> notHolding = new ArrayList<>();
        private String advancedOperator;

        Reader(String text) {
            this.text = text;
            this.tokens = FilterTokens.of(text, this::invalid);
        }

        UsersFilter read() {
            do {
                readCondition();
            } while (accept("and"));
            if (!tokens.done()) {
                throw unsupported();
            }
            UserFilter filter = new UserFilter(text(Condition.UPN), Optional.ofNullable((Boolean) conditions.get(Condition.ENABLED)),
                    text(Condition.LOCATION), text(Condition.NAME), text(Condition.NAME_PREFIX), text(Condition.UPN_PREFIX),
                    holding, notHolding, Optional.ofNullable((UserFilter.LicenseCount) conditions.get(Condition.LICENSE_COUNT)),
                    UserSearch.NONE);
            return new UsersFilter(filter, Optional.ofNullable(advancedOperator));
        }

        private void readCondition() {
            String first = take();
            if (first.equalsIgnoreCase("not")) {
                boolean parenthesised = accept("(");
                if (!take().equalsIgnoreCase(ANY)) {
                    // negation runs (as an advanced query) only on the products a user holds here
                    throw unsupported();
                }
                notHolding.add(anySkuId());
                if (parenthesised) {
                    expect(")");
                }
                advanced("not");
                return;
            }
            if (first.equalsIgnoreCase(ANY)) {
                holding.add(anySkuId());
                return;
            }
            if (first.equalsIgnoreCase(COUNT)) {
                String operator = take().toLowerCase(Locale.ROOT);
                if (!operator.equals("eq") && !operator.equals("ne")) {
                    throw unsupported();
                }
                put(Condition.LICENSE_COUNT, new UserFilter.LicenseCount(operator.equals("eq"), count(take())));
                advanced("$count");
                return;
            }
            if (first.equalsIgnoreCase("startswith")) {
                expect("(");
                Condition condition = switch (take().toLowerCase(Locale.ROOT)) {
                    case "displayname" -> Condition.NAME_PREFIX;
                    case "userprincipalname" -> Condition.UPN_PREFIX;
                    default -> throw unsupported();
                };
                expect(",");
                put(condition, string(take()));
                expect(")");
                return;
            }
            Condition condition = switch (first.toLowerCase(Locale.ROOT)) {
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
            put(condition, condition == Condition.ENABLED ? bool(literal) : string(literal));
        }

        /** {@code (x:x/skuId eq <guid>)} after {@code assignedLicenses/any}: the product's id. */
        private UUID anySkuId() {
            expect("(");
            String variable = take();
            expect(":");
            String property = take();
            if (!property.toLowerCase(Locale.ROOT).startsWith(variable.toLowerCase(Locale.ROOT) + "/")) {
                throw invalid();
            }
            if (!property.substring(variable.length() + 1).equalsIgnoreCase("skuId") || !take().equalsIgnoreCase("eq")) {
                throw unsupported();
            }
            UUID skuId = guid(take());
            expect(")");
            return skuId;
        }

        private void put(Condition condition, Object value) {
            if (conditions.put(condition, value) != null) {
                // the same property twice would need 'or' semantics to be useful: not supported
                throw unsupported();
            }
        }

        private void advanced(String operator) {
            if (advancedOperator == null) {
                advancedOperator = operator;
            }
        }

        private Optional<String> text(Condition condition) {
            return Optional.ofNullable((String) conditions.get(condition));
        }

        private String string(String literal) {
            return tokens.string(literal);
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

        /** An OData Guid literal: the 36 characters, unquoted. */
        private UUID guid(String literal) {
            try {
                if (literal.length() == 36) {
                    return UUID.fromString(literal);
                }
            } catch (IllegalArgumentException e) {
                // refused below
            }
            throw invalid();
        }

        private int count(String literal) {
            try {
                int count = Integer.parseInt(literal);
                if (count >= 0) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw invalid();
        }

        private boolean accept(String keyword) {
            return tokens.accept(keyword);
        }

        private void expect(String token) {
            tokens.expect(token);
        }

        private String take() {
            return tokens.take();
        }

        private GraphException invalid() {
            return GraphException.badRequest("Invalid filter clause: '" + text + "'.");
        }

        private GraphException unsupported() {
            return new GraphException(400, GraphErrorCodes.UNSUPPORTED_QUERY, "Unsupported or invalid query filter clause "
                    + "specified: '" + text + "'. Supported: userPrincipalName, usageLocation or displayName eq '...', "
                    + "accountEnabled eq true|false, startswith(displayName|userPrincipalName,'...'), "
                    + "assignedLicenses/any(x:x/skuId eq <guid>), and with advanced query parameters "
                    + "not assignedLicenses/any(...) and assignedLicenses/$count eq|ne <n>, joined with 'and'.");
        }
    }
}
