package org.licenselifecycle.directory.users;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The SQL conditions on {@code users u} that select a tenant's active users meeting a {@link UserFilter}, with
 * their named parameters: the one translation of Graph's {@code $filter} and {@code $search} on users into SQL,
 * for a page and for a count alike. Licenses are read from the {@code user_license} read model.
 */
record UserConditions(String sql, Map<String, Object> parameters) {

    private static final String HELD = "SELECT 1 FROM user_license l WHERE l.user_id = u.id AND l.held";

    static UserConditions of(UUID tenantId, UserFilter filter) {
        Builder conditions = new Builder();
        conditions.add("u.tenant_id = :tenant AND u.deleted_at IS NULL", "tenant", tenantId);
        filter.userPrincipalName().ifPresent(upn ->
                conditions.add("lower(u.user_principal_name) = :upn", "upn", upn.toLowerCase(Locale.ROOT)));
        filter.accountEnabled().ifPresent(enabled -> conditions.add("u.account_enabled = :enabled", "enabled", enabled));
        filter.usageLocation().ifPresent(location ->
                conditions.add("u.usage_location = :location", "location", location.toUpperCase(Locale.ROOT)));
        filter.displayName().ifPresent(name ->
                conditions.add("lower(u.display_name) = :name", "name", name.toLowerCase(Locale.ROOT)));
        filter.displayNameStartsWith().ifPresent(prefix ->
                conditions.add("lower(u.display_name) LIKE :namePrefix ESCAPE '\\'", "namePrefix", likePrefix(prefix)));
        filter.userPrincipalNameStartsWith().ifPresent(prefix ->
                conditions.add("lower(u.user_principal_name) LIKE :upnPrefix ESCAPE '\\'", "upnPrefix", likePrefix(prefix)));
        for (UUID skuId : filter.holding()) {
            String name = conditions.next("holds");
            conditions.add("EXISTS (" + HELD + " AND l.sku_id = :" + name + ")", name, skuId);
        }
        for (UUID skuId : filter.notHolding()) {
            String name = conditions.next("lacks");
            conditions.add("NOT EXISTS (" + HELD + " AND l.sku_id = :" + name + ")", name, skuId);
        }
        filter.licenseCount().ifPresent(count -> conditions.add("(SELECT count(*) FROM user_license l WHERE "
                + "l.user_id = u.id AND l.held) " + (count.equal() ? "=" : "<>") + " :licenses", "licenses", count.count()));
        if (!filter.search().isEmpty()) {
            List<String> groups = new ArrayList<>();
            for (List<UserSearch.Clause> group : filter.search().anyOf()) {
                List<String> clauses = new ArrayList<>();
                for (UserSearch.Clause clause : group) {
                    clauses.add(conditions.search(clause));
                }
                groups.add("(" + String.join(" AND ", clauses) + ")");
            }
            conditions.sql.add("(" + String.join(" OR ", groups) + ")");
        }
        return new UserConditions(String.join(" AND ", conditions.sql), conditions.parameters);
    }

    /** A LIKE pattern matching what starts with {@code prefix}, its own wildcards taken literally. */
    private static String likePrefix(String prefix) {
        return prefix.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static final class Builder {
        private final List<String> sql = new ArrayList<>();
        private final Map<String, Object> parameters = new LinkedHashMap<>();

        void add(String condition, String name, Object value) {
            sql.add(condition);
            parameters.put(name, value);
        }

        String next(String prefix) {
            return prefix + parameters.size();
        }

        /** A search clause as SQL; its text becomes a parameter. */
        String search(UserSearch.Clause clause) {
            String name = next("search");
            if (clause.property() == UserSearch.Property.DISPLAY_NAME) {
                parameters.put(name, clause.text());
                // every word of the text begins a word of the name; a text without words finds no one
                return "(cardinality(search_words(:" + name + ")) > 0 AND NOT EXISTS (SELECT 1 FROM unnest(search_words(:"
                        + name + ")) AS q(word) WHERE NOT EXISTS (SELECT 1 FROM unnest(u.display_name_words) AS t(word)"
                        + " WHERE starts_with(t.word, q.word))))";
            }
            String column = switch (clause.property()) {
                case USER_PRINCIPAL_NAME -> "user_principal_name";
                case MAIL -> "mail";
                case MAIL_NICKNAME -> "mail_nickname";
                case GIVEN_NAME -> "given_name";
                case SURNAME -> "surname";
                case DISPLAY_NAME -> throw new IllegalStateException("searched by words above");
            };
            parameters.put(name, likePrefix(clause.text()));
            return "lower(u." + column + ") LIKE :" + name + " ESCAPE '\\'";
        }
    }
}
