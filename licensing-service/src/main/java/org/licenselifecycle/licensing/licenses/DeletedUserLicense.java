package org.licenselifecycle.licensing.licenses;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.licenselifecycle.licensing.licenses.Holder.LicenseRow;

/** A license a user held when they were deleted, kept so that restoring the user can give it back. */
@Entity
@Table(name = "deleted_user_license")
@IdClass(UserProductKey.class)
public class DeletedUserLicense extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Id
    @Column(name = "sku_id")
    public UUID skuId;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "disabled_plans", nullable = false)
    public UUID[] disabledPlans;

    @Column(name = "assigned_at", nullable = false)
    public Instant assignedAt;

    /** The group the user inherited it from; null when not inherited. */
    @Column(name = "assigned_by_group")
    public UUID assignedByGroup;

    /** The self-service purchase it came from, its purchaser managing it then; null otherwise. */
    @Column(name = "self_service_subscription_id")
    public UUID selfServiceSubscriptionId;

    /** Remembers a license the deleted user held, and where it came from, to give back if they are restored. */
    static void remember(UUID tenantId, UUID userId, LicenseRow license, Instant assignedAt) {
        DeletedUserLicense kept = new DeletedUserLicense();
        kept.userId = userId;
        kept.skuId = license.skuId();
        kept.tenantId = tenantId;
        // a direct assignment comes back with its own plans, merged again with what the user's groups give then
        kept.disabledPlans = (license.direct() ? license.directDisabledPlans() : license.disabledPlans())
                .toArray(UUID[]::new);
        kept.assignedAt = assignedAt;
        // a license also assigned directly comes back directly, from the seats
        kept.assignedByGroup = license.direct() ? null : license.assignedByGroup();
        kept.selfServiceSubscriptionId = license.selfServiceSubscriptionId();
        kept.persist();
    }

    /** The license as the user held it, with its origin. */
    LicenseRow asHeld() {
        return new LicenseRow(skuId, List.of(disabledPlans), selfServiceSubscriptionId, assignedByGroup);
    }

    /** In the order the user got them (then by product), so a restore always tries them in the same order. */
    static List<DeletedUserLicense> of(UUID userId) {
        return list("userId = ?1 order by assignedAt, skuId", userId);
    }
}
