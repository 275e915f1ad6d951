package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.licenselifecycle.support.sql.Sql;

/**
 * The one way licensing reads and writes what it keeps of deleted users: the licenses they held
 * ({@code deleted_user_license}, {@link DeletedUserLicense}) and what a restore could not give back
 * ({@code restore_failure}, {@link RestoreFailure}). Plain SQL; writes are queued ({@link Sql#updateLater}): they travel
 * with the transaction's next statement through {@link Sql} or go just before the commit, so every later read sees them.
 */
@ApplicationScoped
class DeletedUserRows {

    private final Sql sql;

    DeletedUserRows(Sql sql) {
        this.sql = sql;
    }

    /** Remembers a license the deleted user held, and where it came from, to give back if they are restored. */
    void remember(DeletedUserLicense kept) {
        sql.insertLater("""
                INSERT INTO deleted_user_license (user_id, sku_id, tenant_id, disabled_plans, assigned_at, assigned_by_group,
                                                  self_service_subscription_id)""", "(?, ?, ?, ?, ?, ?, ?)",
                kept.userId, kept.skuId, kept.tenantId, kept.disabledPlans, kept.assignedAt, kept.assignedByGroup,
                kept.selfServiceSubscriptionId);
    }

    /** The licenses remembered for the user, in the order the user got them (then by product): a restore tries them so. */
    List<DeletedUserLicense> of(UUID userId) {
        return sql.list("""
                SELECT user_id, sku_id, tenant_id, disabled_plans, assigned_at, assigned_by_group, self_service_subscription_id
                FROM deleted_user_license WHERE user_id = ? ORDER BY assigned_at, sku_id""", row -> {
                    DeletedUserLicense license = new DeletedUserLicense();
                    license.userId = Sql.uuid(row, 1);
                    license.skuId = Sql.uuid(row, 2);
                    license.tenantId = Sql.uuid(row, 3);
                    license.disabledPlans = (UUID[]) row.getArray(4).getArray();
                    license.assignedAt = Sql.instant(row, 5);
                    license.assignedByGroup = Sql.uuid(row, 6);
                    license.selfServiceSubscriptionId = Sql.uuid(row, 7);
                    return license;
                }, userId);
    }

    /** Forgets these licenses remembered for the user (none: nothing). */
    void forget(UUID userId, Collection<UUID> skuIds) {
        if (!skuIds.isEmpty()) {
            Sql.Among skus = new Sql.Among(skuIds.toArray(UUID[]::new));
            sql.updateLater("DELETE FROM deleted_user_license WHERE user_id = ? AND " + skus.condition("sku_id"), userId,
                    skus.parameter());
        }
    }

    /** Forgets every license remembered for the user. */
    void forgetAll(UUID userId) {
        sql.updateLater("DELETE FROM deleted_user_license WHERE user_id = ?", userId);
    }

    /** Records why restoring the user did not give the product back. */
    void failed(UUID tenantId, UUID userId, UUID skuId, RestoreFailure.Reason code, String reason, Instant at) {
        sql.insertLater("INSERT INTO restore_failure (user_id, sku_id, tenant_id, reason, reason_code, recorded_at)",
                "(?, ?, ?, ?, ?, ?)", userId, skuId, tenantId, reason, code.name(), at);
    }

    /** What the last restore of the user could not give back, by product. */
    List<RestoreFailure> failures(UUID userId) {
        return sql.list("""
                SELECT user_id, sku_id, tenant_id, reason, reason_code, recorded_at
                FROM restore_failure WHERE user_id = ? ORDER BY sku_id""", row -> {
                    RestoreFailure failure = new RestoreFailure();
                    failure.userId = Sql.uuid(row, 1);
                    failure.skuId = Sql.uuid(row, 2);
                    failure.tenantId = Sql.uuid(row, 3);
                    failure.reason = row.getString(4);
                    failure.reasonCode = RestoreFailure.Reason.valueOf(row.getString(5));
                    failure.recordedAt = Sql.instant(row, 6);
                    return failure;
                }, userId);
    }

    /** Forgets what restores of the user could not give back. */
    void forgetFailures(UUID userId) {
        sql.updateLater("DELETE FROM restore_failure WHERE user_id = ?", userId);
    }
}
