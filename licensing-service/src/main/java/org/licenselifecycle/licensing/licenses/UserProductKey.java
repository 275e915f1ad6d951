package org.licenselifecycle.licensing.licenses;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * The key of a row about one user and one product ({@link DeletedUserLicense}, {@link RestoreFailure}): a user
 * has at most one such row per product.
 */
public class UserProductKey implements Serializable {
    public UUID userId;
    public UUID skuId;

    @Override
    public boolean equals(Object o) {
        return o instanceof UserProductKey other && Objects.equals(userId, other.userId) && Objects.equals(skuId, other.skuId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, skuId);
    }
}
