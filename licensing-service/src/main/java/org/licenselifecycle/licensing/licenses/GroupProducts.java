package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.licenselifecycle.support.sql.Sql;

/**
 * The one way licensing reads and writes {@code group_product}: which products a group gives (or gave) its members,
 * and the group's name. A change of a group's products locks its row first ({@link #given}, {@link #withdrawn}), before any
 * member, and a restore reads it locked for share ({@link #stillGives}) after locking its user: so a restore and the
 * group losing the product happen one after the other, and a restored member is never left holding a product the
 * group no longer gives.
 */
@ApplicationScoped
class GroupProducts {

    private final Sql sql;

    GroupProducts(Sql sql) {
        this.sql = sql;
    }

    /** The group gives the product (again); a name given renames the group, none keeps the one it has. */
    void given(UUID tenantId, UUID groupId, UUID skuId, String displayName) {
        sql.update("""
                INSERT INTO group_product (tenant_id, group_id, sku_id, display_name) VALUES (?, ?, ?, ?)
                ON CONFLICT (tenant_id, group_id, sku_id)
                DO UPDATE SET gives = TRUE, display_name = COALESCE(EXCLUDED.display_name, group_product.display_name)""",
                tenantId, groupId, skuId, displayName);
        if (displayName != null) {
            sql.update("UPDATE group_product SET display_name = ? WHERE tenant_id = ? AND group_id = ?", displayName,
                    tenantId, groupId);
        }
    }

    /**
     * The group stops giving the product, keeping its name: true when it gave it (its row is locked until the
     * transaction ends).
     */
    boolean withdrawn(UUID tenantId, UUID groupId, UUID skuId) {
        return sql.update("UPDATE group_product SET gives = FALSE WHERE tenant_id = ? AND group_id = ? AND sku_id = ? "
                + "AND gives", tenantId, groupId, skuId) == 1;
    }

    /**
     * Whether the group still gives the product, its row locked for share until the transaction ends (one that is
     * withdrawing it is waited for, then read again).
     */
    boolean stillGives(UUID tenantId, UUID groupId, UUID skuId) {
        return sql.first("SELECT 1 FROM group_product WHERE tenant_id = ? AND group_id = ? AND sku_id = ? AND gives "
                + "FOR SHARE", row -> 1, tenantId, groupId, skuId).isPresent();
    }

    /** The groups' names, by id; a group recorded without a name is left out. */
    Map<UUID, String> names(UUID tenantId, Collection<UUID> groupIds) {
        Map<UUID, String> names = new HashMap<>();
        if (groupIds.isEmpty()) {
            return names;
        }
        sql.list("SELECT DISTINCT group_id, display_name FROM group_product WHERE tenant_id = ? AND group_id = ANY (?) "
                + "AND display_name IS NOT NULL", row -> Map.entry(Sql.uuid(row, 1), row.getString(2)), tenantId,
                groupIds.stream().distinct().toArray(UUID[]::new)).forEach(e -> names.put(e.getKey(), e.getValue()));
        return names;
    }
}
