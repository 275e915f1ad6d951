package org.licenselifecycle.licensing.licenses;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.licenselifecycle.events.LicenseAssigned;
import org.licenselifecycle.events.LicenseRemoved;
import org.licenselifecycle.events.RemovalReason;
import org.licenselifecycle.licensing.products.ServicePlan;
import org.licenselifecycle.licensing.users.UserRef;
import org.licenselifecycle.support.outbox.Outbox;

/**
 * Announces assignments and removals through the outbox, in the transaction that makes them. No interceptor of its own:
 * {@link Outbox#add} already refuses to run outside a transaction, and every unassign calls here (an interceptor chain
 * per call is a measurable share of an unassign's CPU, {@code bench/README.md}).
 */
@ApplicationScoped
class LicenseEvents {

    private final Outbox outbox;

    LicenseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A license assigned directly (or its disabled plans changed). */
    void assigned(UserRef user, HeldLicense license, boolean exchangeOnlineRetained, UUID assignedBy, Instant at) {
        assigned(user, license, null, exchangeOnlineRetained, assignedBy, at);
    }

    /**
     * @param assignedByGroup the group the user inherits the license from; null when assigned directly
     * @param exchangeOnlineRetained whether the user holds an enabled Exchange Online plan through any license
     *     (this one included) once the change is done; false after this license's Exchange plan was turned off
     *     and no other gives one, which takes the mailbox's license away as a removal does
     */
    void assigned(UserRef user, HeldLicense license, UUID assignedByGroup, boolean exchangeOnlineRetained,
            UUID assignedBy, Instant at) {
        var plans = license.enabledPlans();
        outbox.add(user.userId(), new LicenseAssigned(user.tenantId(), user.userId(), user.userPrincipalName(),
                license.product().skuId(), license.product().skuPartNumber(),
                plans.stream().map(ServicePlan::toEvent).toList(),
                plans.stream().anyMatch(ServicePlan::isExchangeOnline), assignedBy, at, license.disabledPlans(),
                assignedByGroup, plans.stream().anyMatch(ServicePlan::exchangeEnterprise),
                plans.stream().anyMatch(ServicePlan::givesOneDrive), exchangeOnlineRetained));
    }

    /**
     * @param exchangeOnlineRetained whether the user still has Exchange Online through another license once
     *     the change is done, in which case the mailbox stays as it is
     */
    void removed(UserRef user, HeldLicense license, boolean exchangeOnlineRetained, RemovalReason reason,
            UUID removedBy, Instant at) {
        removed(user, license, exchangeOnlineRetained, reason, removedBy, at, null);
    }

    /** A license taken away by the system because the subscription {@code subscriptionId} was deleted. */
    void subscriptionDeleted(UserRef user, HeldLicense license, boolean exchangeOnlineRetained, UUID subscriptionId,
            Instant at) {
        removed(user, license, exchangeOnlineRetained, RemovalReason.SUBSCRIPTION_DELETED, null, at, subscriptionId);
    }

    /**
     * A license that left the user because they no longer inherit it from {@code groupId} (left the group, or the
     * group no longer gives the product) and nothing else gives it: a removal to every consumer, so the mailbox's
     * grace period starts.
     */
    void noLongerInherited(UserRef user, HeldLicense license, boolean exchangeOnlineRetained, UUID groupId,
            UUID removedBy, Instant at) {
        var plans = license.enabledPlans();
        outbox.add(user.userId(), new LicenseRemoved(user.tenantId(), user.userId(), user.userPrincipalName(),
                license.product().skuId(), license.product().skuPartNumber(),
                plans.stream().map(ServicePlan::toEvent).toList(),
                plans.stream().anyMatch(ServicePlan::isExchangeOnline), exchangeOnlineRetained,
                RemovalReason.NO_LONGER_INHERITED, removedBy, at, null, groupId));
    }

    private void removed(UserRef user, HeldLicense license, boolean exchangeOnlineRetained, RemovalReason reason,
            UUID removedBy, Instant at, UUID deletedSubscriptionId) {
        var plans = license.enabledPlans();
        outbox.add(user.userId(), new LicenseRemoved(user.tenantId(), user.userId(), user.userPrincipalName(),
                license.product().skuId(), license.product().skuPartNumber(),
                plans.stream().map(ServicePlan::toEvent).toList(),
                plans.stream().anyMatch(ServicePlan::isExchangeOnline), exchangeOnlineRetained, reason, removedBy, at,
                deletedSubscriptionId));
    }
}
