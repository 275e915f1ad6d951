package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.support.sql.Sql;

/**
 * The one way licensing reads and writes {@code inherited_license}: for each member, each product each of its groups
 * gives, with its state as Graph's {@code licenseAssignmentState} says it ({@link InheritedState}). An Active one is
 * a source of the user's one license of the product ({@code license_assignment}, whose other source is a direct
 * assignment); an Error one gave no license.
 */
@ApplicationScoped
class InheritedLicenses {

    private final Sql sql;

    InheritedLicenses(Sql sql) {
        this.sql = sql;
    }

    /** What the user (locked by the caller) inherits or failed to, by product, then group. */
    List<InheritedState> of(UUID userId) {
        return sql.list("""
                SELECT i.group_id, i.sku_id, i.state, i.error, i.updated_at, COALESCE(p.disabled_plans, '{}')
                FROM inherited_license i
                LEFT JOIN group_product p ON p.tenant_id = i.tenant_id AND p.group_id = i.group_id AND p.sku_id = i.sku_id
                WHERE i.user_id = ? ORDER BY i.sku_id, i.group_id""",
                row -> new InheritedState(Sql.uuid(row, 1), Sql.uuid(row, 2), Sql.uuids(row, 6), row.getString(3),
                        row.getString(4), Sql.instant(row, 5)),
                userId);
    }

    /** Records the state of what the user inherits of {@code skuId} from the group. */
    void put(UUID tenantId, UUID userId, UUID groupId, UUID skuId, String state, String error, Instant at) {
        sql.update("""
                INSERT INTO inherited_license (user_id, sku_id, group_id, tenant_id, state, error, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (user_id, sku_id, group_id) DO UPDATE SET state = EXCLUDED.state, error = EXCLUDED.error,
                    updated_at = EXCLUDED.updated_at""", userId, skuId, groupId, tenantId, state, error, at);
    }

    /** The user no longer inherits {@code skuId} from the group (left it, or the group no longer gives it). */
    void drop(UUID userId, UUID groupId, UUID skuId) {
        sql.update("DELETE FROM inherited_license WHERE user_id = ? AND group_id = ? AND sku_id = ?", userId, groupId, skuId);
    }

    /** The user was deleted: nothing is inherited any more (a restore inherits again through {@code group_member}). */
    void dropAll(UUID userId) {
        sql.update("DELETE FROM inherited_license WHERE user_id = ?", userId);
    }

    /** Whether the user has any state from a group, which makes a change of their licenses announce their states. */
    boolean any(UUID userId) {
        return sql.first("SELECT 1 FROM inherited_license WHERE user_id = ? LIMIT 1", row -> 1, userId).isPresent();
    }
}
