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

/** A license that restoring a deleted user could not give back, and why; admins read it on the user. */
@Entity
@Table(name = "restore_failure")
@IdClass(UserProductKey.class)
public class RestoreFailure extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    @Id
    @Column(name = "sku_id")
    public UUID skuId;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "reason", nullable = false)
    public String reason;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Records why restoring the user did not give the product back. */
    static void record(UUID tenantId, UUID userId, UUID skuId, String reason, Instant at) {
        RestoreFailure failure = new RestoreFailure();
        failure.userId = userId;
        failure.skuId = skuId;
        failure.tenantId = tenantId;
        failure.reason = reason;
        failure.recordedAt = at;
        failure.persist();
    }

    static List<RestoreFailure> of(UUID userId) {
        return list("userId = ?1 order by skuId", userId);
    }
}
