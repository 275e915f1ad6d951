package org.licenselifecycle.licensing.subscriptions;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.licenselifecycle.contract.graph.GraphException;
import org.licenselifecycle.contract.roles.DirectoryRole;

/**
 * Who is buying, and which purchases are theirs to make. A purchase for the tenant (bought by an admin, or
 * recorded for a CSP partner) is a Global or Billing Administrator's: it adds seats and gives nobody a
 * license. A self-service purchase is a user's own: the caller is its purchaser, and the licenses they
 * give out are theirs to give. A caller holding any admin role acts as an admin and buys for the tenant;
 * a self-service purchase is never made by an admin, nor on another user's behalf, since it would put
 * licenses on users past the rule that only Global, License and User Administrators assign licenses.
 *
 * @param objectId the caller ({@code oid})
 * @param roles the caller's directory roles, from the token's {@code wids}
 */
public record Buyer(UUID objectId, Set<DirectoryRole> roles) {

    private static final Set<DirectoryRole> BUY_FOR_THE_TENANT = EnumSet.of(DirectoryRole.GLOBAL_ADMINISTRATOR,
            DirectoryRole.BILLING_ADMINISTRATOR);

    public Buyer {
        roles = Set.copyOf(roles);
    }

    /** @throws GraphException 403 unless the caller is a Global or Billing Administrator */
    void requireMayBuyForTheTenant() {
        if (roles.stream().noneMatch(BUY_FOR_THE_TENANT::contains)) {
            throw GraphException.forbidden();
        }
    }

    /**
     * @param named the purchaser the request names, if any
     * @throws GraphException 403 when the caller holds an admin role, or names someone else as purchaser
     */
    void requireBuysForThemselves(NewSubscription.Purchaser named) {
        if (!roles.isEmpty() || (named != null && !objectId.equals(named.id()))) {
            throw GraphException.forbidden();
        }
    }
}
