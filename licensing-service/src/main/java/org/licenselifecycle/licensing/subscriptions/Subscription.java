package org.licenselifecycle.licensing.subscriptions;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * One subscription a tenant bought for a product: a row of the "Your products" page (table {@code subscription}).
 * A plain object: {@link SubscriptionRepository} reads it and writes what its methods changed, when the caller saves
 * it ({@link SubscriptionRepository#save}).
 */
public class Subscription {

    public UUID id;

    public UUID tenantId;

    public UUID skuId;

    public int licenses;

    /** Stored as its name. */
    public SubscriptionStatus status;

    public Instant createdAt;

    public boolean trial;

    /** Stored as its name. */
    public PurchaseChannel boughtBy;

    /** The user who bought a self-service purchase; null otherwise. */
    public UUID purchaserId;

    public String purchaserName;

    public Instant takenOverAt;

    /** Stored as its name. */
    public ProductKind productKind;

    public boolean recurringBilling;

    /** When it renews, or ends when recurring billing is off; null for perpetual software. */
    public Instant nextLifecycleAt;

    /** Until when it can still be cancelled; null when it cannot be cancelled at all. */
    public Instant cancellationWindowEndsAt;

    /** When it went Expired at the end of its life ({@link SubscriptionLife}); null before, and once reactivated. */
    public Instant expiredAt;

    /** When it went Disabled ({@link SubscriptionLife}); null before, and once reactivated. */
    public Instant disabledAt;

    /** When it was deleted (cancelled, or at the end of its life); null while it is not. */
    public Instant deletedAt;

    /** Licenses the purchaser of a self-service purchase gave out, before an admin takes it over. */
    public int selfServiceAssigned;

    /** The row as last read or written ({@link SubscriptionRepository}); null while it was never stored. */
    Object[] stored;

    /** The row's columns, in {@link SubscriptionRepository#COLUMNS}' order (enums as their names). */
    Object[] columns() {
        return new Object[] {id, tenantId, skuId, licenses, name(status), createdAt, trial, name(boughtBy), purchaserId,
            purchaserName, takenOverAt, name(productKind), recurringBilling, nextLifecycleAt, cancellationWindowEndsAt,
            expiredAt, disabledAt, deletedAt, selfServiceAssigned};
    }

    /** Whether a field changed since the row was last read or written. */
    boolean changedSinceStored() {
        return !Arrays.equals(columns(), stored);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

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
     * An admin took over the self-service purchase at {@code at}: its licenses count as the product's from now on, in
     * its state. A Deleted one has none left to count.
     *
     * @return how many of its licenses the purchaser had given out, now assigned seats of the product
     */
    int takeOver(Instant at) {
        if (status == SubscriptionStatus.Deleted) {
            throw new IllegalStateException("Subscription " + id + " is deleted; it cannot be taken over");
        }
        int given = selfServiceAssigned;
        takenOverAt = at;
        selfServiceAssigned = 0;
        return given;
    }

    /** Cancelled: no longer assignable, nothing renews. */
    void cancel(Instant at) {
        status = SubscriptionStatus.Deleted;
        recurringBilling = false;
        deletedAt = at;
    }

    /** Whether it ends at {@link #nextLifecycleAt} instead of renewing: recurring billing is off (perpetual software never ends). */
    public boolean ending() {
        return productKind != ProductKind.PERPETUAL_SOFTWARE && !recurringBilling && nextLifecycleAt != null
                && status != SubscriptionStatus.Deleted;
    }

    /** Expired or Disabled at the end of its life, not yet deleted: reactivating brings it back. */
    public boolean reactivatable() {
        return status != SubscriptionStatus.Deleted && (expiredAt != null || disabledAt != null);
    }

    /** Whether users may still hold its licenses outside the product's total: Disabled at the end of its life. */
    boolean licensesHeldWhileDisabled() {
        return disabledAt != null && countsTowardsProduct();
    }

    /**
     * Renewed at its date (recurring billing on): "automatically billed, and you're charged for another year or
     * month"; a trial starts being billed ("When your trial ends, we automatically start billing you"), and a new
     * cancellation window opens.
     */
    void renew(Duration term, Duration cancellationWindow) {
        Instant renewedAt = nextLifecycleAt;
        trial = false;
        nextLifecycleAt = renewedAt.plus(term);
        cancellationWindowEndsAt = renewedAt.plus(cancellationWindow);
    }

    /** Its end date came with recurring billing off: Expired, users keep access. */
    void expire(Instant at) {
        status = SubscriptionStatus.Warning;
        expiredAt = at;
    }

    /**
     * Its days Expired are over: Disabled, users lose access, nobody can be given one of its licenses.
     *
     * @return whether its licenses were the product's to assign until now (they leave the product's total)
     */
    boolean disable(Instant at) {
        boolean wereAssignable = assignable();
        status = SubscriptionStatus.Suspended;
        disabledAt = at;
        return wereAssignable;
    }

    /** Its days Disabled are over: Deleted, for good. */
    void delete(Instant at) {
        status = SubscriptionStatus.Deleted;
        deletedAt = at;
    }

    /**
     * Reactivated before it was deleted (recurring billing turned on again): Enabled, and "the Next billing date
     * extends by either one month or one year" from its end date, as far as needed to lie ahead of {@code now}; a
     * trial is billed from then on.
     */
    void reactivate(Instant now, Duration term) {
        recurringBilling = true;
        status = SubscriptionStatus.Enabled;
        expiredAt = null;
        disabledAt = null;
        trial = false;
        Instant next = nextLifecycleAt;
        while (!next.isAfter(now)) {
            next = next.plus(term);
        }
        nextLifecycleAt = next;
    }

    /** Fewer licenses, never fewer than the purchaser of a self-service purchase gave out. */
    void reduceTo(int count) {
        if (count < selfServiceAssigned) {
            throw new IllegalStateException("Subscription " + id + " cannot go below the " + selfServiceAssigned
                    + " licenses given out");
        }
        licenses = count;
    }
}
