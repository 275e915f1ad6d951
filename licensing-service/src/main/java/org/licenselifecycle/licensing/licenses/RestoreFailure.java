package org.licenselifecycle.licensing.licenses;

import java.time.Instant;
import java.util.UUID;

/**
 * A license that restoring a deleted user could not give back, and why; admins read it on the user. A row of
 * {@code restore_failure}, read and written by {@link DeletedUserRows}.
 */
public class RestoreFailure {

    public UUID userId;

    public UUID skuId;

    public UUID tenantId;

    public String reason;

    /** Stored as its name. */
    public Reason reasonCode;

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
}
