package org.licenselifecycle.licensing.licenses;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code", nullable = false)
    public Reason reasonCode;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** Why a license did not come back, by where it came from. */
    public enum Reason {
        /** A direct or inherited license: its product has no seat left (inherited: the group's seat, from the same pool). */
        NO_AVAILABLE_LICENSES,
        /** The tenant no longer owns the product. */
        PRODUCT_NOT_OWNED,
        /** Inherited: the group no longer gives the product (or the user is no longer its member). */
        GROUP_NO_LONGER_GIVES_PRODUCT,
        /** Inherited: a group gives it, but not to the user (its state is Error, e.g. MutuallyExclusiveViolation). */
        GROUP_COULD_NOT_GIVE_PRODUCT,
        /** From a self-service purchase that was cancelled. */
        PURCHASE_CANCELLED,
        /** From a self-service purchase that expired and gives no licenses any more. */
        PURCHASE_EXPIRED,
        /** From a self-service purchase whose licenses are all given out. */
        PURCHASE_HAS_NO_LICENSES_LEFT,
        /**
         * An add-on whose prerequisite plan did not come back with it (e.g. its Exchange Online product had no seat
         * left): given back alone it would lack what it depends on, so it is not ({@link AddOnPrerequisites#lacking}).
         */
        PREREQUISITE_MISSING
    }

    /** Records why restoring the user did not give the product back. */
    static void record(UUID tenantId, UUID userId, UUID skuId, Reason code, String reason, Instant at) {
        RestoreFailure failure = new RestoreFailure();
        failure.userId = userId;
        failure.skuId = skuId;
        failure.tenantId = tenantId;
        failure.reasonCode = code;
        failure.reason = reason;
        failure.recordedAt = at;
        failure.persist();
    }

    static List<RestoreFailure> of(UUID userId) {
        return list("userId = ?1 order by skuId", userId);
    }
}
