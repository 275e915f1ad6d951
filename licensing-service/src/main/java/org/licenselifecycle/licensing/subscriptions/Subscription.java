package org.licenselifecycle.licensing.subscriptions;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One subscription a tenant bought for a product: a row of the "Your products" page. */
@Entity
@Table(name = "subscription")
public class Subscription extends PanacheEntityBase {

    @Id
    @Column(name = "id")
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "sku_id", nullable = false)
    public UUID skuId;

    @Column(name = "licenses", nullable = false)
    public int licenses;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false)
    public SubscriptionStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Subscription> ofTenant(UUID tenantId) {
        return list("tenantId = ?1 order by createdAt, id", tenantId);
    }
}
