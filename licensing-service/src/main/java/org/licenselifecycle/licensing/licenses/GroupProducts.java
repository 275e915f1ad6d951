package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.licenselifecycle.support.sql.Sql;

/**
 * The one way licensing reads and writes {@code group_product} (the products a group gives its members, Graph's
 * group {@code assignedLicenses}) and {@code directory_group} (the groups it has heard of, with their names).
 * Callers hold the tenant's group-licensing lock ({@link GroupLicensing}) before they change either.
 */
@ApplicationScoped
class GroupProducts {

    private final Sql sql;

    GroupProducts(Sql sql) {
        this.sql = sql;
    }

    /** The group gives the product (again), its members getting {@code disabledPlans} turned off. */
    void give(UUID tenantId, UUID groupId, AssignedLicense license) {
        sql.update("""
                INSERT INTO group_product (tenant_id, group_id, sku_id, disabled_plans, gives) VALUES (?, ?, ?, ?, TRUE)
                ON CONFLICT (tenant_id, group_id, sku_id) DO UPDATE SET gives = TRUE, disabled_plans = EXCLUDED.disabled_plans""",
                tenantId, groupId, license.skuId(), license.disabledPlans().toArray(UUID[]::new));
    }

    /** The group stops giving the product: true when it gave it. The row stays (its plans kept for a later give). */
    boolean withdraw(UUID tenantId, UUID groupId, UUID skuId) {
        return sql.update("UPDATE group_product SET gives = FALSE WHERE tenant_id = ? AND group_id = ? AND sku_id = ? "
                + "AND gives", tenantId, groupId, skuId) == 1;
    }

    /** The products the group gives now, in product order. */
    List<AssignedLicense> givenBy(UUID tenantId, UUID groupId) {
        return sql.list("SELECT sku_id, disabled_plans FROM group_product WHERE tenant_id = ? AND group_id = ? AND gives "
                + "ORDER BY sku_id", row -> new AssignedLicense(Sql.uuid(row, 1), Sql.uuids(row, 2)), tenantId, groupId);
    }

    /**
     * What the user is meant to inherit now: for each group the user is a member of, each product it gives; by
     * group, then product.
     */
    List<Inheritance> meantFor(UUID userId) {
        return sql.list("""
                SELECT p.group_id, p.sku_id, p.disabled_plans FROM group_member m
                JOIN group_product p ON p.group_id = m.group_id AND p.tenant_id = m.tenant_id AND p.gives
                WHERE m.user_id = ? AND m.member ORDER BY p.sku_id, p.group_id""",
                row -> new Inheritance(Sql.uuid(row, 1), new AssignedLicense(Sql.uuid(row, 2), Sql.uuids(row, 3))), userId);
    }

    /** The group as licensing heard of it in the tenant: its name; empty when never heard of (or another tenant's). */
    Optional<String> name(UUID tenantId, UUID groupId) {
        return sql.first("SELECT display_name FROM directory_group WHERE group_id = ? AND tenant_id = ?",
                row -> row.getString(1), groupId, tenantId);
    }

    /** Records the group's name, as directory named it at {@code changedAt}'s event (or answered). */
    void named(UUID tenantId, UUID groupId, String displayName) {
        sql.update("""
                INSERT INTO directory_group (group_id, tenant_id, display_name) VALUES (?, ?, ?)
                ON CONFLICT (group_id) DO UPDATE SET display_name = EXCLUDED.display_name
                WHERE directory_group.tenant_id = EXCLUDED.tenant_id""", groupId, tenantId, displayName);
    }

    /** The groups' names, by id; a group never heard of is left out. */
    Map<UUID, String> names(UUID tenantId, Collection<UUID> groupIds) {
        Map<UUID, String> names = new HashMap<>();
        if (groupIds.isEmpty()) {
            return names;
        }
        sql.list("SELECT group_id, display_name FROM directory_group WHERE tenant_id = ? AND group_id = ANY (?)",
                row -> Map.entry(Sql.uuid(row, 1), row.getString(2)), tenantId,
                groupIds.stream().distinct().toArray(UUID[]::new)).forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }

    /** One product a group gives one of its members. */
    record Inheritance(UUID groupId, AssignedLicense license) {
    }
}
