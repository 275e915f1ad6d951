package org.licenselifecycle.licensing.licenses;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A product license a user holds, with the service plans the admin turned off. */
@Entity
@Table(name = "license_assignment")
@IdClass(LicenseAssignment.Key.class)
public class LicenseAssignment extends PanacheEntityBase {

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

    @Column(name = "assigned_by")
    public UUID assignedBy;

    /** The self-service purchase this license came from while its purchaser manages it; null otherwise. */
    @Column(name = "self_service_subscription_id")
    public UUID selfServiceSubscriptionId;

    /** The group the license is inherited from; null when assigned directly. */
    @Column(name = "assigned_by_group")
    public UUID assignedByGroup;

    /** Gives the user the product and stores it; callers take the seat and announce it. */
    static LicenseAssignment give(UUID tenantId, UUID userId, UUID skuId, List<UUID> disabledPlans, Instant at,
            UUID assignedBy) {
        LicenseAssignment assignment = new LicenseAssignment();
        assignment.userId = userId;
        assignment.skuId = skuId;
        assignment.tenantId = tenantId;
        assignment.disabledPlans = disabledPlans.toArray(UUID[]::new);
        assignment.assignedAt = at;
        assignment.assignedBy = assignedBy;
        return assignment;
    }

    public List<UUID> disabledPlanList() {
        return List.of(disabledPlans);
    }

    public static List<LicenseAssignment> heldBy(UUID userId) {
        return list("userId = ?1 order by skuId", userId);
    }

    /** The composite key: a user holds a product at most once. */
    public static class Key implements Serializable {
        public UUID userId;
        public UUID skuId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(userId, other.userId) && Objects.equals(skuId, other.skuId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, skuId);
        }
    }
}
