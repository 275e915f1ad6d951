package org.licenselifecycle.console.users;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the Active users list asks directory's Graph {@code GET /users}: sorted by display name
 * ({@code $orderby=displayName}: directory sorts ignoring case, the id between equal names), with each user's
 * {@code assignedLicenses} ({@code $select}), optionally only the users whose name or user principal name starts
 * with a term and only those holding a product ({@code assignedLicenses/any(x:x/skuId eq ...)}). A {@code $filter}
 * with an {@code $orderby} is one of Graph's advanced queries, so every request carries
 * {@code ConsistencyLevel: eventual} and {@code $count=true}.
 */
record UsersQuery(String filter) {

    static final String ORDER_BY = "displayName";
    static final String SELECT = "id,displayName,userPrincipalName,usageLocation,accountEnabled,assignedLicenses";
    static final String CONSISTENCY_LEVEL = "eventual";

    /** Searched by the start of one property ({@code displayName}, {@code userPrincipalName}), or not at all. */
    static UsersQuery of(Optional<String> startsWithProperty, String term, Optional<String> skuId) {
        List<String> conditions = new ArrayList<>();
        startsWithProperty.ifPresent(property -> conditions.add(
                "startswith(" + property + ",'" + term.replace("'", "''") + "')"));
        skuId.ifPresent(sku -> conditions.add("assignedLicenses/any(x:x/skuId eq " + sku + ")"));
        return new UsersQuery(conditions.isEmpty() ? null : String.join(" and ", conditions));
    }

    /**
     * The users who do not hold {@code skuId} ({@code not assignedLicenses/any(...)}), the ones the Licenses page may
     * assign it to, optionally only those whose display name starts with {@code term}.
     */
    static UsersQuery lacking(Optional<String> term, String skuId) {
        List<String> conditions = new ArrayList<>();
        term.ifPresent(t -> conditions.add("startswith(displayName,'" + t.replace("'", "''") + "')"));
        conditions.add("not assignedLicenses/any(x:x/skuId eq " + skuId + ")");
        return new UsersQuery(String.join(" and ", conditions));
    }

    /**
     * The users blocked from signing in ({@code accountEnabled eq false}) who hold {@code skuId}: licenses paid for
     * that nobody can use, the unused-licenses report's candidates to reclaim.
     */
    static UsersQuery blockedHolding(String skuId) {
        return new UsersQuery("accountEnabled eq false and assignedLicenses/any(x:x/skuId eq " + skuId + ")");
    }
}
