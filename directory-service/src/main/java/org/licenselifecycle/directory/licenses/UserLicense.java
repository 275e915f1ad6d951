package org.licenselifecycle.directory.licenses;

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
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A product as the directory last heard of it on one user (licensing owns the licenses; this is its read
 * model): held, with the plans turned off and the group it is inherited from, or removed. A removed one is kept
 * so that an older event arriving late cannot bring it back, and so that its plans show as deleted.
 */
@Entity
@Immutable // written only by UserLicenses, in one statement per event
@Table(name = "user_license")
@IdClass(UserLicense.Key.class)
public class UserLicense {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Id
    @Column(name = "sku_id")
    public UUID skuId;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    /** Held by the user; false once removed. */
    @Column(nullable = false)
    public boolean held;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "disabled_plans", nullable = false)
    public UUID[] disabledPlans;

    /** The group the license is inherited from; null when assigned directly. */
    @Column(name = "assigned_by_group")
    public UUID assignedByGroup;

    /** The product's plans enabled for the user while held; the plans the user lost once removed. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "plan_ids", nullable = false)
    public UUID[] planIds;

    /** The service of each of {@link #planIds}, in the same order ({@code exchange}, {@code SharePoint}...). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "plan_services", nullable = false)
    public String[] planServices;

    /** The time (ce_time) of the latest event applied: an older one changes nothing. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public List<UUID> disabledPlanList() {
        return List.of(disabledPlans);
    }

    /** The composite key: one row per user and product. */
    public static class Key implements Serializable {
        public UUID userId;
        public UUID skuId;

        public Key() {
        }

        Key(UUID userId, UUID skuId) {
            this.userId = userId;
            this.skuId = skuId;
        }

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
