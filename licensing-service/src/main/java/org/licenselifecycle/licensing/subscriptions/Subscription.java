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

    @Column(name = "trial", nullable = false)
    public boolean trial;

    @Enumerated(EnumType.STRING)
    @Column(name = "bought_by", nullable = false)
    public PurchaseChannel boughtBy;

    /** The user who bought a self-service purchase; null otherwise. */
    @Column(name = "purchaser_id")
    public UUID purchaserId;

    @Column(name = "purchaser_name")
    public String purchaserName;

    @Column(name = "taken_over_at")
    public Instant takenOverAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "product_kind", nullable = false)
    public ProductKind productKind;

    @Column(name = "recurring_billing", nullable = false)
    public boolean recurringBilling;

    /** When it renews, or ends when recurring billing is off; null for perpetual software. */
    @Column(name = "next_lifecycle_at")
    public Instant nextLifecycleAt;

    /** Until when it can still be cancelled; null when it cannot be cancelled at all. */
    @Column(name = "cancellation_window_ends_at")
    public Instant cancellationWindowEndsAt;

    /** Licenses the purchaser of a self-service purchase gave out, before an admin takes it over. */
    @Column(name = "self_service_assigned", nullable = false)
    public int selfServiceAssigned;

    /** A self-service purchase its purchaser still manages: admins can't assign or unassign its licenses. */
    public boolean managedByPurchaser() {
        return boughtBy == PurchaseChannel.SELF_SERVICE && takenOverAt == null;
    }

    /**
     * Whether the Your products page assigns and unassigns its licenses: "If you're a Cloud Solution Provider (CSP)
     * and you bought products on behalf of a customer, you can't use the Your products page to assign or unassign
     * licenses for certain products, like perpetual software" (the Licenses page then does).
     */
    public boolean licensesChangeOnYourProducts() {
        return !(boughtBy == PurchaseChannel.CSP && productKind == ProductKind.PERPETUAL_SOFTWARE);
    }

    /** Whether admins can assign from it: it counts towards its product's total on the Licenses page. */
    public boolean assignable() {
        return status.assignable() && countsTowardsProduct();
    }

    /**
     * Whether its licenses are the tenant's, counted in the product's units whatever its state: every
     * subscription but a self-service purchase its purchaser still manages.
     */
    public boolean countsTowardsProduct() {
        return !managedByPurchaser();
    }

    /** The purchaser of a self-service purchase gave out {@code count} more of its licenses. */
    public void selfServiceLicensesGiven(int count) {
        if (!managedByPurchaser() || count < 0 || selfServiceAssigned + count > licenses) {
            throw new IllegalStateException("Subscription " + id + " cannot give out " + count + " more of its "
                    + licenses + " licenses (" + selfServiceAssigned + " given out)");
        }
        selfServiceAssigned += count;
    }

    /** One license the purchaser gave out came back (its user was deleted). */
    public void selfServiceLicenseFreed() {
        if (selfServiceAssigned < 1) {
            throw new IllegalStateException("Subscription " + id + " has no license given out to free");
        }
        selfServiceAssigned--;
    }

    /**
     * An admin took over the self-service purchase at {@code at}: its licenses count as the product's from now on.
     *
     * @return how many of its licenses the purchaser had given out, now assigned seats of the product
     */
    int takeOver(Instant at) {
        int given = selfServiceAssigned;
        takenOverAt = at;
        selfServiceAssigned = 0;
        return given;
    }

    /** Cancelled: no longer assignable, nothing renews. */
    void cancel() {
        status = SubscriptionStatus.Deleted;
        recurringBilling = false;
    }

    /** Fewer licenses, never fewer than the purchaser of a self-service purchase gave out. */
    void reduceTo(int count) {
        if (count < selfServiceAssigned) {
            throw new IllegalStateException("Subscription " + id + " cannot go below the " + selfServiceAssigned
                    + " licenses given out");
        }
        licenses = count;
    }

    public static Subscription findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .firstResult();
    }

    /** The self-service purchases of a product that their purchasers still manage. */
    public static List<Subscription> managedByPurchaser(UUID tenantId, UUID skuId) {
        return list("tenantId = ?1 and skuId = ?2 and boughtBy = ?3 and takenOverAt is null order by createdAt",
                tenantId, skuId, PurchaseChannel.SELF_SERVICE);
    }

    public static List<Subscription> ofTenant(UUID tenantId) {
        return list("tenantId = ?1 order by createdAt, id", tenantId);
    }
}
