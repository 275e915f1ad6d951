package org.licenselifecycle.directory.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A product a group gives its members, as licensing-service's latest GroupLicensesChanged says (licensing owns group
 * licenses; this is its read model, Graph's group {@code assignedLicenses}).
 */
@Entity
@Table(name = "group_license")
@IdClass(GroupLicense.Key.class)
public class GroupLicense {

    @Id
    @Column(name = "group_id")
    public UUID groupId;

    @Id
    @Column(name = "sku_id")
    public UUID skuId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "disabled_plans", nullable = false)
    public UUID[] disabledPlans;

    public List<UUID> disabledPlanList() {
        return List.of(disabledPlans);
    }

    /** The composite key: one row per group and product. */
    public static class Key implements Serializable {
        public UUID groupId;
        public UUID skuId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key other && Objects.equals(groupId, other.groupId) && Objects.equals(skuId, other.skuId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(groupId, skuId);
        }
    }
}
